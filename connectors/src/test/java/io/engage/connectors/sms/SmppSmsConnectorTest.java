package io.engage.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against an SMPP server session started in the test (jSMPP's SMPPServerSessionListener). */
class SmppSmsConnectorTest {

  private SmppTestServer smsc;
  private SmppSmsConnector connector;
  private final List<DeliveryReceipt> receipts = new CopyOnWriteArrayList<>();
  private final List<InboundSms> inbound = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    smsc = new SmppTestServer();
    connector = connect(smsc.port(), SmppTestServer.PASSWORD, Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws IOException {
    connector.close();
    smsc.close();
  }

  private SmppSmsConnector connect(int port, String password, Duration responseTimeout) {
    return new SmppSmsConnector(new SmppSettings("smpp-test", "127.0.0.1", port, "engage", password, null, "10690000",
        Duration.ofSeconds(10), responseTimeout, Duration.ofMillis(300), Duration.ofMillis(100), true), receipts::add,
        inbound::add);
  }

  @Test
  void sendsGsmTextAndReportsTheDeliveryReceipt() {
    DeliveryResult result = connector.send(sms("k1", "+8613800000001", "Your code is 123456"));

    assertThat(result.sent()).as(result.reason()).isTrue();
    SmppTestServer.Submitted submitted = smsc.submitted.getFirst();
    assertThat(submitted.destination()).isEqualTo("8613800000001");
    assertThat(submitted.dataCoding()).isEqualTo((byte) 0x00);
    assertThat(submitted.text()).isEqualTo("Your code is 123456");
    assertThat(result.providerMessageId()).isEqualTo(submitted.id());
    await(() -> receipts.size() == 1);
    assertThat(receipts.getFirst().providerMessageId()).isEqualTo(submitted.id());
    assertThat(receipts.getFirst().status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
    assertThat(receipts.getFirst().provider()).isEqualTo("smpp-test");
  }

  @Test
  void chineseTextGoesAsUcs2() {
    connector.send(sms("k2", "13800000001", "【Engage】您的订单已发货"));

    assertThat(smsc.submitted.getFirst().dataCoding()).isEqualTo((byte) 0x08);
    assertThat(smsc.submitted.getFirst().text()).isEqualTo("【Engage】您的订单已发货");
  }

  @Test
  void aLongChineseTextIsConcatenatedAndReportedOnceWhenEveryPartArrived() {
    String text = "尊敬的会员，双十一狂欢节即将开始，".repeat(10);

    DeliveryResult result = connector.send(sms("k3", "+8613800000001", text));

    assertThat(result.sent()).isTrue();
    assertThat(smsc.submitted).hasSize(3);
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      SmppTestServer.Submitted part = smsc.submitted.get(i);
      assertThat(part.esmClass() & 0x40).as("UDHI").isEqualTo(0x40);
      byte[] udh = java.util.Arrays.copyOf(part.shortMessage(), 6);
      assertThat(udh[4]).isEqualTo((byte) 3);
      assertThat(udh[5]).isEqualTo((byte) (i + 1));
      assertThat(udh[3]).isEqualTo(smsc.submitted.getFirst().shortMessage()[3]);
      joined.append(part.text());
    }
    assertThat(joined.toString()).isEqualTo(text);
    assertThat(result.providerMessageId()).isEqualTo(smsc.submitted.getFirst().id());
    await(() -> !receipts.isEmpty());
    assertThat(receipts).singleElement().satisfies(r -> {
      assertThat(r.providerMessageId()).isEqualTo(smsc.submitted.getFirst().id());
      assertThat(r.status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
    });
  }

  @Test
  void receiptsOfPartsReadBeforeTheirSubmitResponsesStillMakeOneReceipt() {
    smsc.receiptBeforeResponse = true;
    String text = "尊敬的会员，双十一狂欢节即将开始，".repeat(10);

    DeliveryResult result = connector.send(sms("k3b", "+8613800000001", text));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(smsc.submitted).hasSize(3);
    // Every part's receipt was acknowledged before send() returned, so the report is already made.
    assertThat(receipts).singleElement().satisfies(r -> {
      assertThat(r.providerMessageId()).isEqualTo(smsc.submitted.getFirst().id());
      assertThat(r.status()).isEqualTo(DeliveryReceipt.Status.DELIVERED);
    });
  }

  @Test
  void repliesFromHandsetsReachTheInboundListenerWithTheNumberAndText() throws Exception {
    assertThat(connector.send(sms("k-mo", "+8613800000001", "hi")).sent()).isTrue();
    await(() -> receipts.size() == 1);

    smsc.sendMobileOriginated("8613800000001", "TD");
    smsc.sendMobileOriginated("8613800000002", "退订");

    // deliver_sm returns once the client acknowledged it, i.e. after the listener ran.
    assertThat(inbound).extracting(InboundSms::from, InboundSms::text, InboundSms::provider)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("+8613800000001", "TD", "smpp-test"),
            org.assertj.core.groups.Tuple.tuple("+8613800000002", "退订", "smpp-test"));
    assertThat(receipts).hasSize(1);
  }

  @Test
  void anUndeliveredReceiptFailsTheMessageWithTheSmscsStatus() {
    smsc.receiptState = destination -> DeliveryReceiptState.UNDELIV;

    DeliveryResult result = connector.send(sms("k4", "+8613800000002", "hello"));

    await(() -> receipts.size() == 1);
    assertThat(receipts.getFirst().providerMessageId()).isEqualTo(result.providerMessageId());
    assertThat(receipts.getFirst().status()).isEqualTo(DeliveryReceipt.Status.FAILED);
    assertThat(receipts.getFirst().reason()).isEqualTo("UNDELIV err=001");
  }

  @Test
  void throttlingIsTransientAndTheRetrySendsOneCopy() {
    smsc.throttleNext.set(1);

    DeliveryResult first = connector.send(sms("k5", "+8613800000001", "hi"));
    DeliveryResult second = connector.send(sms("k5", "+8613800000001", "hi"));

    assertThat(first.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(first.reason()).contains("ESME_RTHROTTLED");
    assertThat(second.sent()).isTrue();
    assertThat(smsc.submitted).hasSize(1);
  }

  @Test
  void aPartThrottledHalfWayResumesWithoutRepeatingTheAcceptedParts() {
    String text = "x".repeat(400);
    smsc.throttlePartOnce.set(2);

    DeliveryResult first = connector.send(sms("k6", "+8613800000001", text));
    DeliveryResult retry = connector.send(sms("k6", "+8613800000001", text));

    assertThat(first.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(first.reason()).startsWith("part 2 of 3");
    assertThat(retry.sent()).isTrue();
    assertThat(smsc.submitted).extracting(s -> (int) s.shortMessage()[5]).containsExactly(1, 2, 3);
    assertThat(smsc.submitted).extracting(s -> s.shortMessage()[3]).containsOnly(smsc.submitted.getFirst().shortMessage()[3]);
    assertThat(retry.providerMessageId()).isEqualTo(smsc.submitted.getFirst().id());
  }

  @Test
  void anInvalidDestinationMarksTheNumberDead() {
    DeliveryResult result = connector.send(sms("k7", "+" + SmppTestServer.INVALID, "hi"));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.recipientDead()).isTrue();
    assertThat(result.reason()).contains("ESME_RINVDSTADR");
    assertThat(connector.send(sms("k8", "not a number", "hi")).recipientDead()).isTrue();
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (SmppSmsConnector down = connect(closedPort, SmppTestServer.PASSWORD, Duration.ofSeconds(1))) {
      DeliveryResult result = down.send(sms("k9", "+8613800000001", "hi"));

      assertThat(result.failure()).isEqualTo(Failure.CONNECTION);
      assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.TRANSIENT_FAILURE);
    }
  }

  @Test
  void aRefusedBindIsAnAuthenticationFailure() {
    try (SmppSmsConnector wrong = connect(smsc.port(), "wrong", Duration.ofSeconds(10))) {
      DeliveryResult result = wrong.send(sms("k10", "+8613800000001", "hi"));

      assertThat(result.failure()).isEqualTo(Failure.AUTHENTICATION);
      assertThat(smsc.submitted).isEmpty();
    }
  }

  @Test
  void noResponseInTimeIsATimeout() {
    try (SmppSmsConnector impatient = connect(smsc.port(), SmppTestServer.PASSWORD, Duration.ofMillis(300))) {
      smsc.respondAfterMillis.set(1_000);

      DeliveryResult result = impatient.send(sms("k11", "+8613800000001", "hi"));

      assertThat(result.failure()).isEqualTo(Failure.TIMEOUT);
    }
  }

  @Test
  void rebindsByItselfAfterTheLinkDropsAndKeepsTheLinkAliveWithEnquireLink() {
    assertThat(connector.send(sms("k12", "+8613800000001", "one")).sent()).isTrue();
    await(() -> smsc.enquireLinks.get() > 0);

    smsc.dropSessions();
    await(() -> smsc.binds.get() == 2 && connector.isBound());

    assertThat(connector.send(sms("k13", "+8613800000001", "two")).sent()).isTrue();
    assertThat(smsc.submitted).extracting(SmppTestServer.Submitted::text).containsExactly("one", "two");
  }

  private static OutboundMessage sms(String key, String to, String text) {
    return OutboundMessage.sms(key, to, text);
  }

  /** Waits for something the SMSC does on its own threads (receipts, rebinds), at most 10 s. */
  static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
