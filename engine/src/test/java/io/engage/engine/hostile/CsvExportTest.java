package io.engage.engine.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSV the engine hands out never carries a cell a spreadsheet would run as a formula. */
class CsvExportTest extends EngineTest {

  private static final String FORMULA = "=HYPERLINK(\"\"http://evil.example/\"\",\"\"click\"\")";

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aDecisionTableDownloadsWithFormulaCellsAsText() {
    String table = HostileCases.table("$c.awardBase(\"\"b\"\", new BigDecimal(\"\"$param\"\"));")
        .replace("Notes,hostile", "Notes,\"" + FORMULA + "\"\n@SUM(1+1),+cmd|' /C calc'!A0,-1");
    HostileRequest upload = HostileRequest.multipart("formula table", "business", "/api/rules/points/versions/upload",
        "formula.csv", table.getBytes(StandardCharsets.UTF_8));
    Api.Response created = api.send(upload.build(api));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    int version = created.json().path("version").asInt();

    for (String as : new String[] {"csv", ""}) {
      String path = "/api/rules/points/versions/" + version + "/file" + (as.isEmpty() ? "" : "?as=" + as);
      String csv = api.getAs("business", path).body();
      assertThat(csv).as(path).contains("\"'=HYPERLINK(\"\"http://evil.example/\"\"")
          .contains("'@SUM(1+1)").contains("'+cmd|' /C calc'!A0").contains(",-1\n")
          .doesNotContain(",=").doesNotContain("\n=").doesNotContain("\n@").doesNotContain(",+cmd");
    }
  }

  @Test
  void theImportReportQuotesImportedValuesAsText() {
    String csv = "order_id,customer_id,placed_at,amount\n"
        + "=1+2,c-formula,2026-01-01T00:00:00Z,ten\n"
        + "@cmd,c-formula,2026-01-01T00:00:00Z,-\n";
    Api.Response submitted = api.send(api.request("/api/imports?preset=engage-orders&fileName=formula.csv")
        .header("X-API-Key", Api.DEMO_API_KEY).header("Content-Type", "text/csv")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
    long id = submitted.json().path("id").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonNode job = api.getAs("admin", "/api/imports/" + id).json();
      return !job.path("status").asText().equals("QUEUED") && !job.path("status").asText().equals("RUNNING");
    });

    String report = api.getAs("admin", "/api/imports/" + id + "/report").body();
    assertThat(report).contains("line,reason,detail,key").contains("\"'=1+2\"").contains("\"'@cmd\"")
        .doesNotContain("\"=1+2\"").doesNotContain("\"@cmd\"");
  }
}
