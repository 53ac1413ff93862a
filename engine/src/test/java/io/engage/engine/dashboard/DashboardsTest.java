package io.engage.engine.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboards' aggregates over known rows. Points and messages lie in March 2019 and the
 * journey has its own name, so the rows other tests of the shared context write do not count.
 */
class DashboardsTest extends EngineTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String JOURNEY = "dashboard-probe";
  private static final AtomicLong KEYS = new AtomicLong(9_190_000_000L);

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  private Api api;

  @BeforeEach
  void data() {
    api = new Api(port);
    if (jdbc.queryForObject("SELECT COUNT(*) FROM journey_instance WHERE journey = ?", Long.class, JOURNEY) > 0) {
      return;
    }
    ledger("EARN", 100, "2019-03-04T10:00");
    ledger("EARN", 50, "2019-03-04T23:30");
    ledger("REVIEW", 5, "2019-03-05T00:10"); // 16:10 UTC on the 4th: a Shanghai day, not a UTC day
    ledger("REDEEM", -30, "2019-03-05T12:00");
    ledger("EXPIRE", -20, "2019-03-11T09:00");
    ledger("REVERSAL", -10, "2019-03-12T08:00");
    ledger("EARN", 7, "2019-03-31T23:59");
    ledger("EARN", 9, "2019-04-01T00:00:30");

    message("EMAIL", "SENT", "CUSTOMER", "2019-02-28T23:00"); // the day before the range
    message("EMAIL", "SENT", "CUSTOMER", "2019-03-01T00:00");
    message("EMAIL", "SENT", "CUSTOMER", "2019-03-15T12:00");
    message("EMAIL", "SENT", "CUSTOMER", "2019-03-31T23:30");
    message("EMAIL", "FAILED", "CUSTOMER", "2019-03-10T12:00");
    message("SMS", "SENT", "CUSTOMER", "2019-03-20T12:00");
    message("EMAIL", "SENT", "STAFF", "2019-03-20T12:00");
    message("SMS", "SENT", "CUSTOMER", "2019-04-01T00:00"); // the day after the range

    // version 1: ordered while inside / ordered after leaving / reached a goal / refused at entry
    instance(1, "dash-a", "ACTIVE", "2019-03-01T10:00", null);
    order("dash-a", "2019-03-02T10:00");
    instance(1, "dash-b", "COMPLETED", "2019-03-01T10:00", "2019-03-05T10:00");
    order("dash-b", "2019-03-10T10:00");
    long goal = instance(1, "dash-c", "COMPLETED", "2019-03-01T10:00", "2019-03-03T10:00");
    jdbc.update("INSERT INTO journey_conversion (journey, goal, customer_id, process_instance_key, order_id, converted_at)"
        + " VALUES (?, 'first-order', 'dash-c', ?, NULL, ?)", JOURNEY, goal, at("2019-03-02T10:00"));
    instance(1, "dash-x", "NOT_ENTERED", "2019-03-01T10:00", "2019-03-01T10:00");
    order("dash-x", "2019-03-01T11:00");
    // version 2: ended (gone) with an order only before its start / still inside without an order
    order("dash-d", "2019-03-01T09:00");
    instance(2, "dash-d", "GONE", "2019-03-01T10:00", "2019-03-02T10:00");
    instance(2, "dash-e", "ACTIVE", "2019-03-06T10:00", null);
  }

  @Test
  void pointsPerShanghaiDayIncludingDaysWithoutEntries() {
    JsonNode body = ok("/api/dashboards/points?from=2019-03-04&to=2019-03-12&bucket=day");
    assertThat(body.path("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(rows(body)).containsExactly(
        "2019-03-04 150 0 0 0", "2019-03-05 5 30 0 0", "2019-03-06 0 0 0 0", "2019-03-07 0 0 0 0",
        "2019-03-08 0 0 0 0", "2019-03-09 0 0 0 0", "2019-03-10 0 0 0 0", "2019-03-11 0 0 20 0",
        "2019-03-12 0 0 0 10");
    JsonNode totals = body.path("totals");
    assertThat(List.of(totals.path("issued").asLong(), totals.path("redeemed").asLong(), totals.path("expired").asLong(),
        totals.path("reversed").asLong())).containsExactly(155L, 30L, 20L, 10L);
  }

  @Test
  void pointsPerWeekAndMonthCutToTheRange() {
    // 1 March 2019 was a Friday: the first week (from Monday 25 Feb) holds only 1-3 March.
    assertThat(rows(ok("/api/dashboards/points?from=2019-03-01&to=2019-03-31&bucket=week"))).containsExactly(
        "2019-02-25 0 0 0 0", "2019-03-04 155 30 0 0", "2019-03-11 0 0 20 10", "2019-03-18 0 0 0 0",
        "2019-03-25 7 0 0 0");
    assertThat(rows(ok("/api/dashboards/points?from=2019-03-01&to=2019-04-30&bucket=month"))).containsExactly(
        "2019-03-01 162 30 20 10", "2019-04-01 9 0 0 0");
    // In UTC the late review and the 23:59 order fall a day earlier, the April one in March.
    assertThat(rows(ok("/api/dashboards/points?from=2019-03-01&to=2019-03-31&bucket=month&zone=UTC"))).containsExactly(
        "2019-03-01 171 30 20 10");
  }

  @Test
  void messagesPerChannelAndStatusOfCustomerMessagesInTheRange() {
    JsonNode body = ok("/api/dashboards/messages?from=2019-03-01&to=2019-03-31");
    List<String> counts = new ArrayList<>();
    body.path("counts").forEach(c -> counts.add(c.path("channel").asText() + " " + c.path("status").asText() + " "
        + c.path("messages").asLong()));
    assertThat(counts).containsExactly("EMAIL FAILED 1", "EMAIL SENT 3", "SMS SENT 1");
    assertThat(body.path("total").asLong()).isEqualTo(5);
  }

  @Test
  void journeyConversionPerVersion() {
    List<String> rows = new ArrayList<>();
    for (JsonNode row : ok("/api/dashboards/journeys").path("journeys")) {
      if (row.path("journey").asText().equals(JOURNEY)) {
        rows.add(row.path("version").asInt() + ": entered " + row.path("entered").asLong() + ", active "
            + row.path("active").asLong() + ", completed " + row.path("completed").asLong() + ", exited "
            + row.path("exited").asLong() + ", converted " + row.path("converted").asLong() + ", rate "
            + row.path("conversionRate").asText());
      }
    }
    assertThat(rows).containsExactly(
        "1: entered 3, active 1, completed 2, exited 2, converted 2, rate 0.6666666666666666",
        "2: entered 2, active 1, completed 0, exited 1, converted 0, rate 0.0");
  }

  @Test
  void badQueriesNameTheParameterAndOtherRolesAreRefused() {
    Api.Response bucket = api.getAs("business", "/api/dashboards/points?bucket=hour");
    assertThat(bucket.status()).isEqualTo(400);
    assertThat(bucket.contentType()).startsWith("application/problem+json");
    assertThat(bucket.json().path("errors").get(0).path("field").asText()).isEqualTo("bucket");

    Api.Response date = api.getAs("business", "/api/dashboards/messages?from=2019-13-01");
    assertThat(date.status()).isEqualTo(400);
    assertThat(date.json().path("errors").get(0).path("field").asText()).isEqualTo("from");

    Api.Response reversed = api.getAs("business", "/api/dashboards/points?from=2019-03-02&to=2019-03-01");
    assertThat(reversed.json().path("errors").get(0).path("field").asText()).isEqualTo("from");

    Api.Response tooMany = api.getAs("business", "/api/dashboards/points?from=2000-01-01&to=2019-03-01&bucket=day");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().path("errors").get(0).path("field").asText()).isEqualTo("bucket");

    for (String role : List.of("marketer", "business", "service", "admin")) {
      assertThat(api.getAs(role, "/api/dashboards/journeys").status()).as(role).isEqualTo(200);
    }
    assertThat(api.getAs("agent", "/api/dashboards/points").status()).isEqualTo(403);
  }

  private JsonNode ok(String path) {
    Api.Response response = api.getAs("marketer", path);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static List<String> rows(JsonNode body) {
    List<String> rows = new ArrayList<>();
    body.path("points").forEach(p -> rows.add(p.path("date").asText() + " " + p.path("issued").asLong() + " "
        + p.path("redeemed").asLong() + " " + p.path("expired").asLong() + " " + p.path("reversed").asLong()));
    return rows;
  }

  private static Timestamp at(String shanghaiLocal) {
    return Timestamp.from(LocalDateTime.parse(shanghaiLocal).atZone(SHANGHAI).toInstant());
  }

  private void ledger(String kind, long points, String when) {
    jdbc.update("INSERT INTO points_ledger (customer_id, kind, points, source_event_id, order_id, rule_set,"
            + " rule_set_version, explanation, rules_fired, inputs, created_at)"
            + " VALUES ('dash-ledger', ?, ?, ?, NULL, 'points', 'test', 'dashboard test', '[]', '{}', ?)",
        kind, points, "dash:" + KEYS.incrementAndGet(), at(when));
  }

  private void message(String channel, String status, String audience, String when) {
    jdbc.update("INSERT INTO message (idempotency_key, customer_id, audience, channel, template, category, status,"
            + " created_at) VALUES (?, ?, ?, ?, 'welcome', 'MARKETING', ?, ?)",
        "dash:" + KEYS.incrementAndGet(), audience.equals("STAFF") ? null : "dash-m", audience, channel, status, at(when));
  }

  private long instance(int version, String customer, String status, String started, String ended) {
    long key = KEYS.incrementAndGet();
    jdbc.update("INSERT INTO journey_instance (process_instance_key, journey, version, customer_id, status, started_at,"
        + " ended_at) VALUES (?, ?, ?, ?, ?, ?, ?)", key, JOURNEY, version, customer, status, at(started),
        ended == null ? null : at(ended));
    return key;
  }

  private void order(String customer, String placed) {
    long key = KEYS.incrementAndGet();
    jdbc.update("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status,"
        + " placed_at, line_items) VALUES (?, ?, ?, 10.00, 'CNY', 'web', 'PAID', ?, '[]')",
        "dash-o" + key, customer, "dash-e" + key, at(placed));
  }
}
