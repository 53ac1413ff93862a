package io.engage.engine.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pending, FIFO redemption, expiry and refund reversal, checked against hand-worked arithmetic. */
class PointsLedgerTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired PointsExpiryJob expiry;
  @Autowired JdbcTemplate jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void pointsArePendingUntilTheReturnWindowCloses() {
    order("ledger-p", "lp-old", "120.00", Instant.now().minus(Duration.ofDays(8)).toString());
    order("ledger-p", "lp-new", "80.00", Instant.now().minus(Duration.ofDays(1)).toString());
    JsonNode points = awaitEntries("ledger-p", 2);
    assertThat(points.path("balance").asLong()).isEqualTo(300); // 120 + first-order 100, and 80
    assertThat(points.path("available").asLong()).isEqualTo(220);
    assertThat(points.path("pending").asLong()).isEqualTo(80);
  }

  @Test
  void redemptionTakesTheOldestExpiringLotsFirstAndExpiryTakesWhatIsLeft() {
    order("ledger-f", "lf-2025", "300.00", "2025-03-10T10:00:00+08:00");
    order("ledger-f", "lf-2026", "500.00", "2026-06-10T10:00:00+08:00");
    awaitEntries("ledger-f", 2);

    Api.Response redeemed = redeem("ledger-f", "coupon-1", 200);
    assertThat(redeemed.status()).as(redeemed.body()).isEqualTo(200);
    // lf-2025 earned 300 + 100 first-order bonus = 400; lf-2026 earned 500
    assertThat(redeemed.json().path("available").asLong()).isEqualTo(700);
    assertThat(remaining("lf-2025")).isEqualTo(200);
    assertThat(remaining("lf-2026")).isEqualTo(500);

    Api.Response again = redeem("ledger-f", "coupon-1", 200);
    assertThat(again.json().path("ledgerId").asLong()).isEqualTo(redeemed.json().path("ledgerId").asLong());
    assertThat(points("ledger-f").path("balance").asLong()).as("the same key redeems once").isEqualTo(700);

    Api.Response tooMuch = redeem("ledger-f", "coupon-2", 701);
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(tooMuch.json().path("errors").get(0).path("field").asText()).isEqualTo("points");

    // 2025 points expire at the end of 2026 (Asia/Shanghai): the 200 left in that lot go.
    Instant justAfter = OffsetDateTime.parse("2027-01-01T00:00:01+08:00").toInstant();
    assertThat(expiry.expireAllDue(justAfter)).isGreaterThanOrEqualTo(1);
    assertThat(remaining("lf-2025")).isZero();
    assertThat(remaining("lf-2026")).isEqualTo(500);
    JsonNode after = points("ledger-f");
    assertThat(after.path("balance").asLong()).isEqualTo(500);
    assertThat(after.path("entries").get(0).path("kind").asText()).isEqualTo("EXPIRE");
    assertThat(after.path("entries").get(0).path("points").asLong()).isEqualTo(-200);
    assertThat(expiry.expireAllDue(justAfter)).as("nothing expires twice").isZero();
  }

  @Test
  void refundsReverseInProportionAndAddUpToTheWholeOrder() {
    order("ledger-r", "lr-1", "1000.00", "2026-10-01T10:00:00+08:00");
    awaitEntries("ledger-r", 1);
    // Each refund waits for the last one's entry: which refund is capped depends on the order they
    // are handled in, and a handler retried after a lock timeout may come after a later event.
    refund("ledger-r", "lr-1", "r1", "250.00");
    awaitEntries("ledger-r", 2);
    refund("ledger-r", "lr-1", "r2", "250.50");
    awaitEntries("ledger-r", 3);
    refund("ledger-r", "lr-1", "r3", "600.00"); // more than is left: only 499.50 can be refunded
    JsonNode points = awaitEntries("ledger-r", 4);
    // earned 1000 + 100 first-order bonus = 1100
    assertThat(points.path("entries").get(2).path("points").asLong()).isEqualTo(-275); // floor(1100 * 250/1000)
    assertThat(points.path("entries").get(1).path("points").asLong()).isEqualTo(-275); // floor(1100 * 500.5/1000) - 275
    assertThat(points.path("entries").get(0).path("points").asLong()).isEqualTo(-550); // 1100 - 550
    assertThat(points.path("balance").asLong()).isZero();
    assertThat(jdbc.queryForObject("SELECT status FROM customer_order WHERE order_id = 'lr-1'", String.class)).isEqualTo("REFUNDED");
  }

  @Test
  void aRefundAfterRedemptionTakesFromOtherLotsAndMayLeaveTheBalanceNegative() {
    order("ledger-n", "ln-x", "400.00", "2026-01-05T10:00:00+08:00");
    order("ledger-n", "ln-y", "300.00", "2026-02-05T10:00:00+08:00");
    awaitEntries("ledger-n", 2);
    assertThat(redeem("ledger-n", "spend-all", 600).status()).isEqualTo(200);
    // ln-x earned 400 + 100 first-order bonus = 500, ln-y 300: the redemption empties ln-x first
    assertThat(remaining("ln-x")).isZero();
    assertThat(remaining("ln-y")).isEqualTo(200);
    refund("ledger-n", "ln-x", "rx", "400.00");
    JsonNode points = awaitEntries("ledger-n", 4);
    assertThat(points.path("entries").get(0).path("points").asLong()).isEqualTo(-500);
    assertThat(remaining("ln-y")).isZero();
    assertThat(points.path("balance").asLong()).isEqualTo(800 - 600 - 500);
  }

  private long remaining(String orderId) {
    return jdbc.queryForObject("SELECT points_remaining FROM points_lot WHERE order_id = ?", Long.class, orderId);
  }

  private void order(String customerId, String orderId, String amount, String at) {
    Api.Response response = api.postEvents("""
        {"eventId":"ev-%s","customerId":"%s","type":"order.placed","occurredAt":"%s","data":{"orderId":"%s","amount":"%s"}}"""
        .formatted(orderId, customerId, at, orderId, amount));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  private void refund(String customerId, String orderId, String refundId, String amount) {
    Api.Response response = api.postEvents("""
        {"eventId":"ev-%s","customerId":"%s","type":"order.refunded","occurredAt":"2026-11-01T10:00:00+08:00",
         "data":{"orderId":"%s","amount":"%s"}}""".formatted(refundId, customerId, orderId, amount));
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  private Api.Response redeem(String customerId, String key, long points) {
    return api.send(api.request("/api/customers/" + customerId + "/points/redemptions")
        .header("X-API-Key", Api.DEMO_API_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            "{\"idempotencyKey\":\"" + key + "\",\"points\":" + points + ",\"reason\":\"coupon\"}", StandardCharsets.UTF_8)));
  }

  private JsonNode points(String customerId) {
    return api.getAs("admin", "/api/customers/" + customerId + "/points").json();
  }

  private JsonNode awaitEntries(String customerId, int entries) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> points(customerId),
        p -> p != null && p.path("entries").size() == entries);
  }
}
