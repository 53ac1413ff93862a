package io.engage.connectors.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.connectors.http.HmacSigner;
import io.engage.connectors.http.JsonHttp;
import io.engage.connectors.http.StubHttpServer;
import io.engage.connectors.http.StubHttpServer.Response;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP SMS gateway for tests: checks the signature, then answers from its script, then keeps one
 * message per clientReference (409 with the first id for a repeat).
 */
public final class HttpSmsGatewayStub implements AutoCloseable {

  public static final String SECRET = "gateway-secret";

  public final StubHttpServer server;
  public final Map<String, String> byReference = new ConcurrentHashMap<>();
  public final Deque<Response> script = new ArrayDeque<>();
  public final AtomicInteger accepted = new AtomicInteger();
  public volatile long delayAcceptedMillis;
  /** When positive, every n-th request fails with 500 before anything is kept. */
  public volatile int failEveryNth;
  private int requests;

  public HttpSmsGatewayStub() throws IOException {
    server = new StubHttpServer().on(HttpSmsGatewayConnector.PATH, this::handle);
  }

  private synchronized Response handle(StubHttpServer.Request request) {
    String canonical = HttpSmsGatewayConnector.canonical(request.header("X-Engage-Timestamp"),
        request.header("X-Engage-Nonce"), request.body());
    if (!"key-1".equals(request.header("X-Engage-Key"))
        || !new HmacSigner(SECRET).verify(canonical, request.header("X-Engage-Signature"))) {
      return Response.json(401, "{\"code\":\"BAD_SIGNATURE\"}");
    }
    if (!script.isEmpty()) {
      return script.poll();
    }
    if (failEveryNth > 0 && ++requests % failEveryNth == 0) {
      return Response.json(500, "{\"code\":\"INTERNAL\"}");
    }
    JsonNode body = new JsonHttp.Reply(200, null, request.body()).json();
    if (body.path("to").asText().endsWith("00000000")) {
      return Response.json(400, "{\"code\":\"INVALID_NUMBER\",\"message\":\"no such number\"}");
    }
    String reference = body.path("clientReference").asText();
    String existing = byReference.get(reference);
    if (existing != null) {
      return Response.json(409, "{\"code\":\"DUPLICATE\",\"messageId\":\"" + existing + "\"}");
    }
    String id = "gw-" + accepted.incrementAndGet();
    byReference.put(reference, id);
    return Response.json(202, "{\"messageId\":\"" + id + "\"}").after(delayAcceptedMillis);
  }

  @Override
  public void close() {
    server.close();
  }
}
