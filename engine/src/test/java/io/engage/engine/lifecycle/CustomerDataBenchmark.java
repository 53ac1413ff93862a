package io.engage.engine.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.EngineTest;
import io.engage.engine.dataimport.ImportJob;
import io.engage.engine.dataimport.ImportMapping;
import io.engage.engine.dataimport.Imports;
import io.engage.engine.rfm.Rfm;
import io.engage.engine.segment.Segments;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load generator, not a test (Surefire runs *Test classes only): generates CUSTOMERS customers with
 * about 10 paid orders each in the database (server-side INSERT ... SELECT), then times a full RFM +
 * lifecycle recompute (with two saved segments rebuilt after it, as the daily runs do) against a
 * plain per-customer scan of every order, and an import of
 * IMPORT_ROWS order rows through the importer against only reading and parsing the same file.
 * It truncates the lifecycle, event and outbox tables of the database it runs on: give it a
 * database of its own (see BENCHMARKS.md for the command, which keeps the generated data in the
 * database {@code engage_bench} so later runs skip the generation). Results go to standard output.
 */
class CustomerDataBenchmark extends EngineTest {

  private static final int CUSTOMERS = Integer.getInteger("bench.customers", 1_000_000);
  private static final int IMPORT_ROWS = Integer.getInteger("bench.importRows", 1_000_000);
  private static final int CHUNK = 50_000;
  /** Which parts to run: "recompute", "import" or both (comma-separated). */
  private static final String PARTS = System.getProperty("bench.parts", "recompute,import");

  @Autowired JdbcTemplate jdbc;
  @Autowired LifecycleJobs jobs;
  @Autowired Rfm rfm;
  @Autowired Imports imports;
  @Autowired Segments segments;

  @Test
  void measure() throws Exception {
    long start = System.nanoTime();
    generate();
    long orders = jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE order_id LIKE 'bo-%'", Long.class);
    print("generated (or found) %d customers and %d orders in %.1f s", CUSTOMERS, orders, seconds(start));
    reset();
    print("load average before measuring: %s", Files.readString(Path.of("/proc/loadavg")).trim());

    for (int round = 1; PARTS.contains("recompute") && round <= 2; round++) {
      start = System.nanoTime();
      rfm.baselineScan();
      double baseline = seconds(start);
      print("round %d: baseline scan %.1f s", round, baseline);
      start = System.nanoTime();
      LifecycleJobs.Recompute result = jobs.recomputeNow(null).orElseThrow();
      long segmentsStart = System.nanoTime();
      long members = segments.recomputeAll().stream().mapToLong(Segments.Recomputed::members).sum();
      double segmentSeconds = seconds(segmentsStart);
      double recompute = seconds(start);
      print("round %d: baseline scan (COUNT, SUM GROUP BY customer_id) %.1f s; full recompute %.1f s"
              + " (RFM %.1f s for %d scored, lifecycle %.1f s for %d customers, %d stage changes, segments %.1f s for %d members);"
              + " recompute / baseline %.2f",
          round, baseline, recompute, result.rfm().millis() / 1000.0, result.rfm().scored(), result.lifecycle().millis() / 1000.0,
          result.lifecycle().customers(), result.lifecycle().changed(), segmentSeconds, members, recompute / baseline);
      print("round %d phases: RFM %s; lifecycle %s", round, result.rfm().phases(), result.lifecycle().phases());
    }
    if (!PARTS.contains("import")) {
      return;
    }

    Path file = Files.createTempFile("bench-orders", ".csv");
    try {
      writeImportFile(file);
      start = System.nanoTime();
      long parsed = parseOnly(file);
      double parse = seconds(start);
      start = System.nanoTime();
      ImportJob job;
      try (InputStream in = Files.newInputStream(file)) {
        job = imports.submit("bench-orders.csv", in, ImportMapping.PRESETS.get("engage-orders"), "bench");
      }
      while (!(job = imports.job(job.id())).status().equals(ImportJob.DONE) && !job.status().equals(ImportJob.FAILED)) {
        Thread.sleep(200);
      }
      double imported = seconds(start);
      print("import of %d rows: %s, %d imported, %d duplicates, %d skipped in %.1f s (%.0f rows/s);"
              + " baseline read + parse only %d rows in %.1f s; import / baseline %.1f",
          job.rowsRead(), job.status(), job.imported(), job.duplicates(), job.skipped(), imported, job.rowsRead() / imported,
          parsed, parse, imported / parse);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Each run starts from the same state: no stages yet (so round 1 is a first assessment of every
   * customer and round 2 the steady state), no earlier imports, an empty outbox.
   */
  private void reset() {
    long start = System.nanoTime();
    for (String table : new String[] {"customer_lifecycle", "lifecycle_history", "lifecycle_zone_run", "outbox", "event",
        "import_job", "import_row_issue", "cluster_lease"}) {
      jdbc.execute("TRUNCATE TABLE " + table);
    }
    int removed = jdbc.update("DELETE FROM customer_order WHERE order_id LIKE 'bi-%'");
    jdbc.update("DELETE FROM segment_member");
    jdbc.update("DELETE FROM segment");
    // Two saved segments the daily run rebuilds: one on RFM, one on the lifecycle stage and tier.
    ObjectMapper json = new ObjectMapper();
    try {
      segments.create("bench-champions", "Champions", null,
          json.readTree("{\"field\": \"rfm.segment\", \"op\": \"eq\", \"value\": \"champions\"}"), "bench");
      segments.create("bench-gold-at-risk", "Gold at risk", null, json.readTree(
          "{\"all\": [{\"field\": \"lifecycle.stage\", \"op\": \"eq\", \"value\": \"at-risk\"},"
              + " {\"field\": \"tier\", \"op\": \"in\", \"value\": [\"GOLD\", \"PLUS\"]}]}"), "bench");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    print("reset stages, events, outbox and %d earlier imported orders in %.1f s", removed, seconds(start));
  }

  private void generate() {
    Integer existing = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE id LIKE 'bc-%'", Integer.class);
    if (existing != null && existing >= CUSTOMERS) {
      return;
    }
    jdbc.execute("CREATE TABLE IF NOT EXISTS bench_n (n INT PRIMARY KEY)");
    jdbc.execute("DELETE FROM bench_n");
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < CHUNK; i++) {
      values.append(i == 0 ? "" : ",").append('(').append(i).append(')');
    }
    jdbc.execute("INSERT INTO bench_n (n) VALUES " + values);
    jdbc.execute("CREATE TABLE IF NOT EXISTS bench_k (k INT PRIMARY KEY)");
    jdbc.execute("DELETE FROM bench_k");
    jdbc.execute("INSERT INTO bench_k (k) VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9),(10),(11),(12),(13),(14),(15),(16),(17),(18)");
    String[] zones = {"Asia/Shanghai", "Asia/Shanghai", "Asia/Hong_Kong", "America/Los_Angeles", "Europe/London"};
    for (int base = 0; base < CUSTOMERS; base += CHUNK) {
      int limit = Math.min(CHUNK, CUSTOMERS - base);
      jdbc.update("INSERT INTO customer (id, time_zone, locale, preferred_channel, tier, registered_at, created_at, updated_at)"
          + " SELECT CONCAT('bc-', ? + n), ELT(1 + (? + n) % 5, ?, ?, ?, ?, ?), 'zh-CN', 'EMAIL',"
          + " ELT(1 + (? + n) % 10, 'BASIC','BASIC','BASIC','BASIC','BASIC','SILVER','SILVER','SILVER','GOLD','PLUS'),"
          + " NOW(3) - INTERVAL 800 DAY, NOW(3), NOW(3) FROM bench_n WHERE n < ?",
          base, base, zones[0], zones[1], zones[2], zones[3], zones[4], base, limit);
      // 1 + (n * 7919) % 19 orders each (about 10 on average), amounts and dates with many ties
      jdbc.update("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status, placed_at,"
          + " line_items, refunded_amount)"
          + " SELECT CONCAT('bo-', ? + n, '-', k), CONCAT('bc-', ? + n), CONCAT('be-', ? + n, '-', k),"
          + " 5 + ((? + n) * 31 + k * 17) % 2000 / 10, 'CNY', 'web', 'PAID',"
          + " NOW(3) - INTERVAL (((? + n) * 13 + k * 101) % 730) DAY - INTERVAL ((? + n) % 86400) SECOND, '[]', 0"
          + " FROM bench_n JOIN bench_k ON k < 1 + ((? + n) * 7919) % 19 WHERE n < ?",
          base, base, base, base, base, base, base, limit);
    }
    jdbc.execute("DROP TABLE bench_n");
    jdbc.execute("DROP TABLE bench_k");
  }

  private void writeImportFile(Path file) throws Exception {
    Instant now = Instant.now();
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("order_id,customer_id,placed_at,amount,currency,channel,category\n");
      for (int i = 0; i < IMPORT_ROWS; i++) {
        int customer = (int) ((i * 7L) % CUSTOMERS);
        out.write("bi-" + i + ",bc-" + customer + "," + now.minus(Duration.ofMinutes(1 + i % 500_000)) + ","
            + (10 + i % 990) + "." + (i % 100 < 10 ? "0" : "") + (i % 100) + ",CNY,web,books\n");
      }
    }
  }

  private long parseOnly(Path file) throws Exception {
    long rows = 0;
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      while ((line = reader.readLine()) != null) {
        String[] fields = line.split(",");
        new java.math.BigDecimal(fields[3]);
        java.time.OffsetDateTime.parse(fields[2]);
        rows++;
      }
    }
    return rows;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static void print(String format, Object... args) {
    System.out.println("BENCH " + format.formatted(args));
  }
}
