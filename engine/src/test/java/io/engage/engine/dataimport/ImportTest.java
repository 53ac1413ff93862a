package io.engage.engine.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** An "Online Retail" export with every kind of bad row; a second run of the same file adds nothing. */
class ImportTest extends EngineTest {

  private static final String ONLINE_RETAIL = """
      InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
      536365,85123A,"WHITE HANGING HEART T-LIGHT HOLDER",6,12/1/2010 8:26,2.55,17850.0,United Kingdom
      536365,71053,"WHITE METAL LANTERN",6,12/1/2010 8:26,3.39,17850.0,United Kingdom
      536365,71053,"WHITE METAL LANTERN",6,12/1/2010 8:26,3.39,17850.0,United Kingdom
      536366,22633,"HAND WARMER, UNION JACK",6,12/1/2010 8:28,1.85,17850,United Kingdom
      536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,1.69,,United Kingdom
      536368,22960,JAM MAKING SET WITH JARS,6,31/12/2010 8:34,4.25,13047,United Kingdom
      536369,21756,BATH BUILDING BLOCK WORD,3,12/1/2010 8:35,five,13047,United Kingdom
      536370,22728,ALARM CLOCK BAKELIKE PINK,-24,12/1/2010 8:45,3.75,12583,France
      C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom
      536371,22086,PAPER CHAIN KIT 50'S CHRISTMAS,80,12/1/2010 9:00,2.55,13748,United Kingdom
      """;

  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @Test
  void everyGoodRowIsKeptEveryBadRowReportedAndARerunAddsNothing(@TempDir Path dir) throws Exception {
    Api api = new Api(port);
    JsonNode first = runImport(api, ONLINE_RETAIL, "online-retail");
    assertThat(first.path("status").asText()).isEqualTo("DONE");
    assertThat(first.path("rowsRead").asLong()).isEqualTo(10);
    assertThat(first.path("imported").asLong()).isEqualTo(4); // 536365 (2 lines), 536366, 536371
    assertThat(first.path("duplicates").asLong()).isEqualTo(1);
    JsonNode reasons = first.path("skippedByReason");
    assertThat(reasons.path("missing-customer").asLong()).isEqualTo(1);
    assertThat(reasons.path("bad-date").asLong()).isEqualTo(1);
    assertThat(reasons.path("bad-amount").asLong()).isEqualTo(1);
    assertThat(reasons.path("negative-quantity").asLong()).isEqualTo(1);
    assertThat(reasons.path("cancellation").asLong()).isEqualTo(1);
    assertThat(first.path("skipped").asLong()).isEqualTo(5);

    assertThat(jdbc.queryForObject("SELECT amount FROM customer_order WHERE order_id = 'or-536365'", java.math.BigDecimal.class))
        .isEqualByComparingTo("35.64"); // 6 x 2.55 + 6 x 3.39, decimals
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE customer_id = 'or-17850'", Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE customer_id = 'or-17850'", Integer.class))
        .as("history earns no points").isZero();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE customer_id = 'or-17850'", Integer.class))
        .as("history publishes nothing to journeys").isZero();
    assertThat(jdbc.queryForObject("SELECT paid_orders FROM customer_order_stats WHERE customer_id = 'or-17850'", Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("SELECT stage FROM customer_lifecycle WHERE customer_id = 'or-17850'", String.class)).isEqualTo("churned");

    Api.Response report = api.getAs("admin", "/api/imports/" + first.path("id").asLong() + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("line,reason,detail,key").contains("4,duplicate").contains("6,missing-customer")
        .contains("7,bad-date").contains("8,bad-amount").contains("9,negative-quantity").contains("10,cancellation");

    JsonNode second = runImport(api, ONLINE_RETAIL, "online-retail");
    assertThat(second.path("imported").asLong()).isZero();
    assertThat(second.path("duplicates").asLong()).isEqualTo(5);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer_order WHERE order_id LIKE 'or-5363%'", Integer.class)).isEqualTo(3);
    assertThat(jdbc.queryForList("SELECT customer_id, first_paid_at, last_paid_at, paid_orders, paid_amount FROM customer_order_stats"
        + " WHERE customer_id LIKE 'or-%' ORDER BY customer_id").stream().map(row -> row.values().stream().map(String::valueOf).toList()).toList())
        .as("statistics added from the imported orders equal a fresh aggregate of the orders")
        .isEqualTo(jdbc.queryForList("SELECT customer_id, MIN(placed_at), MAX(placed_at), COUNT(*), SUM(amount - refunded_amount)"
            + " FROM customer_order WHERE customer_id LIKE 'or-%' AND status = 'PAID' AND refunded_amount < amount"
            + " GROUP BY customer_id ORDER BY customer_id").stream().map(row -> row.values().stream().map(String::valueOf).toList()).toList());

    // the command line: same file again through the CLI, with its progress bar
    Path file = dir.resolve("retail.csv");
    Files.writeString(file, ONLINE_RETAIL);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = new ImportCli(new PrintStream(out, true, StandardCharsets.UTF_8)).run(new String[] {
        "--file", file.toString(), "--mapping", "online-retail", "--server", "http://127.0.0.1:" + port,
        "--api-key", Api.DEMO_API_KEY});
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("100%").contains("DONE").contains("0 imported");
  }

  @Test
  void customersWithAMappingOfTheirOwn() {
    String csv = """
        id;mail;tz;verified
        imp-c1;a@example.com;Asia/Shanghai;true
        imp-c2;not-an-email;Asia/Shanghai;false
        imp-c3;c@example.com;Mars/Olympus;false
        imp-c1;a@example.com;Asia/Shanghai;true
        """;
    String mapping = """
        {"kind":"customers","delimiter":";","columns":{"customerId":"id","email":"mail","timeZone":"tz","emailVerified":"verified"}}""";
    JsonNode job = runImportWithMapping(new Api(port), csv, mapping);
    assertThat(job.path("imported").asLong()).isEqualTo(1);
    assertThat(job.path("duplicates").asLong()).isEqualTo(1);
    assertThat(job.path("skippedByReason").path("bad-email").asLong()).isEqualTo(1);
    assertThat(job.path("skippedByReason").path("bad-time-zone").asLong()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT email_verified FROM customer WHERE id = 'imp-c1'", Boolean.class)).isTrue();
    assertThat(jdbc.queryForObject("SELECT stage FROM customer_lifecycle WHERE customer_id = 'imp-c1'", String.class)).isEqualTo("potential");
  }

  @Test
  void aBadMappingIsRefusedNamingTheField() {
    Api.Response response = new Api(port).send(new Api(port).request("/api/imports?mapping="
            + URLEncoder.encode("{\"kind\":\"orders\",\"columns\":{\"customerId\":\"c\"}}", StandardCharsets.UTF_8))
        .header("X-API-Key", Api.DEMO_API_KEY).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString("c\n1\n")));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("mapping.columns.orderId");
  }

  private JsonNode runImport(Api api, String csv, String preset) {
    return follow(api, api.send(api.request("/api/imports?preset=" + preset + "&fileName=retail.csv")
        .header("X-API-Key", Api.DEMO_API_KEY).header("Content-Type", "text/csv")
        .POST(HttpRequest.BodyPublishers.ofString(csv))));
  }

  private JsonNode runImportWithMapping(Api api, String csv, String mapping) {
    String boundary = "b0undary";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\nContent-Type: text/csv\r\n\r\n"
        + csv + "\r\n--" + boundary + "--\r\n";
    return follow(api, api.send(api.request("/api/imports").header("X-API-Key", Api.DEMO_API_KEY)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  private JsonNode follow(Api api, Api.Response submitted) {
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
    long id = submitted.json().path("id").asLong();
    JsonNode[] job = new JsonNode[1];
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      job[0] = api.getAs("admin", "/api/imports/" + id).json();
      return !job[0].path("status").asText().equals("QUEUED") && !job[0].path("status").asText().equals("RUNNING");
    });
    return job[0];
  }
}
