package io.engage.engine.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * complaint -> missed SLA -> escalation -> resolution -> survey, through the REST API on the
 * embedded engine with its clock moved forward: the escalation rules set the SLA, the journey
 * escalates when it is missed, a poor survey reopens the follow-up.
 */
class ComplaintEscalationEndToEndTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired LoopbackZeebeEngine zeebe;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aMissedSlaEscalatesAndAPoorSurveyReopensTheFollowUp() throws Exception {
    String customer = "cmp-e2e-1";
    post(registration("cmp-e2e-reg", customer));
    post(event("cmp-e2e-open", customer, "complaint.opened",
        "{\"complaintId\":\"CMP-1\",\"severity\":\"high\",\"channel\":\"APP\",\"description\":\"parcel arrived broken\"}"));

    JsonNode decided = await().atMost(PATIENCE).until(() -> complaint("CMP-1"), c -> c.path("level").asInt() == 1);
    assertThat(decided.path("status").asText()).isEqualTo("OPEN");
    assertThat(decided.path("slaHours").asInt()).isEqualTo(8);
    assertThat(decided.path("maxLevel").asInt()).isEqualTo(3);
    assertThat(decided.path("decision").path("ruleSet").asText()).isEqualTo("escalation");
    assertThat(decided.path("decision").path("ruleSetVersion").asText()).isEqualTo("1");
    assertThat(texts(decided.path("decision").path("rulesFired"))).contains("HIGH severity", "Escalation ladder");
    assertThat(decided.path("decision").path("inputs").path("tier").asText()).isEqualTo("BASIC");
    assertThat(actions(decided)).containsExactly("OPENED", "DECIDED");
    assertThat(texts(decided.path("history").get(1).path("notifiedRoles"))).containsExactly("AGENT");

    // The SLA passes on the engine clock: the journey escalates to level 2 and tells the service manager.
    await().atMost(PATIENCE).until(() -> steps(customer).contains("DecideEscalation"));
    zeebe.engine().waitForIdleState(PATIENCE);
    zeebe.increaseTime(Duration.ofHours(8).plusMinutes(1));
    JsonNode escalated = await().atMost(PATIENCE).until(() -> complaint("CMP-1"), c -> c.path("level").asInt() == 2);
    assertThat(escalated.path("status").asText()).isEqualTo("ESCALATED");
    JsonNode escalation = escalated.path("history").get(2);
    assertThat(escalation.path("action").asText()).isEqualTo("ESCALATED");
    assertThat(texts(escalation.path("notifiedRoles"))).containsExactly("SERVICE_MANAGER");

    Api.Response queue = api.getAs("service", "/api/complaints");
    assertThat(queue.status()).isEqualTo(200);
    JsonNode line = StreamSupport.stream(queue.json().spliterator(), false)
        .filter(c -> c.path("complaintId").asText().equals("CMP-1")).findFirst().orElseThrow();
    assertThat(line.path("level").asInt()).isEqualTo(2);
    assertThat(line.path("timeLeft").asText()).startsWith("PT");
    assertThat(api.getAs("marketer", "/api/complaints").status()).isEqualTo(403);

    // Resolved: the CSAT survey goes out; a score of 2 reopens the follow-up.
    post(event("cmp-e2e-resolved-1", customer, "complaint.resolved", "{\"complaintId\":\"CMP-1\",\"resolution\":\"refunded\"}"));
    await().atMost(PATIENCE).until(() -> surveys(customer) == 1);
    assertThat(complaint("CMP-1").path("status").asText()).isEqualTo("RESOLVED");
    post(event("cmp-e2e-survey-1", customer, "survey.answered", "{\"complaintId\":\"CMP-1\",\"score\":2}"));
    JsonNode reopened = await().atMost(PATIENCE).until(() -> complaint("CMP-1"),
        c -> c.path("status").asText().equals("REOPENED"));
    assertThat(reopened.path("surveyScore").asInt()).isEqualTo(2);
    JsonNode reopen = reopened.path("history").get(reopened.path("history").size() - 1);
    assertThat(reopen.path("action").asText()).isEqualTo("REOPENED");
    assertThat(texts(reopen.path("notifiedRoles"))).containsExactly("SERVICE_MANAGER");

    // Resolved again, a second survey, a happy answer closes it.
    post(event("cmp-e2e-resolved-2", customer, "complaint.resolved", "{\"complaintId\":\"CMP-1\",\"resolution\":\"replaced\"}"));
    await().atMost(PATIENCE).until(() -> surveys(customer) == 2);
    post(event("cmp-e2e-survey-2", customer, "survey.answered", "{\"complaintId\":\"CMP-1\",\"score\":5}"));
    JsonNode closed = await().atMost(PATIENCE).until(() -> complaint("CMP-1"), c -> c.path("status").asText().equals("CLOSED"));
    assertThat(closed.path("surveyScore").asInt()).isEqualTo(5);
    JsonNode view = api.getAs("admin", "/api/customers/" + customer).json();
    assertThat(view.path("complaints").get(0).path("complaintId").asText()).isEqualTo("CMP-1");
    await().atMost(PATIENCE).until(() -> journeyStatus(customer).equals("COMPLETED"));
  }

  @Test
  void complaintEventsAreValidatedFieldByField() {
    Api.Response bad = api.postEvents(event("cmp-bad-1", "cmp-x", "complaint.opened",
        "{\"complaintId\":\"\",\"severity\":\"urgent\",\"channel\":\"A B\"}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("data.complaintId").contains("data.severity").contains("data.channel");
    Api.Response score = api.postEvents(event("cmp-bad-2", "cmp-x", "survey.answered", "{\"complaintId\":\"C\",\"score\":6}"));
    assertThat(score.status()).isEqualTo(400);
    assertThat(score.body()).contains("data.score");
  }

  private List<String> steps(String customer) {
    JsonNode instances = api.getAs("admin", "/api/customers/" + customer + "/journeys").json().path("instances");
    return StreamSupport.stream(instances.spliterator(), false)
        .flatMap(i -> StreamSupport.stream(i.path("steps").spliterator(), false))
        .map(s -> s.path("elementId").asText()).toList();
  }

  private long surveys(String customer) {
    JsonNode messages = api.getAs("admin", "/api/customers/" + customer).json().path("messages");
    return StreamSupport.stream(messages.spliterator(), false)
        .filter(m -> m.path("template").asText().equals("csat-survey")).count();
  }

  private String journeyStatus(String customer) {
    JsonNode journeys = api.getAs("admin", "/api/customers/" + customer).json().path("journeys");
    return StreamSupport.stream(journeys.spliterator(), false)
        .filter(j -> j.path("journey").asText().equals("complaint-escalation"))
        .map(j -> j.path("status").asText()).findFirst().orElse("");
  }

  private JsonNode complaint(String id) {
    Api.Response response = api.getAs("service", "/api/complaints/" + id);
    return response.status() == 200 ? response.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<String> actions(JsonNode complaint) {
    return StreamSupport.stream(complaint.path("history").spliterator(), false).map(h -> h.path("action").asText()).toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private void post(String body) {
    Api.Response response = api.postEvents(body);
    assertThat(response.status()).as(response.body()).isEqualTo(202);
  }

  static String registration(String eventId, String customerId) {
    return """
        {"eventId":"%s","customerId":"%s","type":"customer.registered","occurredAt":"2026-11-20T10:00:00+08:00",
         "data":{"email":"%s@example.com","timeZone":"Asia/Shanghai","preferredChannel":"email",
                 "consents":{"email":true}}}
        """.formatted(eventId, customerId, customerId);
  }

  static String event(String eventId, String customerId, String type, String data) {
    return """
        {"eventId":"%s","customerId":"%s","type":"%s","occurredAt":"2026-11-21T10:00:00+08:00","data":%s}
        """.formatted(eventId, customerId, type, data);
  }
}
