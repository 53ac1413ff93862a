package io.engage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.crypto.Hashes;
import java.net.http.HttpRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiKeysTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aKeyIsShownOnceStoredHashedAndReachesOnlyItsScopes() {
    Api.Response created = api.postJsonAs("admin", "/api/admin/api-keys",
        "{\"name\":\"checkout\",\"scopes\":[\"events:write\"],\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String key = created.json().path("key").asText();
    long id = created.json().path("apiKey").path("id").asLong();
    assertThat(key).startsWith("eng_").hasSizeGreaterThan(40);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ?", Integer.class, Hashes.sha256Hex(key)))
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_key WHERE key_hash = ? OR name = ? OR scopes LIKE ?",
        Integer.class, key, key, "%" + key + "%")).as("the key itself is stored nowhere").isZero();

    assertThat(postEvent(key).status()).isEqualTo(202);
    Api.Response customers = withKey(key, api.request("/api/customers?q=c-").GET());
    assertThat(customers.status()).isEqualTo(403);
    assertThat(customers.body()).contains("customers:read");
    assertThat(withKey(key, api.request("/api/imports").GET()).status()).isEqualTo(403);

    JsonNode listed = listed(id);
    assertThat(listed.path("lastUsedAt").isMissingNode()).isFalse();
    assertThat(listed.path("scopes").toString()).isEqualTo("[\"events:write\"]");
    assertThat(listed.path("createdBy").asText()).isEqualTo("admin");
    assertThat(api.getAs("admin", "/api/admin/api-keys").body()).doesNotContain(key);
  }

  @Test
  void aRevokedOrExpiredKeyIsRefusedAndTheDemoKeyKeepsWorking() {
    String revoked = create("{\"name\":\"old-shop\",\"scopes\":[\"events:write\"]}");
    long revokedId = idOf(revoked);
    assertThat(postEvent(revoked).status()).isEqualTo(202);
    assertThat(api.deleteAs("admin", "/api/admin/api-keys/" + revokedId).status()).isEqualTo(204);
    Api.Response refused = postEvent(revoked);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(listed(revokedId).path("revokedAt").isMissingNode()).isFalse();

    String expiring = create("{\"name\":\"pilot\",\"scopes\":[\"events:write\"],\"expiresAt\":\""
        + Instant.now().plusSeconds(3600) + "\"}");
    assertThat(postEvent(expiring).status()).isEqualTo(202);
    jdbc.update("UPDATE api_key SET expires_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(1)), idOf(expiring));
    assertThat(postEvent(expiring).status()).isEqualTo(401);

    assertThat(api.postEvents(event()).status()).as("the demo key").isEqualTo(202);
    assertThat(api.deleteAs("admin", "/api/admin/api-keys/999999").status()).isEqualTo(404);
  }

  @Test
  void aKeyScopedToReadCustomersReadsThem() {
    String key = create("{\"name\":\"crm-sync\",\"scopes\":[\"customers:read\"]}");
    assertThat(withKey(key, api.request("/api/customers?q=c-").GET()).status()).isEqualTo(200);
    assertThat(postEvent(key).status()).isEqualTo(403);
  }

  @Test
  void theLastUseIsWrittenAtMostOnceAMinute() {
    String key = create("{\"name\":\"busy\",\"scopes\":[\"events:write\"]}");
    long id = idOf(key);
    postEvent(key);
    Timestamp first = jdbc.queryForObject("SELECT last_used_at FROM api_key WHERE id = ?", Timestamp.class, id);
    postEvent(key);
    postEvent(key);
    assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_key WHERE id = ?", Timestamp.class, id)).isEqualTo(first);

    jdbc.update("UPDATE api_key SET last_used_at = ? WHERE id = ?", Timestamp.from(Instant.now().minusSeconds(120)), id);
    postEvent(key);
    assertThat(jdbc.queryForObject("SELECT last_used_at FROM api_key WHERE id = ?", Timestamp.class, id).toInstant())
        .isAfter(Instant.now().minusSeconds(60));
  }

  @Test
  void onlyAdminsManageKeysAndMistakesAreNamed() {
    assertThat(api.postJsonAs("marketer", "/api/admin/api-keys", "{\"name\":\"x\",\"scopes\":[\"events:write\"]}").status())
        .isEqualTo(403);
    assertThat(api.getAs("business", "/api/admin/api-keys").status()).isEqualTo(403);
    Api.Response bad = api.postJsonAs("admin", "/api/admin/api-keys",
        "{\"name\":\"\",\"scopes\":[\"events:write\",\"everything\"],\"expiresAt\":\"2020-01-01T00:00:00Z\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("\"name\"").contains("\"scopes[1]\"").contains("\"expiresAt\"");
  }

  private String create(String body) {
    Api.Response created = api.postJsonAs("admin", "/api/admin/api-keys", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().path("key").asText();
  }

  private long idOf(String key) {
    return jdbc.queryForObject("SELECT id FROM api_key WHERE key_hash = ?", Long.class, Hashes.sha256Hex(key));
  }

  private JsonNode listed(long id) {
    for (JsonNode key : api.getAs("admin", "/api/admin/api-keys").json()) {
      if (key.path("id").asLong() == id) {
        return key;
      }
    }
    throw new AssertionError("key " + id + " not listed");
  }

  private Api.Response postEvent(String key) {
    return withKey(key, api.request("/api/events").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(event())));
  }

  private static String event() {
    String orderId = "key-" + UUID.randomUUID();
    return """
        {"eventId":"%s","customerId":"c-keys","type":"order.placed","occurredAt":"%s",
         "data":{"orderId":"%s","amount":"10.00","lines":[{"sku":"s","category":"books","amount":"10.00"}]}}"""
        .formatted(orderId, Instant.now(), orderId);
  }

  private Api.Response withKey(String key, HttpRequest.Builder request) {
    return api.send(request.header("X-API-Key", key));
  }
}
