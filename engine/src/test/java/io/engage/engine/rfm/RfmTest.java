package io.engage.engine.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.lifecycle.LifecycleJobs;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * RFM from the database's window functions against an independent calculation in Java, on a
 * generated data set full of ties (few distinct dates, counts and amounts), cancelled and refunded
 * orders included.
 */
class RfmTest extends EngineTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Autowired JdbcTemplate jdbc;
  @Autowired Rfm rfm;
  @Autowired RfmProperties properties;
  @Autowired LifecycleJobs jobs;
  @LocalServerPort int port;

  @Test
  void scoresEqualAnIndependentCalculationWithTies() {
    generate();
    LocalDate asOf = rfm.today();
    jobs.recomputeNow(null).orElseThrow();

    Map<String, Expected> expected = independent(asOf);
    Map<String, CustomerRfm> stored = new HashMap<>();
    jdbc.query("SELECT customer_id FROM customer_rfm", rs -> {
      String id = rs.getString(1);
      stored.put(id, rfm.find(id).orElseThrow());
    });
    assertThat(stored.keySet()).isEqualTo(expected.keySet());
    for (Expected e : expected.values()) {
      CustomerRfm actual = stored.get(e.id);
      assertThat(actual.asOf()).isEqualTo(asOf);
      assertThat(actual.recencyDays()).as("recency of %s", e.id).isEqualTo(e.recency);
      assertThat(actual.frequency()).as("frequency of %s", e.id).isEqualTo(e.frequency);
      assertThat(actual.monetary()).as("monetary of %s", e.id).isEqualByComparingTo(e.monetary);
      assertThat(List.of(actual.rScore(), actual.fScore(), actual.mScore())).as("scores of %s", e.id)
          .isEqualTo(List.of(e.r, e.f, e.m));
      assertThat(actual.segment()).isEqualTo(properties.segmentOf(e.r, e.f, e.m));
    }
    // ties really happened, and equal values got equal scores
    assertThat(expected.values().stream().map(e -> e.frequency).distinct().count()).isLessThan(expected.size() / 5);

    Api.Response summary = new Api(port).getAs("marketer", "/api/rfm/summary");
    assertThat(summary.status()).isEqualTo(200);
    assertThat(summary.json().path("customers").asLong()).isEqualTo(expected.size());
    long gridTotal = 0;
    for (var cell : summary.json().path("grid")) {
      gridTotal += cell.path("customers").asLong();
    }
    assertThat(gridTotal).isEqualTo(expected.size());
  }

  private void generate() {
    Random random = new Random(42);
    Instant now = Instant.now();
    List<Object[]> customers = new ArrayList<>();
    List<Object[]> orders = new ArrayList<>();
    String[] amounts = {"10.00", "25.50", "25.50", "99.99", "100.00", "7.10"};
    for (int c = 0; c < 400; c++) {
      String id = "rfm-" + c;
      customers.add(new Object[] {id, Timestamp.from(now)});
      int count = random.nextInt(4); // 0..3 orders: heavy ties on frequency
      for (int k = 0; k < count; k++) {
        Instant placed = now.minus(random.nextInt(8) * 30L, ChronoUnit.DAYS).minus(random.nextInt(3), ChronoUnit.HOURS);
        String status = random.nextInt(10) == 0 ? "CANCELLED" : "PAID";
        String amount = amounts[random.nextInt(amounts.length)];
        String refunded = random.nextInt(10) == 0 ? amount : random.nextInt(10) == 0 ? "5.00" : "0.00";
        orders.add(new Object[] {id + "-o" + k, id, "e-" + id + "-" + k, amount, status, Timestamp.from(placed), refunded});
      }
    }
    jdbc.batchUpdate("INSERT INTO customer (id, time_zone, locale, preferred_channel, tier, created_at, updated_at)"
        + " VALUES (?, 'Asia/Shanghai', 'zh-CN', 'EMAIL', 'BASIC', ?, ?)", customers.stream()
        .map(row -> new Object[] {row[0], row[1], row[1]}).toList());
    jdbc.batchUpdate("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status, placed_at,"
        + " line_items, refunded_amount) VALUES (?, ?, ?, ?, 'CNY', 'web', ?, ?, '[]', ?)", orders);
  }

  record Expected(String id, int recency, int frequency, BigDecimal monetary, int r, int f, int m) {}

  /** The definition, straight: paid = PAID and not fully refunded; counts over all scored customers. */
  private Map<String, Expected> independent(LocalDate asOf) {
    record Agg(String id, LocalDate last, int count, BigDecimal sum) {}
    Map<String, Agg> aggs = new HashMap<>();
    jdbc.query("SELECT customer_id, placed_at, amount, refunded_amount, status FROM customer_order", rs -> {
      if (!rs.getString(5).equals("PAID") || rs.getBigDecimal(4).compareTo(rs.getBigDecimal(3)) >= 0) {
        return;
      }
      String id = rs.getString(1);
      LocalDate date = rs.getTimestamp(2).toInstant().atZone(ZONE).toLocalDate();
      BigDecimal net = rs.getBigDecimal(3).subtract(rs.getBigDecimal(4));
      aggs.merge(id, new Agg(id, date, 1, net), (a, b) -> new Agg(id, a.last.isAfter(b.last) ? a.last : b.last,
          a.count + b.count, a.sum.add(b.sum)));
    });
    int n = aggs.size();
    Map<String, Expected> result = new HashMap<>();
    for (Agg a : aggs.values()) {
      int recency = (int) Math.max(0, ChronoUnit.DAYS.between(a.last, asOf));
      long olderOrEqual = aggs.values().stream().filter(b -> ChronoUnit.DAYS.between(b.last, asOf) >= ChronoUnit.DAYS.between(a.last, asOf)).count();
      long fewerOrEqual = aggs.values().stream().filter(b -> b.count <= a.count).count();
      long lessOrEqual = aggs.values().stream().filter(b -> b.sum.compareTo(a.sum) <= 0).count();
      result.put(a.id, new Expected(a.id, recency, a.count, a.sum, ceil5(olderOrEqual, n), ceil5(fewerOrEqual, n), ceil5(lessOrEqual, n)));
    }
    return result;
  }

  private static int ceil5(long count, int n) {
    return (int) Math.ceilDiv(5 * count, n);
  }
}
