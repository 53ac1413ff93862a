package io.engage.connectors.wechat;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local stub that answers as the Official Account API does. */
class WeChatTemplateConnectorTest {

  private static final String TEMPLATE = "TM-ORDER-SHIPPED";

  private StubHttpServer wechat;
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicInteger sent = new AtomicInteger();
  private final Map<String, String> msgIdByClientMsgId = new ConcurrentHashMap<>();
  private final Deque<Response> script = new ArrayDeque<>();
  private volatile long tokenDelayMillis;
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-11T02:00:00Z"));
  private final Clock clock = new Clock() {
    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };

  @BeforeEach
  void start() throws IOException {
    wechat = new StubHttpServer().on("/cgi-bin/token", this::token).on("/cgi-bin/message/template/send", this::send);
  }

  @AfterEach
  void stop() {
    wechat.close();
  }

  private Response token(StubHttpServer.Request request) {
    if (!request.query().equals("grant_type=client_credential&appid=wx-app&secret=wx-secret")) {
      return Response.json(200, "{\"errcode\":40125,\"errmsg\":\"invalid appsecret\"}");
    }
    String token = "ACCESS_TOKEN_" + fetches.incrementAndGet();
    validTokens.add(token);
    return Response.json(200, "{\"access_token\":\"" + token + "\",\"expires_in\":7200}").after(tokenDelayMillis);
  }

  private synchronized Response send(StubHttpServer.Request request) {
    String token = request.query().substring("access_token=".length());
    if (!validTokens.contains(token)) {
      return Response.json(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not "
          + "latest\"}");
    }
    if (!script.isEmpty()) {
      return script.poll();
    }
    JsonNode body = new JsonHttp.Reply(200, null, request.body()).json();
    String openId = body.path("touser").asText();
    if (openId.equals("o-unfollowed")) {
      return Response.json(200, "{\"errcode\":43004,\"errmsg\":\"require subscribe\"}");
    }
    if (openId.equals("o-invalid")) {
      return Response.json(200, "{\"errcode\":40003,\"errmsg\":\"invalid openid\"}");
    }
    String dedup = openId + "/" + body.path("client_msg_id").asText();
    String msgId = msgIdByClientMsgId.computeIfAbsent(dedup, k -> Long.toString(200228332L + sent.incrementAndGet()));
    return Response.json(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + msgId + "}");
  }

  private WeChatTemplateConnector connector(String baseUrl, String secret, Duration timeout) {
    return new WeChatTemplateConnector(new WeChatSettings("wechat", baseUrl, "wx-app", secret, Duration.ofSeconds(1),
        timeout), clock);
  }

  private WeChatTemplateConnector connector() {
    return connector(wechat.baseUrl(), "wx-secret", Duration.ofSeconds(10));
  }

  private static OutboundMessage message(String key, String openId) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("first", "您的订单已发货");
    fields.put("keyword1", "O-20261111-001");
    fields.put("keyword2", "顺丰速运");
    fields.put("remark", "点击查看物流详情");
    return OutboundMessage.wechat(key, openId, TEMPLATE, fields, "https://shop.example.com/orders/O-1");
  }

  @Test
  void sendsTheTemplateToTheOpenIdWithItsFields() throws Exception {
    DeliveryResult result = connector().send(message("j1:s:c1", "oABC123"));

    assertThat(result.sent()).as(result.reason()).isTrue();
    assertThat(result.providerMessageId()).isEqualTo("200228333");
    JsonNode body = JsonHttp.MAPPER.readTree(wechat.requestsTo("/cgi-bin/message/template/send").getFirst().body());
    assertThat(body.path("touser").asText()).isEqualTo("oABC123");
    assertThat(body.path("template_id").asText()).isEqualTo(TEMPLATE);
    assertThat(body.path("url").asText()).isEqualTo("https://shop.example.com/orders/O-1");
    assertThat(body.at("/data/keyword2/value").asText()).isEqualTo("顺丰速运");
    assertThat(body.path("client_msg_id").asText()).isEqualTo(JsonHttp.reference("j1:s:c1"));
  }

  @Test
  void concurrentSendsShareOneTokenFetch() throws Exception {
    tokenDelayMillis = 300;
    WeChatTemplateConnector connector = connector();
    List<Callable<DeliveryResult>> sends = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String key = "k" + i;
      sends.add(() -> connector.send(message(key, "o-" + key)));
    }
    try (var pool = Executors.newFixedThreadPool(16)) {
      for (Future<DeliveryResult> result : pool.invokeAll(sends)) {
        assertThat(result.get().sent()).isTrue();
      }
    }
    assertThat(fetches).hasValue(1);
    assertThat(sent).hasValue(16);
  }

  @Test
  void theTokenIsKeptUntilShortlyBeforeItExpires() {
    WeChatTemplateConnector connector = connector();
    connector.send(message("k1", "o1"));
    now.set(now.get().plusSeconds(7200 - 301));
    connector.send(message("k2", "o1"));
    assertThat(fetches).hasValue(1);

    now.set(now.get().plusSeconds(2));
    connector.send(message("k3", "o1"));
    assertThat(fetches).hasValue(2);
  }

  @Test
  void anInvalidatedOrExpiredTokenIsRefreshedAndTheMessageSentOnce() {
    WeChatTemplateConnector connector = connector();
    connector.send(message("k1", "o1"));
    validTokens.clear(); // Another system fetched a token: ours is "not latest" (40001).

    DeliveryResult afterInvalid = connector.send(message("k2", "o1"));
    script.add(Response.json(200, "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
    DeliveryResult afterExpired = connector.send(message("k3", "o1"));

    assertThat(afterInvalid.sent()).as(afterInvalid.reason()).isTrue();
    assertThat(afterExpired.sent()).as(afterExpired.reason()).isTrue();
    assertThat(fetches).hasValue(3);
    assertThat(sent).hasValue(3);
  }

  @Test
  void aTokenRefusedTwiceIsACredentialsProblem() {
    WeChatTemplateConnector connector = connector();
    script.add(Response.json(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));
    script.add(Response.json(200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}"));

    DeliveryResult result = connector.send(message("k1", "o1"));

    assertThat(result.failure()).isEqualTo(Failure.AUTHENTICATION);
    assertThat(wechat.requestsTo("/cgi-bin/message/template/send")).as("retried once only").hasSize(2);
  }

  @Test
  void unfollowedAndUnknownOpenIds() {
    DeliveryResult unfollowed = connector().send(message("k1", "o-unfollowed"));
    DeliveryResult unknown = connector().send(message("k2", "o-invalid"));

    assertThat(unfollowed.failure()).isEqualTo(Failure.RECIPIENT_REFUSED);
    assertThat(unfollowed.outcome()).isEqualTo(DeliveryResult.Outcome.PERMANENT_FAILURE);
    assertThat(unfollowed.reason()).contains("43004");
    assertThat(unknown.recipientDead()).isTrue();
  }

  @Test
  void theDailyQuotaIsThrottledUntilMidnightInBeijing() {
    script.add(Response.json(200, "{\"errcode\":45009,\"errmsg\":\"reach max api daily quota limit\"}"));

    DeliveryResult result = connector().send(message("k1", "o1"));

    assertThat(result.failure()).isEqualTo(Failure.THROTTLED);
    // 02:00 UTC is 10:00 in Beijing: 14 hours to midnight there.
    assertThat(result.retryAfter()).isEqualTo(Duration.ofHours(14));
  }

  @Test
  void aWrongSecretSendsNothing() {
    DeliveryResult result = connector(wechat.baseUrl(), "wrong", Duration.ofSeconds(10)).send(message("k1", "o1"));

    assertThat(result.failure()).isEqualTo(Failure.AUTHENTICATION);
    assertThat(result.reason()).contains("40125").doesNotContain("wrong");
    assertThat(wechat.requestsTo("/cgi-bin/message/template/send")).isEmpty();
  }

  @Test
  void aTimedOutSendRetriedWithTheSameKeyReachesTheFollowerOnce() {
    WeChatTemplateConnector impatient = connector(wechat.baseUrl(), "wx-secret", Duration.ofMillis(300));
    impatient.send(message("warm-up", "o1"));
    script.add(Response.json(200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":1}").after(1_000));

    DeliveryResult lost = impatient.send(message("k9", "o1"));
    DeliveryResult retry = impatient.send(message("k9", "o1"));
    DeliveryResult again = impatient.send(message("k9", "o1"));

    assertThat(lost.failure()).isEqualTo(Failure.TIMEOUT);
    assertThat(retry.sent()).isTrue();
    assertThat(again.providerMessageId()).isEqualTo(retry.providerMessageId());
    assertThat(sent).as("warm-up and k9 once").hasValue(2);
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    DeliveryResult result = connector("http://127.0.0.1:" + closedPort, "wx-secret", Duration.ofSeconds(1))
        .send(message("k1", "o1"));

    assertThat(result.failure()).isEqualTo(Failure.CONNECTION);
    assertThat(result.reason()).doesNotContain("wx-secret");
  }
}
