package io.engage.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client for the engine under test, speaking as an integrator or a person. */
public final class Api {

  public static final String DEMO_API_KEY = "demo-integration-key";
  public static final String DEMO_PASSWORD = "engage-demo";

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final int port;

  public Api(int port) {
    this.port = port;
  }

  public record Response(int status, String contentType, String body, JsonNode json) {}

  public Response postEvents(String body) {
    return send(request("/api/events").header("X-API-Key", DEMO_API_KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  public Response getAs(String user, String path) {
    return send(request(path).header("Authorization", basic(user)).GET());
  }

  public Response postAs(String user, String path, String contentType, byte[] body) {
    return send(request(path).header("Authorization", basic(user)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  public Response postJsonAs(String user, String path, String json) {
    return postAs(user, path, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public Response putJsonAs(String user, String path, String json) {
    return send(request(path).header("Authorization", basic(user)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
  }

  public Response deleteAs(String user, String path) {
    return send(request(path).header("Authorization", basic(user)).DELETE());
  }

  public Response getAnonymous(String path) {
    return send(request(path).GET());
  }

  public Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      JsonNode body = null;
      if (contentType.contains("json") && !response.body().isEmpty()) {
        body = json.readTree(response.body());
      }
      return new Response(response.statusCode(), contentType, response.body(), body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
