package io.engage.engine.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.engage.connectors.http.HmacSigner;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Local HTTP peers for the engine's tests, on the JDK's HttpServer: an SMS gateway speaking the
 * connectors' signed JSON API (it answers as scripted and can post a signed delivery callback),
 * and a JPush-style push API ({@code /v3/push/cid}, {@code /v3/push}) that calls some registration
 * ids unknown (error 1011).
 */
final class StubProviders implements AutoCloseable {

  static final String GATEWAY_KEY = "test-key";
  static final String GATEWAY_SECRET = "test-gateway-secret-for-engine-tests-only";
  static final String DEAD_REGISTRATION_PREFIX = "dead-";
  static final String DEAD_OPENID_PREFIX = "oDead";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;

  /** What the SMS gateway answers next: an HTTP status and JSON body, or the normal acceptance. */
  record Answer(int status, String body) {}

  final AtomicReference<Answer> gatewayAnswer = new AtomicReference<>();
  /** Accept the message, then answer too late for the client: a lost answer. */
  final java.util.concurrent.atomic.AtomicBoolean stallAfterAccepting = new java.util.concurrent.atomic.AtomicBoolean();
  final AtomicInteger gatewayCalls = new AtomicInteger();
  final List<JsonNode> gatewayAccepted = new CopyOnWriteArrayList<>();
  final Map<String, String> acceptedByReference = new ConcurrentHashMap<>();
  final List<JsonNode> pushes = new CopyOnWriteArrayList<>();
  final AtomicInteger pushCalls = new AtomicInteger();
  final List<JsonNode> wechatMessages = new CopyOnWriteArrayList<>();

  StubProviders() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/v1/sms", this::sms);
    server.createContext("/v3/push/cid", this::cids);
    server.createContext("/v3/push", this::push);
    server.createContext("/cgi-bin/token", exchange -> reply(exchange, 200,
        "{\"access_token\":\"wx-token-1\",\"expires_in\":7200}"));
    server.createContext("/cgi-bin/message/template/send", this::wechat);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void sms(HttpExchange exchange) throws IOException {
    gatewayCalls.incrementAndGet();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String timestamp = exchange.getRequestHeaders().getFirst("X-Engage-Timestamp");
    String nonce = exchange.getRequestHeaders().getFirst("X-Engage-Nonce");
    String signature = exchange.getRequestHeaders().getFirst("X-Engage-Signature");
    if (!GATEWAY_KEY.equals(exchange.getRequestHeaders().getFirst("X-Engage-Key")) || signature == null
        || !new HmacSigner(GATEWAY_SECRET).verify(timestamp + "\n" + nonce + "\n" + body, signature)) {
      reply(exchange, 401, "{\"code\":\"BAD_SIGNATURE\"}");
      return;
    }
    Answer scripted = gatewayAnswer.get();
    if (scripted != null) {
      reply(exchange, scripted.status(), scripted.body());
      return;
    }
    JsonNode request = JSON.readTree(body);
    String reference = request.path("clientReference").asText();
    String known = acceptedByReference.get(reference);
    if (known != null) {
      reply(exchange, 409, "{\"messageId\":\"" + known + "\"}");
      return;
    }
    String id = "gw-" + UUID.randomUUID();
    acceptedByReference.put(reference, id);
    gatewayAccepted.add(request);
    if (stallAfterAccepting.get()) {
      try {
        Thread.sleep(1_500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    reply(exchange, 200, "{\"messageId\":\"" + id + "\"}");
  }

  /** Posts the gateway's signed delivery callback for a message it accepted. */
  int callback(String callbackUrl, String messageId, String status) throws Exception {
    String body = status.equals("DELIVERED")
        ? "{\"messageId\":\"" + messageId + "\",\"status\":\"DELIVERED\"}"
        : "{\"messageId\":\"" + messageId + "\",\"status\":\"FAILED\",\"error\":\"UNDELIVERABLE\"}";
    return signedPost(callbackUrl, body);
  }

  /** The gateway forwarding a handset's reply to the inbound webhook, signed as its callbacks are. */
  int reply(String webhook, String from, String text) throws Exception {
    return signedPost(webhook, new ObjectMapper().writeValueAsString(java.util.Map.of("from", from, "to", "10690000",
        "text", text)));
  }

  private int signedPost(String callbackUrl, String body) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 16);
    String signature = new HmacSigner(GATEWAY_SECRET).sign(timestamp + "\n" + nonce + "\n" + body);
    HttpRequest request = HttpRequest.newBuilder(URI.create(callbackUrl))
        .header("Content-Type", "application/json").header("X-Engage-Timestamp", timestamp)
        .header("X-Engage-Nonce", nonce).header("X-Engage-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private void cids(HttpExchange exchange) throws IOException {
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      list.append(i == 0 ? "" : ",").append('"').append("cid-").append(UUID.randomUUID()).append('"');
    }
    reply(exchange, 200, "{\"cidlist\":[" + list + "]}");
  }

  private void push(HttpExchange exchange) throws IOException {
    pushCalls.incrementAndGet();
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    String registration = request.path("audience").path("registration_id").path(0).asText();
    if (registration.startsWith(DEAD_REGISTRATION_PREFIX)) {
      reply(exchange, 400, "{\"error\":{\"code\":1011,\"message\":\"cannot find user by this audience\"}}");
      return;
    }
    pushes.add(request);
    reply(exchange, 200, "{\"sendno\":\"0\",\"msg_id\":\"" + Math.abs(UUID.randomUUID().getMostSignificantBits()) + "\"}");
  }

  private void wechat(HttpExchange exchange) throws IOException {
    JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
    if (!"access_token=wx-token-1".equals(exchange.getRequestURI().getQuery())) {
      reply(exchange, 200, "{\"errcode\":40001,\"errmsg\":\"invalid credential\"}");
      return;
    }
    if (request.path("touser").asText().startsWith(DEAD_OPENID_PREFIX)) {
      reply(exchange, 200, "{\"errcode\":40003,\"errmsg\":\"invalid openid\"}");
      return;
    }
    wechatMessages.add(request);
    reply(exchange, 200, "{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":" + (200_000 + wechatMessages.size()) + "}");
  }

  /** Posts WeChat's TEMPLATESENDJOBFINISH event, signed with the account's callback token. */
  static int wechatReceipt(String serverUrl, String token, String msgId, String status) throws Exception {
    String timestamp = Long.toString(Instant.now().getEpochSecond());
    String nonce = Long.toString(System.nanoTime());
    String[] parts = {token, timestamp, nonce};
    java.util.Arrays.sort(parts);
    String signature = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
        .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8)));
    String xml = "<xml><ToUserName><![CDATA[gh_test]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>"
        + "<CreateTime>" + timestamp + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event><MsgID>" + msgId + "</MsgID>"
        + "<Status><![CDATA[" + status + "]]></Status></xml>";
    HttpRequest request = HttpRequest.newBuilder(URI.create(serverUrl + "?signature=" + signature + "&timestamp="
        + timestamp + "&nonce=" + nonce)).header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(xml)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
