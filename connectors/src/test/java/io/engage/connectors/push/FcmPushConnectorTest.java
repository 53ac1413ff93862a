package io.engage.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.JsonHttp;
import io.engage.connectors.http.StubHttpServer;
import io.engage.connectors.http.StubHttpServer.Response;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stub of Google's token endpoint and FCM's send endpoint, with their documented answers. */
class FcmPushConnectorTest {

  private static final String SEND = "/v1/projects/engage-demo/messages:send";
  private static KeyPair accountKey;

  private StubHttpServer google;
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final AtomicInteger delivered = new AtomicInteger();
  private final Deque<Response> script = new ArrayDeque<>();

  @BeforeAll
  static void makeKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    accountKey = generator.generateKeyPair();
  }

  @BeforeEach
  void start() throws Exception {
    google = new StubHttpServer().on("/token", this::token).on(SEND, this::send);
  }

  @AfterEach
  void stop() {
    google.close();
  }

  /** Checks the JWT grant as Google does: signature, issuer, scope, audience. */
  private Response token(StubHttpServer.Request request) {
    Map<String, String> form = new java.util.HashMap<>();
    for (String pair : request.body().split("&")) {
      String[] kv = pair.split("=", 2);
      form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    String[] jwt = form.get("assertion").split("\\.");
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(accountKey.getPublic());
      verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
      JsonNode claims = JsonHttp.MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[1]));
      if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))
          || !"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
          || !"engage@engage-demo.iam.gserviceaccount.com".equals(claims.path("iss").asText())
          || !GoogleAccessTokens.SCOPE.equals(claims.path("scope").asText())
          || !claims.path("aud").asText().endsWith("/token")) {
        return Response.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid JWT Signature.\"}");
      }
    } catch (Exception e) {
      return Response.json(400, "{\"error\":\"invalid_grant\"}");
    }
    String token = "ya29.token-" + issued.incrementAndGet();
    validTokens.add(token);
    return Response.json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
  }

  private synchronized Response send(StubHttpServer.Request request) {
    String auth = request.header("Authorization");
    if (auth == null || !validTokens.contains(auth.substring("Bearer ".length()))) {
      return Response.json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication "
          + "credentials.\",\"status\":\"UNAUTHENTICATED\"}}");
    }
    if (!script.isEmpty()) {
      return script.poll();
    }
    delivered.incrementAndGet();
    return Response.json(200, "{\"name\":\"projects/engage-demo/messages/0:" + delivered.get() + "\"}");
  }

  private FcmPushConnector connector(String baseUrl, Duration timeout) {
    String account = JsonHttp.json(JsonHttp.object().put("type", "service_account").put("project_id", "engage-demo")
        .put("private_key_id", "k1").put("client_email", "engage@engage-demo.iam.gserviceaccount.com")
        .put("private_key", TestTls.pem("PRIVATE KEY", accountKey.getPrivate().getEncoded()))
        .put("token_uri", baseUrl + "/token"));
    return new FcmPushConnector(new FcmSettings("fcm", account, null, baseUrl, null, Duration.ofSeconds(1), timeout));
  }

  private FcmPushConnector connector() {
    return connector(google.baseUrl(), Duration.ofSeconds(10));
  }

  private static OutboundMessage push(String key) {
    return OutboundMessage.push(key, "fcm-registration-token-1", "会员日", "积分翻倍", Map.of("campaign", "d11"),
        "engage://points");
  }

  private static Response fcmError(int code, String status, String errorCode, String message) {
    return Response.json(code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status
        + "\",\"details\":[{\"@type\":\"type.googleapis.com/google.firebase.fcm.v1.FcmError\",\"errorCode\":\""
        + errorCode + "\"}]}}");
  }

  @Test
  void sendsANotificationWithDataUsingACachedAccessToken() throws Exception {
    FcmPushConnector connector = connector();

    DeliveryResult first = connector.send(push("k1"));
    DeliveryResult second = connector.send(push("k2"));

    assertThat(first.sent()).as(first.reason()).isTrue();
    assertThat(first.providerMessageId()).isEqualTo("projects/engage-demo/messages/0:1");
    assertThat(second.sent()).isTrue();
    assertThat(issued).as("one token for both").hasValue(1);
    JsonNode message = JsonHttp.MAPPER.readTree(google.requestsTo(SEND).getFirst().body()).path("message");
    assertThat(message.path("token").asText()).isEqualTo("fcm-registration-token-1");
    assertThat(message.at("/notification/title").asText()).isEqualTo("会员日");
    assertThat(message.at("/notification/body").asText()).isEqualTo("积分翻倍");
    assertThat(message.at("/data/campaign").asText()).isEqualTo("d11");
    assertThat(message.at("/data/link").asText()).isEqualTo("engage://points");
  }

  @Test
  void anExpiredAccessTokenIsRenewedAndTheMessageSentOnce() {
    FcmPushConnector connector = connector();
    connector.send(push("k1"));
    validTokens.clear(); // Google revoked or expired it.

    DeliveryResult result = connector.send(push("k2"));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(issued).hasValue(2);
    assertThat(delivered).hasValue(2);
  }

  @Test
  void unregisteredAndInvalidTokensAreDeadButOtherInvalidArgumentsAreNot() {
    script.add(fcmError(404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found."));
    script.add(Response.json(400, "{\"error\":{\"code\":400,\"message\":\"The registration token is not a valid FCM "
        + "registration token\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google."
        + "firebase.fcm.v1.FcmError\",\"errorCode\":\"INVALID_ARGUMENT\"},{\"@type\":\"type.googleapis.com/google.rpc."
        + "BadRequest\",\"fieldViolations\":[{\"field\":\"message.token\",\"description\":\"Invalid registration "
        + "token\"}]}]}}"));
    script.add(fcmError(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "Invalid value at 'message.data[0].value'"));
    FcmPushConnector connector = connector();

    DeliveryResult unregistered = connector.send(push("k1"));
    DeliveryResult invalidToken = connector.send(push("k2"));
    DeliveryResult badPayload = connector.send(push("k3"));

    assertThat(unregistered.recipientDead()).isTrue();
    assertThat(unregistered.reason()).contains("UNREGISTERED");
    assertThat(invalidToken.recipientDead()).isTrue();
    assertThat(badPayload.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(badPayload.recipientDead()).isFalse();
    assertThat(google.requestsTo(SEND)).hasSize(3);
  }

  @Test
  void quotaAndUnavailableAreRetriedLater() {
    script.add(fcmError(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded").withHeader("Retry-After", "30"));
    script.add(fcmError(503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable."));
    FcmPushConnector connector = connector();

    DeliveryResult quota = connector.send(push("k1"));
    DeliveryResult unavailable = connector.send(push("k1"));

    assertThat(quota.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(quota.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(unavailable.failure()).isEqualTo(Failure.PROVIDER_ERROR);
  }

  @Test
  void aRefusedTokenGrantIsACredentialsProblemAndSendsNothing() {
    String other = JsonHttp.json(JsonHttp.object().put("project_id", "engage-demo")
        .put("client_email", "someone-else@engage-demo.iam.gserviceaccount.com")
        .put("private_key", TestTls.pem("PRIVATE KEY", accountKey.getPrivate().getEncoded()))
        .put("token_uri", google.baseUrl() + "/token"));
    FcmPushConnector connector = new FcmPushConnector(new FcmSettings("fcm", other, null, google.baseUrl(), null,
        null, null));

    DeliveryResult result = connector.send(push("k1"));

    assertThat(result.failure()).isEqualTo(Failure.AUTHENTICATION);
    assertThat(result.reason()).contains("invalid_grant");
    assertThat(google.requestsTo(SEND)).isEmpty();
  }

  @Test
  void aTimeoutAndARefusedConnectionAreTransient() throws Exception {
    FcmPushConnector impatient = connector(google.baseUrl(), Duration.ofMillis(300));
    impatient.send(push("warm-up"));
    script.add(Response.json(200, "{\"name\":\"late\"}").after(1_000));

    assertThat(impatient.send(push("k1")).failure()).isEqualTo(Failure.TIMEOUT);

    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    assertThat(connector("http://127.0.0.1:" + closedPort, Duration.ofSeconds(1)).send(push("k2")).failure())
        .isEqualTo(Failure.CONNECTION);
  }
}
