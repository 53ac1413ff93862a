package io.engage.connectors.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Connection reuse and what happens when the relay drops or hangs, against a real SMTP socket. */
class SmtpConnectionReuseTest {

  private static SmtpEmailConnector connector(int port, int connections) {
    return new SmtpEmailConnector(new SmtpSettings("127.0.0.1", port, null, null, false, false,
        "no-reply@engage.test", Duration.ofSeconds(10), connections, 50));
  }

  @Test
  void sequentialMessagesShareOneConnectionUntilItsMessageCap() throws Exception {
    try (MiniSmtpSink sink = new MiniSmtpSink(false, true); SmtpEmailConnector connector = connector(sink.port(), 4)) {
      for (int i = 0; i < 120; i++) {
        assertThat(connector.send(SmtpEmailConnectorTest.message("k" + i, "a@example.com", "s", "t", null)).sent())
            .isTrue();
      }
      assertThat(sink.messages).hasValue(120);
      assertThat(sink.connections).hasValue(3);
    }
  }

  @Test
  void concurrentSendersUseAtMostTheConfiguredConnectionsAndLoseNothing() throws Exception {
    try (MiniSmtpSink sink = new MiniSmtpSink(false, true); SmtpEmailConnector connector = connector(sink.port(), 3)) {
      List<Future<DeliveryResult>> results = new ArrayList<>();
      try (var pool = Executors.newFixedThreadPool(8)) {
        for (int i = 0; i < 200; i++) {
          String key = "c" + i;
          results.add(pool.submit(() -> connector.send(SmtpEmailConnectorTest.message(key, "a@example.com", "s", "t", null))));
        }
      }
      for (Future<DeliveryResult> result : results) {
        assertThat(result.get().sent()).isTrue();
      }
      assertThat(sink.messages).hasValue(200);
      assertThat(sink.messageIds).doesNotHaveDuplicates().hasSize(200);
      assertThat(sink.connections.get()).isLessThanOrEqualTo(3 + 200 / 50);
    }
  }

  @Test
  void aConnectionTheRelayDroppedIsReplacedWithoutLosingOrDuplicatingTheMessage() throws Exception {
    try (MiniSmtpSink sink = new MiniSmtpSink(false, true); SmtpEmailConnector connector = connector(sink.port(), 1)) {
      assertThat(connector.send(SmtpEmailConnectorTest.message("first", "a@example.com", "s", "t", null)).sent()).isTrue();
      sink.dropClients();
      DeliveryResult second = connector.send(SmtpEmailConnectorTest.message("second", "a@example.com", "s", "t", null));

      assertThat(second.sent()).as(second.reason()).isTrue();
      assertThat(sink.messages).hasValue(2);
      assertThat(sink.connections).hasValue(2);
    }
  }

  @Test
  void aRelayThatSwallowsTheMessageAndHangsIsATimeoutNotAConnectionFailure() throws Exception {
    try (MiniSmtpSink sink = new MiniSmtpSink(true, false);
        SmtpEmailConnector connector = new SmtpEmailConnector(new SmtpSettings("127.0.0.1", sink.port(), null, null,
            false, false, "no-reply@engage.test", Duration.ofMillis(300), 1, 10))) {

      DeliveryResult result = connector.send(SmtpEmailConnectorTest.message("k", "a@example.com", "s", "t", null));

      assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
      assertThat(result.failure()).as("the relay may have kept it: retry here, never fail over").isEqualTo(Failure.TIMEOUT);
    }
  }
}
