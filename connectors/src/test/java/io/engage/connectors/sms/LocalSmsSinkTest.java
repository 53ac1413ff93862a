package io.engage.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSmsSinkTest {

  @Test
  void keepsTheNewestMessagesUpToItsCapacity() {
    LocalSmsSink sink = new LocalSmsSink(2);
    sink.send(sms("k1", "+8613800000001", "一"));
    sink.send(sms("k2", "+8613800000002", "二"));
    DeliveryResult third = sink.send(sms("k3", "+8613800000003", "三"));
    assertThat(third.outcome()).isEqualTo(DeliveryResult.Outcome.SENT);
    assertThat(sink.messages()).extracting(LocalSmsSink.SinkedSms::text).containsExactly("三", "二");
    assertThat(sink.messages().getFirst().providerMessageId()).isEqualTo(third.providerMessageId());
    sink.clear();
    assertThat(sink.messages()).isEmpty();
  }

  @Test
  void refusesSomethingThatIsNotAPhoneNumber() {
    LocalSmsSink sink = new LocalSmsSink();
    DeliveryResult result = sink.send(sms("k", "call me", "hi"));
    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(sink.messages()).isEmpty();
  }

  private static OutboundMessage sms(String key, String to, String text) {
    return new OutboundMessage(key, Channel.SMS, to, null, text, null, Map.of());
  }
}
