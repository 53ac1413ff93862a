package io.engage.connectors.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.DeliveryReceipt;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.HmacSigner;
import io.engage.connectors.http.JsonHttp;
import io.engage.connectors.http.StubHttpServer.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local HTTP stub of the gateway that checks signatures and recognises repeats. */
class HttpSmsGatewayConnectorTest {

  static final String SECRET = HttpSmsGatewayStub.SECRET;

  private HttpSmsGatewayStub gateway;

  @BeforeEach
  void start() throws IOException {
    gateway = new HttpSmsGatewayStub();
  }

  @AfterEach
  void stop() {
    gateway.server.close();
  }

  static HttpSmsGatewayConnector connector(String baseUrl, Duration timeout) {
    return new HttpSmsGatewayConnector(new HttpSmsSettings("http-sms", baseUrl, "key-1", SECRET, "ENGAGE",
        "https://engage.example.com/api/webhooks/sms", Duration.ofSeconds(1), timeout));
  }

  private HttpSmsGatewayConnector connector() {
    return connector(gateway.server.baseUrl(), Duration.ofSeconds(10));
  }

  @Test
  void sendsASignedJsonRequestAndReturnsTheGatewaysId() {
    DeliveryResult result = connector().send(OutboundMessage.sms("j1:s1:c1", "+8613800000001", "【Engage】您好"));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(result.providerMessageId()).isEqualTo("gw-1");
    JsonNode sent = new JsonHttp.Reply(200, null, gateway.server.requests.getFirst().body()).json();
    assertThat(sent.path("to").asText()).isEqualTo("+8613800000001");
    assertThat(sent.path("text").asText()).isEqualTo("【Engage】您好");
    assertThat(sent.path("sender").asText()).isEqualTo("ENGAGE");
    assertThat(sent.path("clientReference").asText()).isEqualTo(JsonHttp.reference("j1:s1:c1")).hasSize(32);
    assertThat(gateway.server.requests.getFirst().header("X-Engage-Nonce")).hasSize(32);
  }

  @Test
  void aWrongSecretIsAnAuthenticationFailure() {
    HttpSmsGatewayConnector wrong = new HttpSmsGatewayConnector(new HttpSmsSettings("http-sms",
        gateway.server.baseUrl(), "key-1", "not-the-secret", null, null, null, null));

    DeliveryResult result = wrong.send(OutboundMessage.sms("k", "+8613800000001", "hi"));

    assertThat(result.failure()).isEqualTo(Failure.AUTHENTICATION);
    assertThat(gateway.accepted).hasValue(0);
  }

  @Test
  void throttlingHonoursRetryAfter() {
    gateway.script.add(Response.json(429, "{\"code\":\"RATE_LIMITED\"}").withHeader("Retry-After", "7"));

    DeliveryResult result = connector().send(OutboundMessage.sms("k", "+8613800000001", "hi"));

    assertThat(result.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void anInvalidNumberIsPermanentAndMarksItDead() {
    DeliveryResult result = connector().send(OutboundMessage.sms("k", "+8613900000000", "hi"));

    assertThat(result.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(result.recipientDead()).isTrue();
    assertThat(result.reason()).contains("INVALID_NUMBER");
  }

  @Test
  void aServerErrorIsTransient() {
    gateway.script.add(Response.json(500, "{\"code\":\"INTERNAL\"}"));

    DeliveryResult result = connector().send(OutboundMessage.sms("k", "+8613800000001", "hi"));

    assertThat(result.failure()).isEqualTo(Failure.PROVIDER_ERROR);
    assertThat(result.reason()).startsWith("HTTP 500");
  }

  @Test
  void aTimedOutRequestThatTheGatewayAcceptedIsNotSentTwiceOnRetry() {
    gateway.delayAcceptedMillis = 1_500;
    HttpSmsGatewayConnector impatient = connector(gateway.server.baseUrl(), Duration.ofMillis(300));

    DeliveryResult first = impatient.send(OutboundMessage.sms("j9:s:c", "+8613800000001", "hi"));
    gateway.delayAcceptedMillis = 0;
    DeliveryResult retry = impatient.send(OutboundMessage.sms("j9:s:c", "+8613800000001", "hi"));

    assertThat(first.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(retry.sent()).isTrue();
    assertThat(retry.providerMessageId()).isEqualTo("gw-1");
    assertThat(gateway.accepted).as("one message at the gateway").hasValue(1);
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DeliveryResult result = connector("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1))
        .send(OutboundMessage.sms("k", "+8613800000001", "hi"));

    assertThat(result.failure()).isEqualTo(Failure.CONNECTION);
  }

  @Test
  void signedCallbacksBecomeReceiptsAndForgedOrReplayedOnesDoNot() {
    HttpSmsGatewayConnector connector = connector();
    String body = "{\"messageId\":\"gw-7\",\"status\":\"FAILED\",\"error\":\"UNDELIV:001\"}";
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Map<String, String> headers = Map.of("x-engage-timestamp", timestamp, "X-Engage-Nonce", "n-1",
        "X-Engage-Signature", new HmacSigner(SECRET).sign(HttpSmsGatewayConnector.canonical(timestamp, "n-1", body)));

    DeliveryReceipt receipt = connector.receipt(headers, body).orElseThrow();

    assertThat(receipt.providerMessageId()).isEqualTo("gw-7");
    assertThat(receipt.status()).isEqualTo(DeliveryReceipt.Status.FAILED);
    assertThat(receipt.reason()).isEqualTo("UNDELIV:001");
    assertThat(connector.receipt(headers, body)).as("replayed nonce").isEmpty();
    assertThat(connector.receipt(Map.of("X-Engage-Timestamp", timestamp, "X-Engage-Nonce", "n-2",
        "X-Engage-Signature", headers.get("X-Engage-Signature")), body)).as("signature of another nonce").isEmpty();
    String old = Long.toString(Instant.now().minusSeconds(3600).getEpochSecond());
    assertThat(connector.receipt(Map.of("X-Engage-Timestamp", old, "X-Engage-Nonce", "n-3", "X-Engage-Signature",
        new HmacSigner(SECRET).sign(HttpSmsGatewayConnector.canonical(old, "n-3", body))), body)).as("stale").isEmpty();
  }

  @Test
  void signedInboundTextsAreRepliesAndUnsignedOnesAreNot() {
    HttpSmsGatewayConnector connector = connector();
    String body = "{\"from\":\"+8613800000009\",\"to\":\"10690000\",\"text\":\"退订\"}";
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    Map<String, String> headers = Map.of("X-Engage-Timestamp", timestamp, "X-Engage-Nonce", "mo-1",
        "X-Engage-Signature", new HmacSigner(SECRET).sign(HttpSmsGatewayConnector.canonical(timestamp, "mo-1", body)));

    InboundSms reply = connector.inbound(headers, body).orElseThrow();

    assertThat(reply.from()).isEqualTo("+8613800000009");
    assertThat(reply.text()).isEqualTo("退订");
    assertThat(connector.inbound(headers, body)).as("replayed nonce").isEmpty();
    assertThat(connector.inbound(Map.of("X-Engage-Timestamp", timestamp, "X-Engage-Nonce", "mo-2",
        "X-Engage-Signature", "00"), body)).as("forged").isEmpty();
  }
}
