package io.engage.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

class ApprovalsTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  /** Leaves version 1 in force for the other tests (it was in force before: no approval needed). */
  @AfterEach
  void restorePoints() {
    if (activeVersion("points") != 1) {
      assertThat(post("admin", "/api/rules/points/versions/1/activate").status()).isEqualTo(200);
    }
  }

  @Test
  void aNewRewardRuleVersionIsActivatedOnlyWhenASecondPersonApproves() {
    int version = draftPoints();

    Api.Response requested = post("business", "/api/rules/points/versions/" + version + "/activate");
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    long id = requested.json().path("id").asLong();
    assertThat(requested.json().path("status").asText()).isEqualTo("PENDING");
    assertThat(requested.json().path("requestedBy").asText()).isEqualTo("business");
    assertThat(activeVersion("points")).as("nothing changes while pending").isEqualTo(1);
    assertThat(post("business", "/api/rules/points/versions/" + version + "/activate").json().path("id").asLong())
        .as("asking again answers the same pending approval").isEqualTo(id);
    assertThat(api.getAs("viewer", "/api/approvals?status=pending&targetType=rule-set&targetId=points:v" + version)
        .json().get(0).path("id").asLong()).isEqualTo(id);

    Api.Response self = post("business", "/api/approvals/" + id + "/approve");
    assertThat(self.status()).isEqualTo(403);
    assertThat(self.body()).contains("second person");
    assertThat(post("marketer", "/api/approvals/" + id + "/approve").status()).as("not the marketer's rules").isEqualTo(403);
    assertThat(post("service", "/api/approvals/" + id + "/approve").status()).isEqualTo(403);
    assertThat(post("viewer", "/api/approvals/" + id + "/approve").status()).isEqualTo(403);
    assertThat(activeVersion("points")).isEqualTo(1);

    Api.Response approved = post("admin", "/api/approvals/" + id + "/approve");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("approval").path("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().path("approval").path("decidedBy").asText()).isEqualTo("admin");
    assertThat(approved.json().path("result").path("status").asText()).isEqualTo("ACTIVE");
    assertThat(activeVersion("points")).isEqualTo(version);
    assertThat(post("admin", "/api/approvals/" + id + "/approve").status()).as("decided once").isEqualTo(409);

    JsonNode requestedEntry = auditOne("approval.requested", "points:v" + version);
    assertThat(requestedEntry.path("actor").asText()).isEqualTo("business");
    assertThat(auditOne("approval.approved", "points:v" + version).path("actor").asText()).isEqualTo("admin");
  }

  @Test
  void aRequestCanBeWithdrawnAndThenNotApproved() {
    int version = draftPoints();
    long id = post("business", "/api/rules/points/versions/" + version + "/activate").json().path("id").asLong();

    Api.Response withdrawn = post("business", "/api/approvals/" + id + "/reject");
    assertThat(withdrawn.status()).isEqualTo(200);
    assertThat(withdrawn.json().path("status").asText()).isEqualTo("REJECTED");
    assertThat(post("admin", "/api/approvals/" + id + "/approve").status()).isEqualTo(409);
    assertThat(activeVersion("points")).isEqualTo(1);

    long again = post("business", "/api/rules/points/versions/" + version + "/activate").json().path("id").asLong();
    assertThat(again).as("a new request after the rejection").isNotEqualTo(id);
    assertThat(post("admin", "/api/approvals/" + again + "/reject").status()).isEqualTo(200);
    assertThat(api.getAs("admin", "/api/approvals/999999").status()).isEqualTo(404);
  }

  private int draftPoints() {
    String drl = api.getAs("business", "/api/rules/points/versions/1/drl").body()
        + "\n// approval test " + UUID.randomUUID() + "\n";
    Api.Response draft = api.postJsonAs("business", "/api/rules/points/versions",
        json(Map.of("drl", drl, "comment", "approval test")));
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    return draft.json().path("version").asInt();
  }

  private int activeVersion(String ruleSet) {
    for (JsonNode set : api.getAs("admin", "/api/rules").json()) {
      if (set.path("ruleSet").asText().equals(ruleSet)) {
        return set.path("activeVersion").asInt();
      }
    }
    throw new AssertionError("no rule set " + ruleSet);
  }

  private JsonNode auditOne(String action, String targetId) {
    Api.Response found = api.getAs("admin", "/api/admin/audit?action=" + action + "&targetType=rule-set&targetId=" + targetId);
    assertThat(found.json().path("total").asInt()).as(found.body()).isEqualTo(1);
    return found.json().path("entries").get(0);
  }

  private Api.Response post(String user, String path) {
    return api.send(api.request(path).header("Authorization",
            "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
