package io.engage.engine.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.coupon.CouponRequest;
import io.engage.engine.coupon.Coupons;
import io.engage.engine.loyalty.Loyalty;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two profiles of one person become one: nothing lost, nothing counted twice, the old id redirects. */
class MergeTest extends EngineTest {

  @Autowired Loyalty loyalty;
  @Autowired CustomerMerges merges;
  @Autowired JdbcTemplate jdbc;
  @Autowired Coupons coupons;
  @Autowired io.engage.engine.platform.embedded.LoopbackZeebeEngine engine;
  @LocalServerPort int port;

  private void register(Api api, String id, String email, boolean verified, boolean emailConsent, Instant at) {
    assertThat(api.postEvents("""
        {"eventId":"m-reg-%s","customerId":"%s","type":"customer.registered","occurredAt":"%s",
         "data":{"email":"%s","emailVerified":%s,"consents":{"email":%s}}}""".formatted(id, id, at, email, verified, emailConsent))
        .status()).isEqualTo(202);
  }

  private void order(Api api, String id, String orderId, String amount) {
    assertThat(api.postEvents("""
        {"eventId":"m-%s","customerId":"%s","type":"order.placed","occurredAt":"%s",
         "data":{"orderId":"%s","amount":"%s","lines":[{"sku":"s","category":"books","amount":"%s"}]}}"""
        .formatted(orderId, id, Instant.now(), orderId, amount, amount)).status()).isEqualTo(202);
  }

  @Test
  void aMergeOnRequestMovesEverythingOnce() {
    Api api = new Api(port);
    Instant now = Instant.now();
    register(api, "m-a", "same@example.com", true, false, now.minusSeconds(3600));
    register(api, "m-b", "other@example.com", false, true, now.minusSeconds(60));
    order(api, "m-a", "m-a-1", "100.00");
    order(api, "m-b", "m-b-1", "200.00");
    order(api, "m-b", "m-b-2", "50.00");
    await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.orders("m-b", 10).size() == 2 && loyalty.orders("m-a", 10).size() == 1
        && jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status <> 'DONE' AND topic = 'domain'", Integer.class) == 0);
    long pointsBefore = loyalty.balance("m-a") + loyalty.balance("m-b");
    assertThat(pointsBefore).isPositive();
    jdbc.update("INSERT INTO customer_tag (customer_id, tag, source, created_at) VALUES ('m-b', 'vip', 'test', NOW(3))");

    Api.Response response = api.send(api.request("/api/customers/merges")
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:engage-demo".getBytes()))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"survivor\":\"m-a\",\"merged\":\"m-b\",\"reason\":\"same person, checked by phone\"}")));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    JsonNode explanation = response.json();
    assertThat(explanation.path("rule").asText()).isEqualTo("on-request");
    assertThat(explanation.path("explanation").asText()).contains("\"orders\":2");

    assertThat(loyalty.orders("m-a", 10)).hasSize(3);
    assertThat(loyalty.orders("m-b", 10)).isEmpty();
    assertThat(loyalty.balance("m-a")).isEqualTo(pointsBefore);
    assertThat(loyalty.balance("m-b")).isZero();
    assertThat(jdbc.queryForObject("SELECT paid_orders FROM customer_order_stats WHERE customer_id = 'm-a'", Integer.class)).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT tag FROM customer_tag WHERE customer_id = 'm-a'", String.class)).isEqualTo("vip");
    // m-b gave email consent later than m-a refused it: the most recent decision wins
    assertThat(jdbc.queryForObject("SELECT granted FROM consent WHERE customer_id = 'm-a' AND channel = 'EMAIL'", Boolean.class)).isTrue();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent WHERE customer_id = 'm-b'", Integer.class)).isZero();

    // the merged id redirects: a later order for m-b lands on m-a
    order(api, "m-b", "m-b-3", "10.00");
    await().atMost(Duration.ofSeconds(20)).until(() -> loyalty.orders("m-a", 10).size() == 4);
    assertThat(loyalty.orders("m-b", 10)).isEmpty();
    // merging again is the same merge, not a second one
    assertThat(merges.merge("m-a", "m-b", "on-request", "again", "admin").id()).isEqualTo(explanation.path("id").asLong());
    assertThat(api.getAs("agent", "/api/customers/m-a").json().path("identity").path("customerId").asText()).isEqualTo("m-a");
  }

  @Test
  void couponsJourneyAndMessageHistoryAndComplaintsMoveToTheSurvivorThroughTheirFeaturesSteps() throws Exception {
    Api api = new Api(port);
    Instant now = Instant.now();
    register(api, "m-c", "m-c@example.com", false, true, now.minusSeconds(3600));
    register(api, "m-d", "m-d@example.com", false, true, now.minusSeconds(60));
    coupons.issue(new CouponRequest("merge-test:m-d", "m-d", "first-order", new BigDecimal("20"), null, 7, null, null,
        null));
    assertThat(api.postEvents("""
        {"eventId":"m-cmp-d","customerId":"m-d","type":"complaint.opened","occurredAt":"%s",
         "data":{"complaintId":"CMP-MERGE-D","severity":"low","channel":"APP","description":"late"}}""".formatted(now))
        .status()).isEqualTo(202);
    // Registration started onboarding for both; once the welcome went out it waits 3 days (engine time).
    // The complaint's escalation journey has decided its level and waits for the SLA timer.
    await().atMost(Duration.ofSeconds(30)).until(() -> welcomed("m-d") && welcomed("m-c") && jdbc.queryForObject(
        "SELECT COUNT(*) FROM complaint WHERE customer_id = 'm-d' AND level IS NOT NULL", Long.class) == 1);
    engine.engine().waitForIdleState(Duration.ofSeconds(30));
    long messagesOfD = count("message", "m-d");
    long instancesOfD = count("journey_instance", "m-d"); // onboarding and complaint escalation
    long messagesOfC = count("message", "m-c");

    CustomerMergeRecord merge = merges.merge("m-c", "m-d", CustomerMerges.ON_REQUEST, "same person", "admin");

    assertThat(merge.explanation()).contains("\"coupons\":{\"coupons\":1}").contains("\"complaints\":{\"complaints\":1}")
        .contains("\"journeys\":{\"endedInstances\":1,\"instances\":" + instancesOfD)
        .contains("\"messaging\":{\"messages\":" + messagesOfD);
    for (String table : java.util.List.of("coupon", "complaint", "journey_instance", "journey_step", "message")) {
      assertThat(count(table, "m-d")).as(table + " rows left on the merged profile").isZero();
    }
    assertThat(api.getAs("admin", "/api/customers/m-c/coupons").json()).singleElement()
        .satisfies(c -> assertThat(c.path("campaign").asText()).isEqualTo("first-order"));
    JsonNode journeys = api.getAs("admin", "/api/customers/m-c/journeys").json();
    assertThat(journeys.path("instances")).hasSize((int) (1 + instancesOfD));
    assertThat(count("message", "m-c")).isEqualTo(messagesOfC + messagesOfD);
    assertThat(jdbc.queryForObject("SELECT customer_id FROM complaint WHERE complaint_id = 'CMP-MERGE-D'", String.class))
        .isEqualTo("m-c");

    // m-d's onboarding waited for m-d's first order, which now arrives as m-c's: it ended at the
    // merge (m-c's own onboarding goes on). The complaint's escalation waits for the complaint.
    assertThat(merge.explanation()).contains("\"endedInstances\":1");
    assertThat(jdbc.queryForList("SELECT status FROM journey_instance WHERE customer_id = 'm-c' AND journey = 'onboarding'"
        + " ORDER BY started_at", String.class)).containsExactlyInAnyOrder("ACTIVE", "CANCELLED");
    assertThat(jdbc.queryForObject("SELECT status FROM journey_instance WHERE customer_id = 'm-c'"
        + " AND journey = 'complaint-escalation'", String.class)).isEqualTo("ACTIVE");
  }

  private boolean welcomed(String customerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM journey_step WHERE customer_id = ? AND element_id = 'SendWelcome'",
        Long.class, customerId) == 1
        && jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE customer_id = ? AND status IN ('SENT', 'DELIVERED')",
        Long.class, customerId) >= 1;
  }

  private long count(String table, String customerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?", Long.class, customerId);
  }

  @Test
  void profilesWithTheSameVerifiedEmailAreMergedByTheRule() {
    Api api = new Api(port);
    Instant now = Instant.now();
    register(api, "m-r1", "Rule.Same@Example.com", true, true, now.minusSeconds(7200));
    register(api, "m-r2", "rule.same@example.com", true, true, now.minusSeconds(60));
    register(api, "m-r3", "rule.same@example.com", false, true, now.minusSeconds(30)); // not verified: stays
    await().atMost(Duration.ofSeconds(20)).until(() ->
        jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE id IN ('m-r1','m-r2','m-r3') AND email_lookup IS NOT NULL", Integer.class) == 3);
    var done = merges.mergeByVerifiedContacts("rule-test");
    assertThat(done).anySatisfy(merge -> {
      assertThat(merge.survivorId()).isEqualTo("m-r1");
      assertThat(merge.mergedId()).isEqualTo("m-r2");
      assertThat(merge.rule()).isEqualTo("verified-email");
    });
    assertThat(jdbc.queryForObject("SELECT merged_to FROM customer WHERE id = 'm-r2'", String.class)).isEqualTo("m-r1");
    assertThat(jdbc.queryForObject("SELECT merged_to FROM customer WHERE id = 'm-r3'", String.class)).isNull();
  }
}
