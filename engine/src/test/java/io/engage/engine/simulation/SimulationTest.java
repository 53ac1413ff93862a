package io.engage.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.rulesadmin.RuleSetService;
import io.engage.rules.ShippedRuleSets;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A draft's effect over real orders, checked against an independent calculation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulationTest extends EngineTest {

  /** customer -> orders (amount, books amount), all placed in 2024 by BASIC customers. */
  private static final Map<String, String[][]> ORDERS = new LinkedHashMap<>();

  static {
    ORDERS.put("sim-1", new String[][] {{"100.00", "0"}, {"250.50", "100.00"}});
    ORDERS.put("sim-2", new String[][] {{"999.99", "999.99"}});
    ORDERS.put("sim-3", new String[][] {{"40.00", "0"}, {"60.00", "0"}, {"30.00", "30.00"}});
    ORDERS.put("sim-4", new String[][] {{"1500.00", "0"}, {"700.00", "0"}});
  }

  @LocalServerPort int port;
  @Autowired RuleSetService rules;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeAll
  void placeOrders() {
    api = new Api(port);
    int n = 0;
    for (var customer : ORDERS.entrySet()) {
      for (String[] order : customer.getValue()) {
        n++;
        String lines = new BigDecimal(order[1]).signum() == 0 ? "" : """
            {"sku":"b","category":"books","amount":"%s","quantity":1}""".formatted(order[1]);
        String event = """
            {"eventId":"sim-ev-%d","customerId":"%s","type":"order.placed","occurredAt":"2024-0%d-10T10:00:00+08:00",
             "data":{"orderId":"sim-o-%d","amount":"%s","lines":[%s]}}""".formatted(n, customer.getKey(), 1 + n % 9, n, order[0], lines);
        assertThat(api.postEvents(event).status()).isEqualTo(202);
      }
    }
    int total = n;
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM points_ledger WHERE order_id LIKE 'sim-o-%'", Integer.class) == total);
  }

  @Test
  void pointsTotalsMatchAnIndependentCalculation() throws Exception {
    String doubled = ShippedRuleSets.pointsSources().getFirst().content()
        .replace("$c.awardBase(\"Base points\", new BigDecimal(\"1\"));", "$c.awardBase(\"Base points\", new BigDecimal(\"2\"));");
    int draft = rules.createDraft("points", new RuleSetService.Draft("DRL", doubled, null, null, "sim"), "test").version();

    long expectedActive = 0;
    long expectedDraft = 0;
    Map<String, Long> deltas = new LinkedHashMap<>();
    for (var customer : ORDERS.entrySet()) {
      expectedActive += 100; // each customer's first order earns the first-order bonus
      expectedDraft += 100;
      long delta = 0;
      for (String[] order : customer.getValue()) {
        long base = new BigDecimal(order[0]).setScale(0, RoundingMode.FLOOR).longValue();
        long books = new BigDecimal(order[1]).multiply(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValue();
        long doubledBase = new BigDecimal(order[0]).multiply(BigDecimal.TWO).setScale(0, RoundingMode.FLOOR).longValue();
        expectedActive += base + books;
        expectedDraft += doubledBase + books;
        delta += doubledBase - base;
      }
      deltas.put(customer.getKey(), delta);
    }

    JsonNode report = simulate("points", draft, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 0, 2);
    JsonNode totals = report.path("totals");
    assertThat(totals.path("orders").asLong()).isEqualTo(8);
    assertThat(totals.path("customers").asLong()).isEqualTo(4);
    assertThat(totals.path("activePoints").asLong()).isEqualTo(expectedActive);
    assertThat(totals.path("activePoints").asLong()).as("the replay agrees with what the ledger recorded")
        .isEqualTo(jdbc.queryForObject("SELECT SUM(points) FROM points_ledger WHERE kind = 'EARN' AND order_id LIKE 'sim-o-%'", Long.class));
    assertThat(totals.path("draftPoints").asLong()).isEqualTo(expectedDraft);
    assertThat(totals.path("deltaPoints").asLong()).isEqualTo(expectedDraft - expectedActive);
    assertThat(new BigDecimal(totals.path("liabilityDeltaMoney").asText()))
        .isEqualByComparingTo(new BigDecimal(expectedDraft - expectedActive).multiply(new BigDecimal("0.01")));
    assertThat(report.path("mostAffected").get(0).path("customerId").asText()).isEqualTo("sim-4");
    assertThat(report.path("mostAffected").get(0).path("delta").asLong()).isEqualTo(deltas.get("sim-4"));
    assertThat(report.path("diffs").path("total").asLong()).isEqualTo(4);
    assertThat(report.path("diffs").path("items")).hasSize(2);
    JsonNode secondPage = simulate("points", draft, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 1, 2);
    String thirdMostAffected = deltas.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).skip(2).findFirst().orElseThrow().getKey();
    assertThat(secondPage.path("diffs").path("items").get(0).path("customerId").asText()).isEqualTo(thirdMostAffected);
  }

  /**
   * The daily cap (5,000) counts what the customer's earlier orders that day earned under the
   * version being replayed, as the ledger did: an order replayed as if first that day would earn
   * again what the cap took. Each order waits for the last one's ledger row and tier, so the tier
   * each was placed in is known: BASIC, then SILVER (6,000 spent), then GOLD (8,000).
   */
  @Test
  void theDailyCapCountsTheDaysEarlierOrdersUnderEachVersion() throws Exception {
    String[][] orders = {
        {"2023-05-20T07:00:00+08:00", "6000.00"}, // (still May 19 in UTC) BASIC: 6,000 + first order 100 -> capped at 5,000
        {"2023-05-20T23:30:00+08:00", "2000.00"}, // SILVER x1.2: 2,400, same Shanghai day -> capped to 0
        {"2023-05-21T09:00:00+08:00", "100.00"}}; // GOLD x1.5: 150, a new day
    for (int i = 0; i < orders.length; i++) {
      String event = """
          {"eventId":"simcap-ev-%d","customerId":"sim-cap","type":"order.placed","occurredAt":"%s",
           "data":{"orderId":"simcap-o-%d","amount":"%s"}}""".formatted(i, orders[i][0], i, orders[i][1]);
      assertThat(api.postEvents(event).status()).isEqualTo(202);
      int placed = i + 1;
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
          "SELECT COUNT(*) FROM points_ledger WHERE order_id LIKE 'simcap-o-%'", Integer.class) == placed);
      String tierAfter = placed == 1 ? "SILVER" : "GOLD";
      await().atMost(Duration.ofSeconds(30)).until(() -> tierAfter.equals(jdbc.queryForObject(
          "SELECT tier FROM customer WHERE id = 'sim-cap'", String.class)));
    }
    String higherCap = ShippedRuleSets.pointsSources().getFirst().content()
        .replace("$c.capDaily(\"Daily cap\", 5000);", "$c.capDaily(\"Daily cap\", 8000);");
    assertThat(higherCap).contains("8000");
    int draft = rules.createDraft("points", new RuleSetService.Draft("DRL", higherCap, null, null, "sim"), "test").version();

    JsonNode totals = simulate("points", draft, "2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z", 0, 10).path("totals");

    assertThat(totals.path("activePoints").asLong()).as("what the ledger recorded")
        .isEqualTo(jdbc.queryForObject("SELECT SUM(points) FROM points_ledger WHERE kind = 'EARN' AND order_id LIKE 'simcap-o-%'", Long.class))
        .isEqualTo(5000 + 0 + 150);
    assertThat(totals.path("draftPoints").asLong()).isEqualTo(6100 + 1900 + 150);
  }

  @Test
  void tierMovesAreCountedByTier() throws Exception {
    String lowerGold = ShippedRuleSets.tiersSources().getFirst().content()
        .replace("spend >= 8000", "spend >= 2000")
        .replace("$e.qualifyOnSpend(\"GOLD on spend\", \"GOLD\", 2, new BigDecimal(\"8000\"));",
            "$e.qualifyOnSpend(\"GOLD on spend\", \"GOLD\", 2, new BigDecimal(\"2000\"));");
    int draft = rules.createDraft("tiers", new RuleSetService.Draft("DRL", lowerGold, null, null, "sim"), "test").version();
    JsonNode report = simulate("tiers", draft, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z", 0, 50);
    assertThat(report.path("tierMoves").path("up").asInt()).isEqualTo(1); // sim-4 spent 2,200: SILVER -> GOLD
    assertThat(report.path("tierMoves").path("upInto").path("GOLD").asInt()).isEqualTo(1);
    assertThat(report.path("tierMoves").path("down").asInt()).isZero();
    assertThat(report.path("diffs").path("items").get(0).path("customerId").asText()).isEqualTo("sim-4");
  }

  @Test
  void referralRewardsGrantedAndRefusedAreCountedForBothVersions() throws Exception {
    java.time.Instant from = java.time.Instant.now().minus(Duration.ofHours(1));
    register("simref-a", "SIMREFA", null, "+8613700000001");
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM customer WHERE referral_code = 'SIMREFA'", Integer.class) == 1);
    register("simref-b", null, "SIMREFA", "+8613700000002");
    register("simref-c", null, "SIMREFA", "+8613700000001"); // same phone as the referrer: refused
    orderNow("simref-b", "simref-o1");
    orderNow("simref-c", "simref-o2");
    await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
        "SELECT COUNT(*) FROM referral WHERE referrer_id = 'simref-a'", Integer.class) == 2);

    String generous = ShippedRuleSets.referralSources().getFirst().content()
        .replace("$r.rewardReferrer(\"Referrer reward\", 500);", "$r.rewardReferrer(\"Referrer reward\", 800);");
    assertThat(generous).contains("800");
    int draft = rules.createDraft("referral", new RuleSetService.Draft("DRL", generous, null, null, "sim"), "test").version();
    JsonNode report = simulate("referral", draft, from.toString(), java.time.Instant.now().plus(Duration.ofHours(1)).toString(), 0, 50);
    JsonNode referrals = report.path("referrals");
    assertThat(referrals.path("activeGranted").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(referrals.path("activeRefused").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(referrals.path("draftGranted").asInt()).isEqualTo(referrals.path("activeGranted").asInt());
    assertThat(report.path("totals").path("deltaPoints").asLong())
        .isEqualTo(300L * referrals.path("activeGranted").asInt());
  }

  private void register(String id, String code, String referredBy, String phone) {
    String data = "{\"phone\":\"" + phone + "\"" + (code == null ? "" : ",\"referralCode\":\"" + code + "\"")
        + (referredBy == null ? "" : ",\"referredBy\":\"" + referredBy + "\"") + "}";
    assertThat(api.postEvents("{\"eventId\":\"reg-" + id + "\",\"customerId\":\"" + id
        + "\",\"type\":\"customer.registered\",\"occurredAt\":\"2026-11-20T10:00:00Z\",\"data\":" + data + "}").status())
        .isEqualTo(202);
  }

  private void orderNow(String customerId, String orderId) {
    assertThat(api.postEvents("{\"eventId\":\"ev-" + orderId + "\",\"customerId\":\"" + customerId
        + "\",\"type\":\"order.placed\",\"occurredAt\":\"2026-11-21T10:00:00Z\",\"data\":{\"orderId\":\"" + orderId
        + "\",\"amount\":\"20.00\"}}").status()).isEqualTo(202);
  }

  @Test
  void aBackwardsPeriodIsRefused() throws Exception {
    Api.Response response = post("business", "/api/rules/points/simulations",
        "{\"draftVersion\":1,\"from\":\"2025-01-01T00:00:00Z\",\"to\":\"2024-01-01T00:00:00Z\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("from");
  }

  private JsonNode simulate(String ruleSet, int draft, String from, String to, int page, int size) {
    Api.Response response = post("business", "/api/rules/" + ruleSet + "/simulations", """
        {"draftVersion":%d,"from":"%s","to":"%s","page":%d,"size":%d}""".formatted(draft, from, to, page, size));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private Api.Response post(String user, String path, String body) {
    return api.send(api.request(path)
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }
}
