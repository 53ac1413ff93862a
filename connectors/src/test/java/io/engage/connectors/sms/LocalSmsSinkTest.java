package io.engage.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LocalSmsSinkTest {

  @Test
  void storesWhatItSends() {
    LocalSmsSink sink = new LocalSmsSink();

    DeliveryResult result = sink.send(sms("k1", "+8613800000001", "【Engage】您的验证码是 123456"));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    assertThat(sink.channel()).isEqualTo(Channel.SMS);
    LocalSmsSink.SinkedSms stored = sink.messages().getFirst();
    assertThat(stored.providerMessageId()).isEqualTo(result.providerMessageId());
    assertThat(stored.recipient()).isEqualTo("+8613800000001");
    assertThat(stored.text()).isEqualTo("【Engage】您的验证码是 123456");
    assertThat(stored.idempotencyKey()).isEqualTo("k1");
    assertThat(stored.at()).isNotNull();
  }

  @Test
  void keepsTheNewestMessagesUpToItsCapacity() {
    LocalSmsSink sink = new LocalSmsSink(2);
    sink.send(sms("k1", "13800000001", "一"));
    sink.send(sms("k2", "13800000002", "二"));
    sink.send(sms("k3", "13800000003", "三"));

    assertThat(sink.messages()).extracting(LocalSmsSink.SinkedSms::text).containsExactly("三", "二");
    sink.clear();
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void refusesSomethingThatIsNotAPhoneNumberAndAnEmptyText() {
    LocalSmsSink sink = new LocalSmsSink();

    for (String bad : new String[] {"call me", "12345", "+1234567890123456", "+86 138 0000 0001", ""}) {
      DeliveryResult result = sink.send(sms("k", bad, "hi"));
      assertThat(result.outcome()).as(bad).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
      assertThat(result.recipientDead()).as(bad).isTrue();
    }
    assertThat(sink.send(sms("k", null, "hi")).outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(sink.send(sms("k", "+8613800000001", " ")).outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void concurrentSendersNeitherLoseMessagesNorOverflow() throws Exception {
    LocalSmsSink sink = new LocalSmsSink(500);
    try (var pool = Executors.newFixedThreadPool(8)) {
      List<Future<?>> sends = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        int n = i;
        sends.add(pool.submit(() -> sink.send(sms("k" + n, "+86138" + String.format("%08d", n), "m" + n))));
      }
      for (Future<?> send : sends) {
        send.get();
      }
    }
    assertThat(sink.messages()).hasSize(400);

    for (int i = 0; i < 200; i++) {
      sink.send(sms("more" + i, "13800000000", "more"));
    }
    assertThat(sink.messages()).hasSize(500);
  }

  private static OutboundMessage sms(String key, String to, String text) {
    return new OutboundMessage(key, Channel.SMS, to, null, text, null, Map.of());
  }
}
