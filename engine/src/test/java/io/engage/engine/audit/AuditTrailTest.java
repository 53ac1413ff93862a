package io.engage.engine.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class AuditTrailTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aSuccessfulChangeThroughTheApiIsRecordedWithItsActorMethodPathAndStatus() {
    String key = "audit-day-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Response added = api.send(api.request("/api/journeys/holidays")
        .header("Authorization", basic("marketer")).header("Content-Type", "application/json")
        .header("X-Request-Id", "req-" + key)
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"key\":\"" + key + "\",\"name\":\"Audit day\",\"date\":\"2027-03-03\",\"annual\":false}")));
    assertThat(added.status()).as(added.body()).isBetween(200, 299);

    JsonNode entry = single("/api/admin/audit?action=api.change&targetId=/api/journeys/holidays&actor=marketer"
        + "&from=" + Instant.now().minusSeconds(60));
    assertThat(entry.path("actorRoles").toString()).contains("MARKETER");
    assertThat(entry.path("detail").path("method").asText()).isEqualTo("POST");
    assertThat(entry.path("detail").path("status").asInt()).isEqualTo(added.status());
    assertThat(entry.path("detail").path("endpoint").asText()).isEqualTo("/api/journeys/holidays");
    assertThat(entry.path("remoteAddr").asText()).isEqualTo("127.0.0.1");
    assertThat(entry.path("requestId").asText()).isEqualTo("req-" + key);
  }

  @Test
  void refusedChangesAndEventIngestAreNotRecordedAsChanges() {
    String refusedPath = "/api/journeys/holidays";
    long before = count("api.change", refusedPath);
    Api.Response refused = api.postJsonAs("marketer", refusedPath, "{\"key\":\"x\",\"name\":\"x\",\"date\":\"not a date\"}");
    assertThat(refused.status()).isBetween(400, 499);
    Api.Response forbidden = api.postJsonAs("agent", refusedPath, "{\"key\":\"y\",\"name\":\"y\",\"date\":\"2027-01-01\"}");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(count("api.change", refusedPath)).isEqualTo(before);

    String orderId = "audit-" + UUID.randomUUID();
    Api.Response event = api.postEvents("""
        {"eventId":"%s","customerId":"c-audit","type":"order.placed","occurredAt":"%s",
         "data":{"orderId":"%s","amount":"10.00","lines":[{"sku":"s","category":"books","amount":"10.00"}]}}"""
        .formatted(orderId, Instant.now(), orderId));
    assertThat(event.status()).as(event.body()).isBetween(200, 299);
    assertThat(count("api.change", "/api/events")).isZero();
  }

  @Test
  void aFeatureRecordsAnEventOutsideARequestAsTheSystem() {
    String target = "rule-" + UUID.randomUUID();
    trail.record(AuditEvent.of("test.recorded", "rule-set", target).with("version", 3).with("ignored", null));

    JsonNode entry = single("/api/admin/audit?targetType=rule-set&targetId=" + target);
    assertThat(entry.path("actor").asText()).isEqualTo(AuditTrail.SYSTEM);
    assertThat(entry.path("action").asText()).isEqualTo("test.recorded");
    assertThat(entry.path("detail").path("version").asInt()).isEqualTo(3);
    assertThat(entry.path("detail").has("ignored")).isFalse();
    assertThat(entry.has("remoteAddr")).isFalse();
  }

  @Test
  void aReadInAReadOnlyTransactionIsRecordedAllTheSame() {
    TransactionTemplate readOnly = new TransactionTemplate(transactions);
    readOnly.setReadOnly(true);
    String target = "c-" + UUID.randomUUID();
    readOnly.executeWithoutResult(status -> trail.record(AuditEvent.of("test.pii-read", "customer", target)));
    assertThat(single("/api/admin/audit?action=test.pii-read&targetId=" + target).path("targetType").asText())
        .isEqualTo("customer");
  }

  @Test
  void theDatabaseRefusesToChangeOrDeleteAnEntry() {
    trail.record(AuditEvent.of("test.immutable", "thing", "t-1"));
    Long id = jdbc.queryForObject("SELECT MAX(id) FROM audit_entry WHERE action = 'test.immutable'", Long.class);

    assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor = 'someone-else' WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", id))
        .hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE id = ?", String.class, id))
        .isEqualTo(AuditTrail.SYSTEM);
  }

  @Test
  void onlyAdminsSearchAndBadParametersAreNamed() {
    assertThat(api.getAs("marketer", "/api/admin/audit").status()).isEqualTo(403);
    assertThat(api.getAnonymous("/api/admin/audit").status()).isEqualTo(401);

    Api.Response bad = api.getAs("admin", "/api/admin/audit?from=yesterday&size=100000");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.contentType()).startsWith("application/problem+json");
    assertThat(bad.body()).contains("\"from\"").contains("\"size\"");

    for (int i = 0; i < 3; i++) {
      trail.record(AuditEvent.of("test.paged", "page", "p"));
    }
    Api.Response page = api.getAs("admin", "/api/admin/audit?action=test.paged&size=2&page=1");
    assertThat(page.json().path("total").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(page.json().path("entries").size()).isBetween(1, 2);
    JsonNode first = api.getAs("admin", "/api/admin/audit?action=test.paged&size=2").json().path("entries");
    assertThat(first.get(0).path("id").asLong()).as("newest first").isGreaterThan(first.get(1).path("id").asLong());
  }

  private JsonNode single(String search) {
    Api.Response response = api.getAs("admin", search);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("entries").size()).as(response.body()).isEqualTo(1);
    return response.json().path("entries").get(0);
  }

  private long count(String action, String targetId) {
    return api.getAs("admin", "/api/admin/audit?action=" + action + "&targetId=" + targetId).json().path("total").asLong();
  }

  private static String basic(String user) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes());
  }
}
