package io.engage.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.pushy.apns.ApnsPushNotification;
import com.eatthepath.pushy.apns.auth.ApnsVerificationKey;
import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.ParsingMockApnsServerListenerAdapter;
import com.eatthepath.pushy.apns.server.PushNotificationHandler;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.ValidatingPushNotificationHandlerFactory;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.http.JsonHttp;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against Pushy's MockApnsServer with a TLS certificate made for this run and token authentication. */
class ApnsPushConnectorTest {

  private static final String TOPIC = "com.example.engage";
  private static final String TEAM = "TEAM123456";
  private static final String KEY_ID = "KEY1234567";
  private static final String GOOD = token(1);
  private static final String EXPIRED = token(2);

  private static TestTls tls;
  private static KeyPair signingKeys;
  private static MockApnsServer server;
  private static int port;
  /**
   * Scripted rejections by apns-id (the connector derives it from the idempotency key), so a
   * request of an earlier test that reaches the server late (the timeout case gives up before a
   * slow TLS connection has even delivered it) cannot take this test's script.
   */
  private static final Map<UUID, Queue<RejectionReason>> script = new ConcurrentHashMap<>();
  private static final AtomicLong delayMillis = new AtomicLong();
  private static final List<ApnsPushNotification> accepted = new CopyOnWriteArrayList<>();

  private ApnsPushConnector connector;

  @BeforeAll
  static void startServer() throws Exception {
    tls = new TestTls();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    signingKeys = generator.generateKeyPair();
    ApnsVerificationKey verification = new ApnsVerificationKey(KEY_ID, TEAM, (ECPublicKey) signingKeys.getPublic());
    ValidatingPushNotificationHandlerFactory validating = new ValidatingPushNotificationHandlerFactory(
        Map.of(TOPIC, Set.of(GOOD, EXPIRED)), Map.of(EXPIRED, Instant.parse("2026-01-01T00:00:00Z")),
        Map.of(KEY_ID, verification), Map.of(verification, Set.of(TOPIC)));
    server = new MockApnsServerBuilder()
        .setServerCredentials(new X509Certificate[] {tls.certificate}, tls.keys.getPrivate(), null)
        .setHandlerFactory(session -> {
          PushNotificationHandler real = validating.buildHandler(session);
          return (headers, payload) -> {
            long delay = delayMillis.get();
            if (delay > 0) {
              try {
                Thread.sleep(delay);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            CharSequence id = headers.get("apns-id");
            Queue<RejectionReason> reasons = id == null ? null : script.get(UUID.fromString(id.toString()));
            RejectionReason scripted = reasons == null ? null : reasons.poll();
            if (scripted != null) {
              throw new RejectedNotificationException(scripted);
            }
            real.handlePushNotification(headers, payload);
          };
        })
        .setListener(new ParsingMockApnsServerListenerAdapter() {
          @Override
          public void handlePushNotificationAccepted(ApnsPushNotification notification) {
            accepted.add(notification);
          }

          @Override
          public void handlePushNotificationRejected(ApnsPushNotification notification, RejectionReason reason,
              Instant expiredAt) {
            // Only accepted notifications count as delivered.
          }
        })
        .build();
    port = server.start(0).get();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.shutdown().get();
  }

  @BeforeEach
  void connect() throws Exception {
    script.clear();
    delayMillis.set(0);
    accepted.clear();
    // Generous: the first send of each test makes a TLS connection, slow on a loaded machine.
    connector = connector(port, Duration.ofSeconds(15));
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static ApnsPushConnector connector(int port, Duration timeout) throws Exception {
    return new ApnsPushConnector(new ApnsSettings("apns", "127.0.0.1", port, TOPIC, TEAM, KEY_ID,
        TestTls.pem("PRIVATE KEY", signingKeys.getPrivate().getEncoded()), tls.certificatePem(),
        Duration.ofSeconds(10), timeout, 1));
  }

  private static void script(String key, RejectionReason... reasons) {
    script.computeIfAbsent(apnsId(key), id -> new ConcurrentLinkedQueue<>()).addAll(List.of(reasons));
  }

  /** What the server accepted for this idempotency key: late requests of other tests do not count. */
  private static List<ApnsPushNotification> accepted(String key) {
    return accepted.stream().filter(n -> apnsId(key).equals(n.getApnsId())).toList();
  }

  private static UUID apnsId(String key) {
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  private static String token(int n) {
    byte[] bytes = new byte[32];
    bytes[31] = (byte) n;
    return HexFormat.of().formatHex(bytes);
  }

  private static OutboundMessage push(String key, String token) {
    return OutboundMessage.push(key, token, "双十一", "您的优惠券已到账", Map.of("couponId", "C-11"), "engage://coupons/C-11");
  }

  @Test
  void sendsAnAlertWithTitleBodyDataAndLink() throws Exception {
    DeliveryResult result = connector.send(push("j1:s:c1", GOOD));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(accepted("j1:s:c1")).hasSize(1);
    ApnsPushNotification received = accepted("j1:s:c1").getFirst();
    assertThat(received.getTopic()).isEqualTo(TOPIC);
    JsonNode payload = JsonHttp.MAPPER.readTree(received.getPayload());
    assertThat(payload.at("/aps/alert/title").asText()).isEqualTo("双十一");
    assertThat(payload.at("/aps/alert/body").asText()).isEqualTo("您的优惠券已到账");
    assertThat(payload.path("couponId").asText()).isEqualTo("C-11");
    assertThat(payload.path("link").asText()).isEqualTo("engage://coupons/C-11");
    assertThat(received.getApnsId().toString()).isEqualTo(result.providerMessageId());
  }

  @Test
  void anUnknownOrExpiredDeviceTokenIsDeadAndNotRetried() {
    DeliveryResult unknown = connector.send(push("k2", token(9)));
    DeliveryResult unregistered = connector.send(push("k3", EXPIRED));

    assertThat(unknown.recipientDead()).isTrue();
    assertThat(unknown.reason()).as("the mock answers like APNs for a token of another app")
        .isEqualTo("DeviceTokenNotForTopic");
    assertThat(unregistered.recipientDead()).isTrue();
    assertThat(unregistered.reason()).contains("Unregistered").contains("2026-01-01");
    assertThat(connector.send(push("k4", "not-a-token")).recipientDead()).isTrue();
    assertThat(accepted("k2")).isEmpty();
    assertThat(accepted("k3")).isEmpty();
  }

  @Test
  void anExpiredProviderTokenIsRenewedAndTheNotificationSentOnce() {
    script("k5", RejectionReason.EXPIRED_PROVIDER_TOKEN);

    DeliveryResult result = connector.send(push("k5", GOOD));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(accepted("k5")).hasSize(1);
  }

  @Test
  void throttlingAndServerErrorsAreTransient() {
    script("k6", RejectionReason.BAD_DEVICE_TOKEN);
    DeliveryResult badToken = connector.send(push("k6", GOOD));
    assertThat(badToken.recipientDead()).as(badToken.reason()).isTrue();
    script("k6", RejectionReason.TOO_MANY_REQUESTS, RejectionReason.SERVICE_UNAVAILABLE);

    DeliveryResult throttled = connector.send(push("k6", GOOD));
    DeliveryResult unavailable = connector.send(push("k6", GOOD));
    DeliveryResult sent = connector.send(push("k6", GOOD));

    assertThat(throttled.failure()).isEqualTo(Failure.THROTTLED);
    assertThat(unavailable.failure()).isEqualTo(Failure.PROVIDER_ERROR);
    assertThat(sent.sent()).isTrue();
    assertThat(accepted("k6")).hasSize(1);
  }

  @Test
  void noAnswerInTimeIsATimeout() throws Exception {
    delayMillis.set(1_000);
    try (ApnsPushConnector impatient = connector(port, Duration.ofMillis(300))) {
      assertThat(impatient.send(push("k7", GOOD)).failure()).isEqualTo(Failure.TIMEOUT);
    }
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    // A refused connection fails the send within milliseconds; the budget is for a loaded machine,
    // where 2 s once ran out before the refusal came through the event loop (TIMEOUT).
    try (ApnsPushConnector down = connector(closedPort, Duration.ofSeconds(15))) {
      DeliveryResult result = down.send(push("k8", GOOD));

      assertThat(result.failure()).as(result.reason()).isEqualTo(Failure.CONNECTION);
    }
  }
}
