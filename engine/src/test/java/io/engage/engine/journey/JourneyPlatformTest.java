package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Pause, live counts per element, migration between versions, experiments, through the API. */
class JourneyPlatformTest extends EngineTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired CamundaClient zeebe;
  @Autowired LoopbackZeebeEngine engine;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aPausedJourneyTakesNoNewCustomersWhileThoseInsideCarryOn() throws Exception {
    deploy(waitingJourney("pause-test", "P1D"));
    start("pause-test", "pause-1");
    await().atMost(PATIENCE).until(() -> status("pause-1", "pause-test").equals("ACTIVE"));
    JsonNode live = api.getAs("marketer", "/api/journeys/pause-test").json();
    assertThat(live.path("liveInstances").asLong()).isEqualTo(1);
    assertThat(elementCount(live, 1, "Wait")).isEqualTo(1);

    JsonNode paused = post("/api/journeys/pause-test/pause", "");
    assertThat(paused.path("status").asText()).isEqualTo("PAUSED");
    start("pause-test", "pause-2");
    await().atMost(PATIENCE).until(() -> status("pause-2", "pause-test").equals("NOT_ENTERED"));

    assertThat(post("/api/journeys/pause-test/resume", "").path("status").asText()).isEqualTo("ACTIVE");
    start("pause-test", "pause-3");
    await().atMost(PATIENCE).until(() -> status("pause-3", "pause-test").equals("ACTIVE"));

    engine.engine().waitForIdleState(PATIENCE);
    engine.increaseTime(Duration.ofDays(1).plusMinutes(1));
    await().atMost(PATIENCE).until(() -> status("pause-1", "pause-test").equals("COMPLETED"));
    await().atMost(PATIENCE).until(() -> status("pause-3", "pause-test").equals("COMPLETED"));
    assertThat(api.postAs("agent", "/api/journeys/pause-test/pause", "application/json", new byte[0]).status()).isEqualTo(403);
  }

  @Test
  void aJourneyDrawnWithoutTheStepListenersIsStillGatedWhenPaused() throws Exception {
    // As Camunda Modeler may save it: BPMN as the default namespace, no zeebe namespace, no listeners.
    deploy("""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="https://engage.io/test">
          <message id="StartMessage" name="test.bare-gate" />
          <process id="bare-gate" isExecutable="true">
            <startEvent id="Start"><documentation>drawn by a marketer</documentation><outgoing>F1</outgoing>
              <messageEventDefinition messageRef="StartMessage" /></startEvent>
            <intermediateCatchEvent id="Wait"><incoming>F1</incoming><outgoing>F2</outgoing>
              <timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition>
            </intermediateCatchEvent>
            <endEvent id="End"><incoming>F2</incoming></endEvent>
            <sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
          </process>
        </definitions>
        """);
    start("bare-gate", "bare-1");
    await().atMost(PATIENCE).until(() -> status("bare-1", "bare-gate").equals("ACTIVE"));

    post("/api/journeys/bare-gate/pause", "");
    start("bare-gate", "bare-2");

    await().atMost(PATIENCE).until(() -> status("bare-2", "bare-gate").equals("NOT_ENTERED"));
    engine.engine().waitForIdleState(PATIENCE);
    JsonNode live = api.getAs("marketer", "/api/journeys/bare-gate").json();
    assertThat(live.path("liveInstances").asLong()).as("only the customer who entered before the pause").isEqualTo(1);
    // The process-level listener was added too: the end of an instance is recorded.
    engine.increaseTime(Duration.ofDays(1).plusMinutes(1));
    await().atMost(PATIENCE).until(() -> status("bare-1", "bare-gate").equals("COMPLETED"));
  }

  @Test
  void waitingCustomersMoveToTheNextVersionAndFollowItsPath() throws Exception {
    deploy(waitingJourney("migration-test", "P3D"));
    start("migration-test", "mig-1");
    start("migration-test", "mig-2");
    await().atMost(PATIENCE).until(() -> status("mig-1", "migration-test").equals("ACTIVE")
        && status("mig-2", "migration-test").equals("ACTIVE"));
    // Version 2 waits 5 days instead of 3 and then goes through a new step.
    String v2 = waitingJourney("migration-test", "P5D").replace("<bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>",
        "<bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>").replace("targetRef=\"End\" />",
        "targetRef=\"Converted\" /><bpmn:sequenceFlow id=\"F3\" sourceRef=\"Converted\" targetRef=\"End\" />"
            + "<bpmn:serviceTask id=\"Converted\"><bpmn:extensionElements>"
            + "<zeebe:taskDefinition type=\"engage:record-conversion\" /><zeebe:taskHeaders>"
            + "<zeebe:header key=\"goal\" value=\"waited\" /></zeebe:taskHeaders>" + LISTENER
            + "</bpmn:extensionElements><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing>"
            + "</bpmn:serviceTask>");
    Api.Response deployed = deploy(v2);
    assertThat(deployed.json().path("version").asInt()).isEqualTo(2);

    Api.Response refused = api.postJsonAs("marketer", "/api/journeys/migration-test/migrations",
        "{\"fromVersion\":1,\"toVersion\":2,\"mappings\":[{\"sourceElementId\":\"Wait\",\"targetElementId\":\"Nope\"}]}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("mappings[0].targetElementId");

    JsonNode report = post("/api/journeys/migration-test/migrations",
        "{\"fromVersion\":1,\"toVersion\":2,\"mappings\":[{\"sourceElementId\":\"Wait\",\"targetElementId\":\"Wait\"}]}");
    assertThat(report.path("migrated").asInt()).as(report.toString()).isEqualTo(2);
    assertThat(report.path("failed").asInt()).isZero();
    JsonNode overview = api.getAs("marketer", "/api/journeys/migration-test").json();
    assertThat(elementCount(overview, 2, "Wait")).isEqualTo(2);
    assertThat(elementCount(overview, 1, "Wait")).isZero();

    // A customer entering now waits 5 days. The migrated ones keep the timer they were already
    // waiting on (Zeebe migrates a timer with its due date), then follow version 2's new step.
    start("migration-test", "mig-3");
    await().atMost(PATIENCE).until(() -> status("mig-3", "migration-test").equals("ACTIVE"));
    engine.engine().waitForIdleState(PATIENCE);
    engine.increaseTime(Duration.ofDays(3).plusMinutes(1));
    await().atMost(PATIENCE).until(() -> status("mig-1", "migration-test").equals("COMPLETED")
        && status("mig-2", "migration-test").equals("COMPLETED"));
    assertThat(status("mig-3", "migration-test")).isEqualTo("ACTIVE");
    engine.increaseTime(Duration.ofDays(2));
    await().atMost(PATIENCE).until(() -> status("mig-3", "migration-test").equals("COMPLETED"));
    JsonNode instance = instance("mig-1", "migration-test");
    assertThat(instance.path("version").asInt()).isEqualTo(2);
    assertThat(StreamSupport.stream(instance.path("steps").spliterator(), false).map(s -> s.path("elementId").asText()))
        .contains("Wait", "Converted");
    JsonNode experiments = api.getAs("marketer", "/api/journeys/migration-test/experiments").json();
    await().atMost(PATIENCE).until(() -> api.getAs("marketer", "/api/journeys/migration-test/experiments").json()
        .path("conversionsByGoal").path("waited").asInt() == 3);
    assertThat(experiments.path("journey").asText()).isEqualTo("migration-test");
  }

  @Test
  void experimentCountsPerVariantComeFromTheStoredAssignments() throws Exception {
    String xml = waitingJourney("experiment-test", "PT1M").replace("<bpmn:intermediateCatchEvent id=\"Wait\">",
        "<bpmn:serviceTask id=\"Split\"><bpmn:extensionElements><zeebe:taskDefinition type=\"engage:split-test\" />"
            + "<zeebe:taskHeaders><zeebe:header key=\"variants\" value=\"A:50,B:50\" />"
            + "<zeebe:header key=\"holdout\" value=\"20\" /></zeebe:taskHeaders></bpmn:extensionElements>"
            + "<bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F1b</bpmn:outgoing></bpmn:serviceTask>"
            + "<bpmn:sequenceFlow id=\"F1b\" sourceRef=\"Split\" targetRef=\"Wait\" />"
            + "<bpmn:intermediateCatchEvent id=\"Wait\">")
        .replace("<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Wait\" />",
            "<bpmn:sequenceFlow id=\"F1\" sourceRef=\"Start\" targetRef=\"Split\" />")
        .replace("<bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>",
            "<bpmn:incoming>F1b</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>");
    deploy(xml);
    for (int i = 0; i < 20; i++) {
      start("experiment-test", "exp-" + i);
    }
    JsonNode report = await().atMost(PATIENCE).until(() -> api.getAs("marketer", "/api/journeys/experiment-test/experiments").json(),
        r -> r.path("experiments").size() == 1 && r.path("experiments").get(0).path("customers").asInt() == 20);
    JsonNode variants = report.path("experiments").get(0).path("variants");
    long total = 0;
    for (JsonNode variant : variants) {
      total += variant.path("customers").asLong();
      assertThat(variant.path("variant").asText()).isIn("A", "B", "control");
    }
    assertThat(total).isEqualTo(20);
    assertThat(report.path("experiments").get(0).path("experiment").asText()).isEqualTo("experiment-test");
  }

  private static final String LISTENER =
      "<zeebe:executionListeners><zeebe:executionListener eventType=\"end\" type=\"engage:journey-step\" /></zeebe:executionListeners>";

  /** A journey that starts on {@code test.<id>} and waits for a timer. */
  static String waitingJourney(String id, String wait) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="https://engage.io/test">
          <bpmn:message id="StartMessage" name="test.%1$s" />
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:extensionElements>%3$s</bpmn:extensionElements>
            <bpmn:startEvent id="Start"><bpmn:extensionElements>%3$s</bpmn:extensionElements><bpmn:outgoing>F1</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="StartMessage" /></bpmn:startEvent>
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:extensionElements>%3$s</bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing>
              <bpmn:timerEventDefinition><bpmn:timeDuration>%2$s</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
            <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(id, wait, LISTENER);
  }

  private void start(String journey, String customerId) {
    zeebe.newPublishMessageCommand().messageName("test." + journey).correlationKey(customerId)
        .messageId(journey + ":" + customerId).variables(Map.of("customerId", customerId)).send().join();
  }

  private Api.Response deploy(String xml) {
    Api.Response response = api.postAs("marketer", "/api/journeys", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.body()).isIn(200, 201);
    return response;
  }

  private JsonNode post(String path, String json) {
    Api.Response response = api.postJsonAs("marketer", path, json.isEmpty() ? "{}" : json);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private JsonNode instance(String customerId, String journey) {
    JsonNode instances = api.getAs("admin", "/api/customers/" + customerId + "/journeys").json().path("instances");
    return StreamSupport.stream(instances.spliterator(), false).filter(i -> i.path("journey").asText().equals(journey))
        .findFirst().orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
  }

  private String status(String customerId, String journey) {
    return instance(customerId, journey).path("status").asText();
  }

  private static long elementCount(JsonNode overview, int version, String elementId) {
    for (JsonNode v : overview.path("versions")) {
      if (v.path("version").asInt() == version) {
        for (JsonNode element : v.path("elements")) {
          if (element.path("elementId").asText().equals(elementId)) {
            return element.path("instances").asLong();
          }
        }
      }
    }
    return 0;
  }

  static List<String> kinds(JsonNode timeline) {
    return StreamSupport.stream(timeline.path("entries").spliterator(), false).map(e -> e.path("kind").asText()).toList();
  }
}
