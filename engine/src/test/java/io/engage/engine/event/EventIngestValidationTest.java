package io.engage.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input gets a 4xx problem+json naming the field, stores nothing, and loses nothing accepted. */
class EventIngestValidationTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void malformedJsonNamesLineAndColumn() {
    Api.Response response = api.postEvents("{\n  \"eventId\": \"x\",\n  \"type\": oops\n}");
    assertProblem(response, 400);
    assertThat(response.json().path("detail").asText()).contains("line 3").contains("column");
  }

  @Test
  void missingFieldsAreEachNamed() {
    Api.Response response = api.postEvents("{\"type\":\"order.placed\",\"data\":{}}");
    assertProblem(response, 400);
    assertThat(fields(response)).contains("eventId", "customerId", "occurredAt", "data.orderId", "data.amount");
  }

  @Test
  void unknownEventTypeIsRefused() {
    Api.Response response = api.postEvents(event("bad-type-1", "page.teleported", "{}"));
    assertProblem(response, 400);
    assertThat(fields(response)).containsExactly("type");
    assertThat(stored("bad-type-1")).isZero();
  }

  @Test
  void wrongTypesAreNamed() {
    Api.Response response = api.postEvents("""
        {"eventId":"wrong-types-1","customerId":42,"type":"order.placed","occurredAt":"yesterday",
         "data":{"orderId":"o-1","amount":"ten","lines":[{"sku":"s","category":"books","amount":-1,"quantity":1.5}]}}""");
    assertProblem(response, 400);
    assertThat(fields(response)).contains("customerId", "occurredAt", "data.amount", "data.lines[0].amount",
        "data.lines[0].quantity");
    assertThat(stored("wrong-types-1")).isZero();
  }

  @Test
  void oversizedBatchIsRefusedWhole() {
    StringJoiner batch = new StringJoiner(",", "[", "]");
    for (int i = 0; i < 501; i++) {
      batch.add(event("big-" + i, "customer.registered", "{}"));
    }
    Api.Response response = api.postEvents(batch.toString());
    assertProblem(response, 413);
    assertThat(stored("big-0")).isZero();
  }

  @Test
  void aMixedBatchKeepsTheGoodItemsAndReportsEachBadOne() {
    String body = "[" + event("mixed-ok-1", "customer.registered", "{\"name\":\"李娜\"}") + ","
        + event("mixed-bad-1", "order.placed", "{\"orderId\":\"o-m\",\"amount\":0}") + ","
        + event("mixed-ok-2", "order.placed", "{\"orderId\":\"o-m2\",\"amount\":12.5}") + "]";
    Api.Response response = api.postEvents(body);
    assertThat(response.status()).isEqualTo(207);
    assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
    assertThat(response.json().path("rejected").asInt()).isEqualTo(1);
    JsonNode bad = response.json().path("items").get(1);
    assertThat(bad.path("status").asText()).isEqualTo("rejected");
    assertThat(bad.path("errors").get(0).path("field").asText()).isEqualTo("data.amount");
    assertThat(stored("mixed-ok-1")).isOne();
    assertThat(stored("mixed-ok-2")).isOne();
    assertThat(stored("mixed-bad-1")).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic = 'domain' AND event_id LIKE 'mixed-%'", Integer.class)).isEqualTo(2);

    Api.Response again = api.postEvents(body);
    assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE event_id LIKE 'mixed-%'", Integer.class)).isEqualTo(2);
  }

  @Test
  void aBatchWithNothingValidIsA400NamingEachItem() {
    Api.Response response = api.postEvents("{\"events\":[{\"eventId\":\"only-bad\"}, 7]}");
    assertProblem(response, 400);
    assertThat(fields(response)).contains("events[0].customerId", "events[1]");
  }

  @Test
  void emptyBodiesAndEmptyBatchesAreRefused() {
    assertProblem(api.postEvents(""), 400);
    assertProblem(api.postEvents("[]"), 400);
  }

  @Test
  void eventsNeedAnApiKeyOrAnAllowedRole() {
    Api.Response anonymous = api.send(api.request("/api/events").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(event("anon-1", "customer.registered", "{}"))));
    assertProblem(anonymous, 401);
    Api.Response wrongKey = api.send(api.request("/api/events").header("Content-Type", "application/json")
        .header("X-API-Key", "not-a-key")
        .POST(HttpRequest.BodyPublishers.ofString(event("anon-2", "customer.registered", "{}"))));
    assertThat(wrongKey.status()).isEqualTo(401);
    Api.Response marketer = api.send(api.request("/api/events").header("Content-Type", "application/json")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("marketer:engage-demo".getBytes()))
        .POST(HttpRequest.BodyPublishers.ofString(event("anon-3", "customer.registered", "{}"))));
    assertProblem(marketer, 403);
    assertThat(stored("anon-1") + stored("anon-2") + stored("anon-3")).isZero();
  }

  private void assertProblem(Api.Response response, int status) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  private static List<String> fields(Api.Response response) {
    return StreamSupport.stream(response.json().path("errors").spliterator(), false)
        .map(error -> error.path("field").asText()).toList();
  }

  private int stored(String eventId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE event_id = ?", Integer.class, eventId);
  }

  private static String event(String eventId, String type, String data) {
    return """
        {"eventId":"%s","customerId":"c-validation","type":"%s","occurredAt":"2026-11-20T10:00:00Z","data":%s}"""
        .formatted(eventId, type, data);
  }
}
