package io.engage.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.JsonHttp;
import io.engage.connectors.http.StubHttpServer;
import io.engage.connectors.http.StubHttpServer.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stub of the JPush v3 API: Basic auth, the cid pool and its documented errors. */
class JPushConnectorTest {

  private static final String APP_KEY = "4f7aeb3f7c7b5b1b2a9c6d1e";
  private static final String AUTH = "Basic " + Base64.getEncoder()
      .encodeToString((APP_KEY + ":master-secret").getBytes(StandardCharsets.UTF_8));

  private StubHttpServer jpush;
  private final Map<String, String> resultsByCid = new ConcurrentHashMap<>();
  private final AtomicInteger pushed = new AtomicInteger();
  private final Deque<Response> script = new ArrayDeque<>();

  @BeforeEach
  void start() throws IOException {
    jpush = new StubHttpServer().on("/v3/push/cid", this::cids).on("/v3/push", this::push);
  }

  @AfterEach
  void stop() {
    jpush.close();
  }

  private Response cids(StubHttpServer.Request request) {
    if (!AUTH.equals(request.header("Authorization"))) {
      return Response.json(401, "{\"error\":{\"code\":1004,\"message\":\"Authen failed\"}}");
    }
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      list.append(i == 0 ? "" : ",").append('"').append(APP_KEY).append('-').append(UUID.randomUUID()).append('"');
    }
    return Response.json(200, "{\"cidlist\":[" + list + "]}");
  }

  /** As documented: a cid seen before returns the first successful result without pushing again. */
  private synchronized Response push(StubHttpServer.Request request) {
    if (!AUTH.equals(request.header("Authorization"))) {
      return Response.json(401, "{\"error\":{\"code\":1004,\"message\":\"Authen failed\"}}");
    }
    JsonNode body = new JsonHttp.Reply(200, null, request.body()).json();
    String cid = body.path("cid").asText();
    if (resultsByCid.containsKey(cid)) {
      return Response.json(200, resultsByCid.get(cid));
    }
    if (!script.isEmpty()) {
      return script.poll();
    }
    if (body.at("/audience/registration_id/0").asText().startsWith("gone")) {
      return Response.json(400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience or has "
          + "been inactive for more than 255 days\"},\"msg_id\":\"0\"}");
    }
    String result = "{\"sendno\":\"0\",\"msg_id\":\"" + (18100000000L + pushed.incrementAndGet()) + "\"}";
    resultsByCid.put(cid, result);
    return Response.json(200, result);
  }

  private JPushConnector connector(String baseUrl, String secret, Duration timeout) {
    return new JPushConnector(new JPushSettings("jpush", baseUrl, APP_KEY, secret, true, null, Duration.ofSeconds(1),
        timeout));
  }

  private JPushConnector connector() {
    return connector(jpush.baseUrl(), "master-secret", Duration.ofSeconds(10));
  }

  private static OutboundMessage push(String key, String token) {
    return OutboundMessage.push(key, token, "订单已发货", "您的包裹正在路上", Map.of("orderId", "O-1"), "engage://orders/O-1");
  }

  @Test
  void pushesToTheRegistrationIdWithTitleAlertAndExtras() throws Exception {
    DeliveryResult result = connector().send(push("k1", "1a0018970a8b2a3c"));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(result.providerMessageId()).isEqualTo("18100000001");
    JsonNode body = JsonHttp.MAPPER.readTree(jpush.requestsTo("/v3/push").getFirst().body());
    assertThat(body.path("cid").asText()).startsWith(APP_KEY + "-");
    assertThat(body.at("/audience/registration_id/0").asText()).isEqualTo("1a0018970a8b2a3c");
    assertThat(body.at("/notification/android/title").asText()).isEqualTo("订单已发货");
    assertThat(body.at("/notification/android/alert").asText()).isEqualTo("您的包裹正在路上");
    assertThat(body.at("/notification/ios/alert/body").asText()).isEqualTo("您的包裹正在路上");
    assertThat(body.at("/notification/android/extras/orderId").asText()).isEqualTo("O-1");
    assertThat(body.at("/notification/ios/extras/link").asText()).isEqualTo("engage://orders/O-1");
    assertThat(body.at("/options/apns_production").asBoolean()).isTrue();
  }

  @Test
  void aRetryAfterALostAnswerReusesTheCidSoNothingIsPushedTwice() {
    JPushConnector impatient = connector(jpush.baseUrl(), "master-secret", Duration.ofMillis(300));
    impatient.send(push("warm-up", "1a0018970a8b2a3c"));
    script.add(Response.json(200, "{\"sendno\":\"0\",\"msg_id\":\"ignored\"}").after(1_000));

    DeliveryResult lost = impatient.send(push("k2", "1a0018970a8b2a3c"));
    DeliveryResult retry = impatient.send(push("k2", "1a0018970a8b2a3c"));

    assertThat(lost.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(retry.sent()).isTrue();
    var cids = jpush.requestsTo("/v3/push").stream()
        .map(r -> new JsonHttp.Reply(200, null, r.body()).json().path("cid").asText()).toList();
    assertThat(cids.get(1)).isEqualTo(cids.get(2));
    assertThat(jpush.requestsTo("/v3/push/cid")).as("one pool fetch serves many messages").hasSize(1);
  }

  @Test
  void anUnknownAudienceMarksTheTokenDead() {
    DeliveryResult result = connector().send(push("k3", "gone-token"));

    assertThat(result.recipientDead()).isTrue();
    assertThat(result.reason()).contains("1011");
  }

  @Test
  void theRateLimitIsThrottledUntilTheReset() {
    script.add(Response.json(429, "{\"error\":{\"code\":2002,\"message\":\"Rate limit exceeded\"}}")
        .withHeader("X-Rate-Limit-Reset", "42"));

    DeliveryResult result = connector().send(push("k4", "1a0018970a8b2a3c"));

    assertThat(result.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void wrongCredentialsAServerErrorAndARefusedConnection() throws IOException {
    assertThat(connector(jpush.baseUrl(), "wrong", Duration.ofSeconds(10)).send(push("k5", "t")).failure())
        .isEqualTo(Failure.AUTHENTICATION);
    script.add(Response.json(500, "{\"error\":{\"code\":1000,\"message\":\"Server error\"}}"));
    assertThat(connector().send(push("k6", "1a0018970a8b2a3c")).failure()).isEqualTo(Failure.PROVIDER_ERROR);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThat(connector("http://127.0.0.1:" + closedPort, "master-secret", Duration.ofSeconds(1))
        .send(push("k7", "t")).failure()).isEqualTo(Failure.CONNECTION);
  }
}
