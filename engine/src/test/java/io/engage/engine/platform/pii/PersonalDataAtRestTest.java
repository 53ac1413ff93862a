package io.engage.engine.platform.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.crypto.PersonalDataCipher;
import io.engage.engine.platform.crypto.PiiKeyring;
import io.engage.engine.platform.crypto.PiiProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database read shows ciphertext only; lookups, the plaintext migration and key rotation work. */
class PersonalDataAtRestTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired JdbcTemplate jdbc;
  @Autowired PiiRotationJob rotation;
  @Value("${engage.pii.keys[0].key}") String oldKey;
  @Value("${engage.pii.lookup-key}") String lookupKey;
  @LocalServerPort int port;

  private Api api() {
    return new Api(port);
  }

  private void register(String id, String email, String phone) {
    assertThat(api().postEvents("""
        {"eventId":"rest-reg-%1$s","customerId":"%1$s","type":"customer.registered","occurredAt":"%2$s",
         "data":{"name":"Rest %1$s","email":"%3$s","phone":"%4$s","address":"1 Secret Street, %1$s",
                 "emailVerified":true,"consents":{"email":true,"sms":true}}}""".formatted(id, Instant.now(), email, phone))
        .status()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> api().getAs("admin", "/api/customers/" + id).status() == 200);
  }

  @Test
  void aRawReadOfCustomersMessagesAndEventsShowsNoPersonalData() {
    register("rest-a", "rest.a@example.com", "+8613800001111");
    Api.Response sent = api().send(api().request("/api/messages").header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
            {"idempotencyKey":"rest-a-1","customerId":"rest-a","channel":"email","template":"win-back-offer",
             "category":"transactional","vars":{"couponCode":"REST-A","couponValue":10}}""")));
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM message WHERE customer_id = 'rest-a' AND recipient IS NOT NULL", Integer.class) >= 1);

    Api.Response device = api().send(api().request("/api/customers/rest-a/devices").header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"platform\":\"FCM\",\"token\":\"rest-device-token-13800001111\"}")));
    assertThat(device.status()).as(device.body()).isIn(200, 201);
    assertThat(api().postEvents("""
        {"eventId":"rest-cmp","customerId":"rest-a","type":"complaint.opened","occurredAt":"%s",
         "data":{"complaintId":"REST-CMP","severity":"low","channel":"APP","description":"call me on 13800001111"}}"""
        .formatted(Instant.now())).status()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM complaint WHERE complaint_id = 'REST-CMP'", Integer.class) == 1);

    Map<String, Object> row = jdbc.queryForMap("SELECT name, email, phone, address FROM customer WHERE id = 'rest-a'");
    assertThat(row.values()).allSatisfy(value -> assertThat((String) value).startsWith("v1:test-2:"));
    for (String table : List.of("customer", "message", "event", "consent", "device_token", "complaint")) {
      String dump = String.join("\n", jdbc.query("SELECT * FROM " + table, (rs, i) -> {
        StringBuilder line = new StringBuilder();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
          line.append(rs.getString(c)).append('|');
        }
        return line.toString();
      }));
      assertThat(dump).as(table).isNotEmpty()
          .doesNotContainIgnoringCase("rest.a@example.com").doesNotContain("13800001111").doesNotContain("Secret Street")
          .doesNotContain("Rest rest-a");
    }

    JsonNode profile = api().getAs("admin", "/api/customers/rest-a").json();
    assertThat(profile.toString()).contains("rest.a@example.com", "+8613800001111", "1 Secret Street");
  }

  @Test
  void findsACustomerByExactPhoneOrEmail() {
    register("rest-b", "Rest.B@Example.com", "+8613800002222");
    assertThat(ids(api().getAs("admin", "/api/customers?q=%2B8613800002222").json())).containsExactly("rest-b");
    assertThat(ids(api().getAs("admin", "/api/customers?q=rest.b@example.com").json())).containsExactly("rest-b");
    assertThat(ids(api().getAs("admin", "/api/customers?q=%2B86138000022").json())).isEmpty();
  }

  @Test
  void plaintextFromBeforeEncryptionIsSealedAndFoundByItsKeyedHash() {
    jdbc.update("""
        INSERT INTO customer (id, name, email, phone, time_zone, locale, preferred_channel, tier, created_at, updated_at,
                              email_lookup, phone_lookup)
        VALUES ('rest-legacy', 'Legacy Person', 'legacy@example.com', '+8613800003333', 'Asia/Shanghai', 'zh-CN', 'EMAIL',
                'BASIC', NOW(3), NOW(3), SHA2('legacy@example.com', 256), SHA2('+8613800003333', 256))""");
    assertThat(ids(api().getAs("admin", "/api/customers?q=%2B8613800003333").json())).isEmpty();

    runRotation();

    Map<String, Object> row = jdbc.queryForMap("SELECT name, email, phone FROM customer WHERE id = 'rest-legacy'");
    assertThat(row.values()).allSatisfy(value -> assertThat((String) value).startsWith("v1:test-2:"));
    assertThat(ids(api().getAs("admin", "/api/customers?q=%2B8613800003333").json())).containsExactly("rest-legacy");
    assertThat(api().getAs("admin", "/api/customers/rest-legacy").body()).contains("legacy@example.com", "Legacy Person");
  }

  @Test
  void rotationReencryptsValuesUnderTheOldKeyWithTheActiveOne() {
    register("rest-c", "rest.c@example.com", "+8613800004444");
    PersonalDataCipher oldCipher = new PersonalDataCipher(PiiKeyring.of(new PiiProperties(
        List.of(new PiiProperties.KeySpec("test-1", oldKey)), "test-1", lookupKey)));
    jdbc.update("UPDATE customer SET email = ?, phone = ? WHERE id = 'rest-c'",
        oldCipher.encrypt("rest.c@example.com"), oldCipher.encrypt("+8613800004444"));
    jdbc.update("UPDATE message SET recipient = ? WHERE customer_id = 'rest-a'", oldCipher.encrypt("rest.a@example.com"));
    assertThat(api().getAs("admin", "/api/customers/rest-c").body()).contains("rest.c@example.com");
    assertThat(api().getAs("admin", "/api/admin/pii/rotation").json().path("remaining").path("customer").asLong())
        .isPositive();
    assertThat(api().postJsonAs("marketer", "/api/admin/pii/rotate", "{}").status()).isEqualTo(403);

    runRotation();

    JsonNode after = api().getAs("admin", "/api/admin/pii/rotation").json();
    assertThat(after.path("run").path("state").asText()).isEqualTo("DONE");
    after.path("remaining").forEach(remaining -> assertThat(remaining.asLong()).isZero());
    assertThat(jdbc.queryForObject("SELECT email FROM customer WHERE id = 'rest-c'", String.class)).startsWith("v1:test-2:");
    assertThat(api().getAs("admin", "/api/customers/rest-c").body()).contains("rest.c@example.com", "+8613800004444");
    assertThat(ids(api().getAs("admin", "/api/customers?q=%2B8613800004444").json())).containsExactly("rest-c");
  }

  private void runRotation() {
    await().atMost(PATIENCE).until(() -> !rotation.status().running());
    Api.Response started = api().postJsonAs("admin", "/api/admin/pii/rotate", "{}");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> !rotation.status().running());
    assertThat(rotation.status().state()).as(String.valueOf(rotation.status().error())).isEqualTo("DONE");
  }

  private static List<String> ids(JsonNode results) {
    return results.findValuesAsText("id");
  }
}
