package io.engage.engine.rulesadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Business staff author rules as a spreadsheet or a grid; a bad one is refused at its row. */
class RuleAuthoringTest extends EngineTest {

  static final String TABLE = String.join("\n",
      "RuleSet,io.engage.rules.points",
      "Import,java.math.BigDecimal",
      "Notes,points per tier",
      ",",
      "RuleTable Tier points",
      "NAME,CONDITION,ACTION,ACTION",
      ",$c : PointsCalculation,,",
      ",\"tier == \"\"$param\"\"\",\"$c.awardBase(\"\"Base points\"\", new BigDecimal(\"\"$param\"\"));\","
          + "\"$c.multiplyBase(\"\"Tier multiplier\"\", new BigDecimal(\"\"$param\"\"));\"",
      "Rule,Tier,Points per yuan,Multiplier",
      "Basic,BASIC,3,",
      "Gold,GOLD,3,1.5",
      "");

  @LocalServerPort int port;
  @Autowired ActiveRules active;
  @Autowired RuleSetService service;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @AfterEach
  void restoreShippedRules() {
    if (!"1".equals(active.get("points").version())) {
      service.activate("points", 1, "test");
    }
  }

  @Test
  void anUploadedTableBecomesADraftThatCanBeActivatedAndDownloaded() {
    Api.Response upload = upload("business", "points", "tiers.drl.csv", TABLE.getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);
    int version = upload.json().path("version").asInt();
    assertThat(upload.json().path("format").asText()).isEqualTo("CSV");

    Api.Response file = api.getAs("business", "/api/rules/points/versions/" + version + "/file");
    assertThat(file.body()).isEqualTo(TABLE);
    Api.Response asXlsx = api.getAs("business", "/api/rules/points/versions/" + version + "/file?as=xlsx");
    assertThat(asXlsx.status()).isEqualTo(200);
    assertThat(asXlsx.contentType()).contains("spreadsheetml");
    assertThat(api.getAs("business", "/api/rules/points/versions/1/drl").body()).contains("rule \"Base points\"");

    activateWithApproval("business", "points", version, "admin");
    assertThat(api.postEvents("""
        {"eventId":"tbl-ev-1","customerId":"tbl-c1","type":"order.placed","occurredAt":"2026-11-21T10:00:00Z",
         "data":{"orderId":"tbl-o1","amount":"10.00"}}""").status()).isEqualTo(202);
    JsonNode entry = await().atMost(Duration.ofSeconds(20)).until(
        () -> api.getAs("admin", "/api/customers/tbl-c1/points").json(),
        p -> p != null && p.path("entries").size() == 1).path("entries").get(0);
    assertThat(entry.path("explanation").asText()).isEqualTo("+30: base 30");
  }

  @Test
  void aBadTableIsRefusedAtItsSheetRowAndTheActiveVersionStays() {
    String broken = TABLE.replace("Gold,GOLD,3,1.5", "Gold,GOLD,3,1.5\nGold again,GOLD,3,2");
    Api.Response response = upload("business", "points", "tiers.csv", broken.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(422);
    JsonNode error = response.json().path("errors").get(0);
    assertThat(error.path("field").asText()).isEqualTo("tiers.csv");
    assertThat(error.path("line").asInt()).isEqualTo(12);
    assertThat(error.path("reason").asText()).contains("overlap");
    assertThat(active.get("points").version()).isEqualTo("1");

    assertThat(upload("business", "points", "notes.txt", "hello".getBytes()).status()).isEqualTo(422);
  }

  @Test
  void aFiftyMegabyteUploadIsRefusedWithoutHarm() {
    Api.Response response = upload("business", "points", "huge.xlsx", new byte[50 << 20]);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(active.get("points").version()).isEqualTo("1");
  }

  @Test
  void aGridBecomesADraftAndDownloadsAsCsv() {
    String grid = """
        {"comment":"grid","grid":{"packageName":"io.engage.rules.points","imports":["java.math.BigDecimal"],
          "tableName":"Tier points","factBinding":"$c : PointsCalculation",
          "columns":[{"kind":"CONDITION","title":"Tier","template":"tier == \\"$param\\""},
                     {"kind":"ACTION","title":"Points per yuan","template":"$c.awardBase(\\"Base points\\", new BigDecimal(\\"$param\\"));"}],
          "rows":[{"name":"Basic","cells":["BASIC","2"]},{"name":"Gold","cells":["GOLD","4"]}]}}""";
    Api.Response created = api.send(authorized("business", "/api/rules/points/versions/grid")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(grid)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    int version = created.json().path("version").asInt();
    assertThat(created.json().path("format").asText()).isEqualTo("GRID");
    assertThat(api.getAs("business", "/api/rules/points/versions/" + version + "/file?as=csv").body())
        .contains("RuleTable Tier points").contains("Gold,GOLD,4");

    String injected = grid.replace("\"GOLD\",\"4\"", "\"GOLD\\\"); System.exit(0); //\",\"4\"");
    Api.Response refused = api.send(authorized("business", "/api/rules/points/versions/grid")
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(injected)));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("grid row 2 column 1");
  }

  /** The shipped points and tiers (DRL) download as the grids they ship as; a grid download uploads again. */
  @Test
  void theShippedDrlDownloadsAsItsGridInEveryForm() {
    Api.Response grid = api.getAs("business", "/api/rules/points/versions/1/file");
    assertThat(grid.status()).as(grid.body()).isEqualTo(200);
    assertThat(grid.contentType()).contains("json");
    assertThat(grid.body()).contains("books");
    assertThat(api.getAs("business", "/api/rules/points/versions/1/file?as=csv").body()).contains("RuleTable");
    assertThat(api.getAs("business", "/api/rules/tiers/versions/1/file?as=xlsx").contentType()).contains("spreadsheetml");

    Api.Response again = api.postJsonAs("business", "/api/rules/points/versions/grid",
        "{\"grid\":" + grid.body() + ",\"comment\":\"round trip\"}");
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(again.json().path("format").asText()).isEqualTo("GRID");

    assertThat(api.getAs("service", "/api/rules/escalation/versions/1/file").status())
        .as("escalation ships as DRL only").isEqualTo(404);
  }

  private Api.Response upload(String user, String ruleSet, String fileName, byte[] content) {
    String boundary = "engage-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return api.send(authorized(user, "/api/rules/" + ruleSet + "/versions/upload")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A new reward rule version waits for a second person's approval (Approvals), then is active. */
  private void activateWithApproval(String requester, String ruleSet, int version, String approver) {
    Api.Response pending = post(requester, "/api/rules/" + ruleSet + "/versions/" + version + "/activate");
    assertThat(pending.status()).as(pending.body()).isEqualTo(202);
    assertThat(pending.json().path("status").asText()).isEqualTo("PENDING");
    Api.Response approved = post(approver, "/api/approvals/" + pending.json().path("id").asLong() + "/approve");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
  }

  private Api.Response post(String user, String path) {
    return api.send(authorized(user, path).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpRequest.Builder authorized(String user, String path) {
    return api.request(path).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
