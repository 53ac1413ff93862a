package io.engage.connectors.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A provider stub on the JDK's HttpServer, on loopback only: a handler per path answers each
 * request; every request is recorded. A response may be delayed, to play a provider that times out.
 */
public final class StubHttpServer implements AutoCloseable {

  public record Request(String method, String path, String query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }
  }

  public record Response(int status, String body, Map<String, String> headers, long delayMillis) {
    public static Response json(int status, String body) {
      return new Response(status, body, Map.of("Content-Type", "application/json"), 0);
    }

    public Response withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Response(status, body, more, delayMillis);
    }

    public Response after(long millis) {
      return new Response(status, body, headers, millis);
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Request, Response>> handlers = new ConcurrentHashMap<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public StubHttpServer on(String path, Function<Request, Response> handler) {
    handlers.put(path, handler);
    return this;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public List<Request> requestsTo(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Request request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body);
    requests.add(request);
    Function<Request, Response> handler = handlers.get(uri.getPath());
    Response response = handler == null ? Response.json(404, "{\"error\":\"no stub for " + uri.getPath() + "\"}")
        : handler.apply(request);
    if (response.delayMillis() > 0) {
      try {
        Thread.sleep(response.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] bytes = response.body() == null ? new byte[0] : response.body().getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client gave up (timeout) before the answer.
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
