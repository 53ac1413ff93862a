package io.engage.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bodies past their endpoint class's limit and JSON past the parser's constraints get a 413 naming the limit. */
class RequestLimitsTest extends EngineTest {

  private static final int MB = 1 << 20;

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aJsonApiBodyAboveOneMegabyteIsRefusedBeforeItIsRead() {
    String body = "{\"note\":\"" + "x".repeat(MB + 10) + "\"}";
    Api.Response response = api.putJsonAs("admin", "/api/customers/c-limits/verification", body);
    assertTooLarge(response, "engage.limits.body.api");
    assertThat(response.json().path("limitBytes").asLong()).isEqualTo(MB);
  }

  @Test
  void eventsMayBeLargerThanOtherApiBodiesButNotAboveTheirOwnLimit() {
    String twoMegabytes = batch("limits-big", 4);
    Api.Response within = api.postEvents(twoMegabytes);
    assertThat(within.status()).as(within.body()).isNotEqualTo(413).isBetween(200, 499);

    String sixMegabytes = batch("limits-bigger", 12);
    assertTooLarge(api.postEvents(sixMegabytes), "engage.limits.body.events");
  }

  @Test
  void aChunkedBodyIsCountedWhileReadAndStoppedAtTheLimit() {
    byte[] body = batch("limits-chunked", 12).getBytes(StandardCharsets.UTF_8);
    Api.Response response = api.send(api.request("/api/events")
        .header("X-API-Key", Api.DEMO_API_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    assertTooLarge(response, "engage.limits.body.events");
  }

  @Test
  void anUploadAboveTenMegabytesIsRefused() {
    String boundary = "limits-boundary";
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
        + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 11 * MB + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    java.util.Arrays.fill(body, head.length, head.length + 11 * MB, (byte) 'a');
    System.arraycopy(tail, 0, body, head.length + 11 * MB, tail.length);
    Api.Response response = api.postAs("business", "/api/rules/points/versions/upload",
        "multipart/form-data; boundary=" + boundary, body);
    assertTooLarge(response, "engage.limits.body.uploads");
  }

  @Test
  void deeplyNestedJsonIsRefusedNamingTheJsonLimits() {
    String nested = "{\"eventId\":\"limits-nested\",\"data\":" + "{\"a\":".repeat(200) + "1" + "}".repeat(201);
    Api.Response response = api.postEvents(nested);
    assertTooLarge(response, "engage.limits.json");
    assertThat(response.json().path("detail").asText()).contains("nesting depth");
  }

  @Test
  void aHundredDigitNumberIsTheLongestAccepted() {
    String longNumber = "{\"eventId\":\"limits-number\",\"customerId\":\"c-limits\",\"type\":\"order.placed\","
        + "\"occurredAt\":\"2026-11-20T10:00:00Z\",\"data\":{\"orderId\":\"o-n\",\"amount\":" + "9".repeat(5000) + "}}";
    Api.Response response = api.postEvents(longNumber);
    assertTooLarge(response, "engage.limits.json");
    assertThat(response.json().path("detail").asText()).contains("Number value length");
  }

  @Test
  void theEngineKeepsServingAfterRefusals() {
    api.postEvents(batch("limits-after", 12));
    assertThat(api.getAnonymous("/actuator/health").status()).isEqualTo(200);
    assertThat(api.getAs("admin", "/api/rules").status()).isEqualTo(200);
  }

  private static void assertTooLarge(Api.Response response, String limit) {
    assertThat(response.status()).as(abbreviated(response.body())).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().path("limit").asText()).isEqualTo(limit);
    assertThat(response.json().path("detail").asText()).isNotBlank();
  }

  private static String abbreviated(String body) {
    return body.length() > 500 ? body.substring(0, 500) + "..." : body;
  }

  /** Events of half a megabyte each: every string within the JSON limits, the body as large as asked. */
  private static String batch(String prefix, int events) {
    java.util.StringJoiner batch = new java.util.StringJoiner(",", "[", "]");
    for (int i = 0; i < events; i++) {
      batch.add(event(prefix + "-" + i, "x".repeat(MB / 2)));
    }
    return batch.toString();
  }

  private static String event(String eventId, String name) {
    return """
        {"eventId":"%s","customerId":"c-limits","type":"customer.registered","occurredAt":"2026-11-20T10:00:00Z","data":{"name":"%s"}}"""
        .formatted(eventId, name);
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
