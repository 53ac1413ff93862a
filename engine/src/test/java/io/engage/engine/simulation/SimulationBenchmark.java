package io.engage.engine.simulation;

import io.engage.engine.EngineTest;
import io.engage.engine.loyalty.OrderReplay;
import io.engage.engine.rulesadmin.RuleSetService;
import io.engage.rules.ShippedRuleSets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load generator, not a test (Surefire runs *Test classes only): loads ORDERS orders into the
 * database, then measures a full points simulation against reading the same orders without rules,
 * in the same run. Run with
 * {@code ./mvnw -pl engine verify -Dtest=SimulationBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -Dbench.orders=N} to change the size). Results go to standard output.
 */
class SimulationBenchmark extends EngineTest {

  private static final int ORDERS = Integer.getInteger("bench.orders", 300_000);
  private static final Instant FROM = Instant.parse("2023-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-01-01T00:00:00Z");

  @Autowired JdbcTemplate jdbc;
  @Autowired SimulationService simulations;
  @Autowired OrderReplay replay;
  @Autowired RuleSetService rules;

  @Test
  void measure() {
    load();
    int draft = rules.createDraft("points", new RuleSetService.Draft("DRL", ShippedRuleSets.pointsSources().getFirst()
        .content().replace("new BigDecimal(\"1\"));", "new BigDecimal(\"2\"));"), null, null, "benchmark"), "bench").version();
    for (int round = 1; round <= Integer.getInteger("bench.rounds", 6); round++) {
      long start = System.nanoTime();
      AtomicLong read = new AtomicLong();
      replay.orders(FROM, TO, SimulationService.BATCH, batch -> read.addAndGet(batch.size()));
      double readSeconds = (System.nanoTime() - start) / 1e9;
      start = System.nanoTime();
      SimulationReport report = simulations.simulate("points", draft, FROM, TO, 0, 10);
      double simulateSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("BENCH round %d: %d orders; read only %.0f orders/s; simulation (read + 2 versions) %.0f orders/s;"
              + " ratio %.2f%n", round, report.totals().orders(), read.get() / readSeconds,
          report.totals().orders() / simulateSeconds, readSeconds / simulateSeconds);
    }
  }

  private void load() {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE order_id LIKE 'bench-%'", Integer.class);
    if (existing != null && existing >= ORDERS) {
      return;
    }
    Random random = new Random(7);
    String[] categories = {"books", "fresh", "electronics", "apparel"};
    String[] tiers = {"BASIC", "SILVER", "GOLD", "PLUS"};
    jdbc.batchUpdate("INSERT IGNORE INTO customer (id, time_zone, locale, preferred_channel, tier, created_at, updated_at)"
        + " VALUES (?, 'Asia/Shanghai', 'zh-CN', 'EMAIL', 'BASIC', NOW(), NOW())", customers(ORDERS / 10));
    List<Object[]> rows = new ArrayList<>(10_000);
    for (int i = 0; i < ORDERS; i++) {
      String category = categories[random.nextInt(categories.length)];
      String amount = (10 + random.nextInt(2000)) + "." + (10 + random.nextInt(90));
      rows.add(new Object[] {"bench-" + i, "bench-c" + (i % (ORDERS / 10)), "bench-ev-" + i, amount,
          Timestamp.from(FROM.plusSeconds(random.nextInt(364 * 86_400))), tiers[random.nextInt(4)],
          "[{\"sku\":\"s\",\"category\":\"" + category + "\",\"amount\":" + amount + ",\"quantity\":1}]"});
      if (rows.size() == 10_000) {
        insert(rows);
        rows.clear();
      }
    }
    insert(rows);
  }

  private List<Object[]> customers(int count) {
    List<Object[]> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(new Object[] {"bench-c" + i});
    }
    return ids;
  }

  private void insert(List<Object[]> rows) {
    jdbc.batchUpdate("INSERT IGNORE INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status,"
        + " placed_at, tier, line_items) VALUES (?, ?, ?, ?, 'CNY', 'app', 'PAID', ?, ?, ?)", rows);
  }
}
