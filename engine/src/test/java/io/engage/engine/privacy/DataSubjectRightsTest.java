package io.engage.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.loyalty.Loyalty;
import io.engage.engine.platform.crypto.PersonalDataCipher;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Export of everything held, erasure that keeps the books right, and the consent history. */
class DataSubjectRightsTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired JdbcTemplate jdbc;
  @Autowired Loyalty loyalty;
  @Autowired PersonalDataCipher cipher;
  @LocalServerPort int port;

  private Api api() {
    return new Api(port);
  }

  /** A customer with a profile, consents, an order with points, a message and a device. */
  private void customer(String id, String email, String phone) {
    Api api = api();
    assertThat(api.postEvents("""
        {"eventId":"dsr-reg-%1$s","customerId":"%1$s","type":"customer.registered","occurredAt":"%2$s",
         "data":{"name":"Subject %1$s","email":"%3$s","phone":"%4$s","address":"5 Private Lane",
                 "birthday":"1990-05-06","emailVerified":true,"phoneVerified":true,
                 "consents":{"email":true,"sms":true}}}""".formatted(id, Instant.now(), email, phone)).status())
        .isEqualTo(202);
    assertThat(api.postEvents("""
        {"eventId":"dsr-order-%1$s","customerId":"%1$s","type":"order.placed","occurredAt":"%2$s",
         "data":{"orderId":"dsr-o-%1$s","amount":"300.00","lines":[{"sku":"b","category":"books","amount":"300.00","quantity":1}]}}"""
        .formatted(id, Instant.now())).status()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> api.getAs("admin", "/api/customers/" + id).status() == 200);
    Api.Response device = api.send(api.request("/api/customers/" + id + "/devices").header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"platform\":\"FCM\",\"token\":\"dsr-token-" + id + "-0123456789\",\"pushConsent\":true}")));
    assertThat(device.status()).as(device.body()).isIn(200, 201);
    await().atMost(PATIENCE).until(() -> loyalty.orders(id, 10).size() == 1 && loyalty.balance(id) > 0
        && jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE customer_id = ? AND recipient IS NOT NULL",
            Integer.class, id) > 0);
  }

  @Test
  void anExportHoldsEverythingInClearAndIsAudited() {
    customer("dsr-x", "dsr.x@example.com", "+8613800006001");
    api().postJsonAs("admin", "/api/customers/dsr-x/tags/vip", "{}");

    Api.Response response = api().getAs("admin", "/api/customers/dsr-x/export");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode export = response.json();
    assertThat(export.path("profile").path("email").asText()).isEqualTo("dsr.x@example.com");
    assertThat(export.path("profile").path("phone").asText()).isEqualTo("+8613800006001");
    assertThat(export.path("profile").has("email_lookup")).isFalse();
    JsonNode data = export.path("data");
    assertThat(data.path("customer_order").path("rows").get(0).path("order_id").asText()).isEqualTo("dsr-o-dsr-x");
    assertThat(data.path("points_ledger").path("rows").size()).isPositive();
    assertThat(data.path("consent_history").path("rows").findValuesAsText("source")).contains("registration:dsr-reg-dsr-x");
    assertThat(data.path("device_token").path("rows").get(0).path("token").asText()).isEqualTo("dsr-token-dsr-x-0123456789");
    assertThat(data.path("message").path("rows").findValuesAsText("recipient")).contains("dsr.x@example.com");
    assertThat(data.path("event").path("rows").toString()).contains("Subject dsr-x");

    assertThat(api().getAs("agent", "/api/customers/dsr-x/export").status()).isEqualTo(403);
    assertThat(api().getAs("admin", "/api/customers/nobody-here/export").status()).isEqualTo(404);
    JsonNode audit = api().getAs("admin", "/api/admin/audit?action=customer.exported&targetId=dsr-x").json().path("entries");
    assertThat(audit.findValuesAsText("actor")).containsExactly("admin");
    assertThat(audit.toString()).doesNotContain("dsr.x@example.com");
  }

  @Test
  void anErasureRemovesPersonalDataButKeepsOrdersAndPoints() {
    customer("dsr-e", "dsr.e@example.com", "+8613800006002");
    long points = loyalty.balance("dsr-e");
    BigDecimal total = jdbc.queryForObject("SELECT SUM(amount) FROM customer_order WHERE customer_id = 'dsr-e'", BigDecimal.class);
    assertThat(api().postJsonAs("marketer", "/api/customers/dsr-e/erasure", "{}").status()).isEqualTo(403);

    Api.Response response = api().postJsonAs("admin", "/api/customers/dsr-e/erasure", "{}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json().path("profilesErased").toString()).isEqualTo("[\"dsr-e\"]");
    assertThat(response.json().path("rowsErased").path("device_token").asInt()).isEqualTo(1);

    Map<String, Object> profile = jdbc.queryForMap("""
        SELECT name, email, phone, address, birthday, email_lookup, phone_lookup, erased_at FROM customer WHERE id = 'dsr-e'""");
    assertThat(profile).containsEntry("name", null).containsEntry("email", null).containsEntry("phone", null)
        .containsEntry("address", null).containsEntry("birthday", null).containsEntry("email_lookup", null)
        .containsEntry("phone_lookup", null);
    assertThat(profile.get("erased_at")).isNotNull();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE customer_id = 'dsr-e' AND (recipient IS NOT NULL "
        + "OR subject IS NOT NULL OR vars IS NOT NULL)", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM device_token WHERE customer_id = 'dsr-e'", Integer.class)).isZero();
    List<String> payloads = jdbc.queryForList("SELECT payload FROM event WHERE customer_id = 'dsr-e'", String.class);
    assertThat(payloads).isNotEmpty().allSatisfy(payload -> assertThat(cipher.decrypt(payload)).isEqualTo("{}"));

    assertThat(loyalty.balance("dsr-e")).isEqualTo(points);
    assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM customer_order WHERE customer_id = 'dsr-e'", BigDecimal.class))
        .isEqualByComparingTo(total);
    assertThat(jdbc.queryForList("SELECT granted FROM consent WHERE customer_id = 'dsr-e'", Boolean.class))
        .isNotEmpty().containsOnly(false);
    assertThat(jdbc.queryForList("SELECT source FROM consent_history WHERE customer_id = 'dsr-e' AND granted = FALSE",
        String.class)).contains("erasure");
    assertThat(jdbc.queryForList("SELECT status FROM journey_instance WHERE customer_id = 'dsr-e'", String.class))
        .isNotEmpty().doesNotContain("ACTIVE");
    assertThat(api().getAs("admin", "/api/customers?q=%2B8613800006002").json().findValuesAsText("id")).isEmpty();
    assertThat(api().getAs("admin", "/api/admin/audit?action=customer.erased&targetId=dsr-e").json()
        .path("entries").findValuesAsText("actor")).containsExactly("admin");

    Api.Response again = api().postJsonAs("admin", "/api/customers/dsr-e/erasure", "{}");
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("journeysLeft").asInt()).isZero();
  }

  @Test
  void everyConsentChangeIsKeptWithSourceAndTime() {
    customer("dsr-c", "dsr.c@example.com", "+8613800006003");
    Instant later = Instant.now().plusSeconds(5);
    assertThat(api().postEvents("""
        {"eventId":"dsr-reg-again","customerId":"dsr-c","type":"customer.registered","occurredAt":"%s",
         "data":{"email":"dsr.c@example.com","consents":{"email":false}}}""".formatted(later)).status()).isEqualTo(202);
    await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM consent_history WHERE customer_id = 'dsr-c' AND channel = 'email'", Integer.class) == 2);
    List<Map<String, Object>> history = jdbc.queryForList(
        "SELECT granted, source, changed_at FROM consent_history WHERE customer_id = 'dsr-c' AND channel = 'email' ORDER BY changed_at");
    assertThat(history).extracting(row -> row.get("source"))
        .containsExactly("registration:dsr-reg-dsr-c", "registration:dsr-reg-again");
    assertThat(history).extracting(row -> row.get("granted")).containsExactly(true, false);
  }
}
