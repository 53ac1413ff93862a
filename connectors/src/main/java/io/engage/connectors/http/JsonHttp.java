package io.engage.connectors.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLException;

/** A small JSON-over-HTTP client with connect and request timeouts. Thread-safe. */
public final class JsonHttp {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  /** One shared pool of virtual threads for every client's callbacks; idle ones cost nothing. */
  private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

  private final HttpClient client;
  private final Duration requestTimeout;

  public JsonHttp(Duration connectTimeout, Duration requestTimeout) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).executor(EXECUTOR)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.requestTimeout = requestTimeout;
  }

  /** A provider's answer: status, headers and the body as text and (when it is JSON) as a tree. */
  public record Reply(int status, HttpHeaders headers, String body) {

    public JsonNode json() {
      if (body == null || body.isBlank()) {
        return MissingNode.getInstance();
      }
      try {
        return MAPPER.readTree(body);
      } catch (JsonProcessingException e) {
        return MissingNode.getInstance();
      }
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The Retry-After header in seconds or as an HTTP date; null when absent or unreadable. */
    public Duration retryAfter() {
      return headers.firstValue("Retry-After").map(JsonHttp::parseRetryAfter).orElse(null);
    }

    /** The body cut to a length fit for a failure reason. */
    public String excerpt() {
      String text = body == null ? "" : body.strip();
      return "HTTP " + status + (text.isEmpty() ? "" : ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
  }

  public Reply postJson(URI uri, String json, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  public Reply postForm(URI uri, String form) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).timeout(requestTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
  }

  public Reply get(URI uri, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request.build());
  }

  private Reply send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  public static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON", e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * A failed exchange as a delivery result: nothing connected (refused, unknown host, connect
   * timeout, TLS handshake) sent nothing; a request timeout or a connection lost afterwards may
   * have left the message with the provider.
   */
  public static DeliveryResult failure(IOException e, String provider) {
    String reason = provider + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException || e instanceof UnknownHostException
        || e instanceof SSLException || e.getCause() instanceof ConnectException) {
      return DeliveryResult.failed(Failure.CONNECTION, reason);
    }
    // A request timeout (HttpTimeoutException), or the connection lost after the request went out.
    return DeliveryResult.failed(Failure.TIMEOUT, reason);
  }

  public static DeliveryResult interrupted(String provider) {
    Thread.currentThread().interrupt();
    return DeliveryResult.failed(Failure.TIMEOUT, provider + ": interrupted while waiting for the answer");
  }

  static Duration parseRetryAfter(String value) {
    String text = value.strip();
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
    } catch (NumberFormatException notSeconds) {
      try {
        Duration until = Duration.between(ZonedDateTime.now(),
            ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
        return until.isNegative() ? Duration.ZERO : until;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  /** A stable 32-hex-digit reference for an idempotency key (keys hold ids providers need not see). */
  public static String reference(String idempotencyKey) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16).toLowerCase(Locale.ROOT);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM ships SHA-256", e);
    }
  }
}
