package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.bpmn.Journeys;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deploying journeys through the API: shipped files deploy, bad ones are refused with the element at fault. */
class JourneyDeploymentTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void everyShippedJourneyDeploysThroughTheApiAndIsListedWithItsVersions() {
    for (Journeys journey : Journeys.values()) {
      String name = journey.resource().substring(journey.resource().lastIndexOf('/') + 1).replace(".bpmn", "");
      Api.Response response = deploy(JourneyBpmn.shipped(name));
      assertThat(response.status()).as(response.body()).isIn(200, 201);
      assertThat(response.json().path("journey").asText()).isEqualTo(journey.processId());
    }
    Api.Response list = api.getAs("marketer", "/api/journeys");
    assertThat(list.status()).isEqualTo(200);
    List<String> journeys = StreamSupport.stream(list.json().spliterator(), false)
        .map(j -> j.path("journey").asText()).toList();
    assertThat(journeys).containsAll(java.util.Arrays.stream(Journeys.values()).map(Journeys::processId).toList());
    JsonNode onboarding = api.getAs("marketer", "/api/journeys/onboarding").json();
    assertThat(onboarding.path("versions").get(0).path("source").asText()).isEqualTo("shipped");
    assertThat(api.getAs("marketer", "/api/journeys/onboarding/versions/1/bpmn").body()).contains("bpmn:definitions");
  }

  @Test
  void aNewJourneyDeploysAsMultipartAndRedeployingTheSameFileIsADuplicate() {
    String xml = JourneyBpmn.oneTask("deploy-multipart", "engage:tag-customer");
    String boundary = "----engage-test";
    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"j.bpmn\"\r\n"
        + "Content-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
    Api.Response created = api.postAs("marketer", "/api/journeys", "multipart/form-data; boundary=" + boundary,
        body.getBytes(StandardCharsets.UTF_8));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().path("version").asInt()).isEqualTo(1);
    assertThat(created.json().path("deployedBy").asText()).isEqualTo("marketer");
    Api.Response again = deploy(xml);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("duplicate").asBoolean()).isTrue();
    assertThat(api.postAs("business", "/api/journeys", "application/xml", xml.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(403);
  }

  @Test
  void anUnknownTaskTypeIsRefusedNamingTheTask() {
    Api.Response response = deploy(JourneyBpmn.oneTask("unknown-type", "engage:launch-rocket"));
    assertRefused(response, "DoIt", "unknown task type 'engage:launch-rocket'");
  }

  @Test
  void aBrokenTimerIsRefusedNamingTheTimer() {
    String xml = JourneyBpmn.shipped("onboarding").replace(">P3D<", ">three days<");
    Api.Response response = deploy(xml);
    assertRefused(response, "NoOrderIn3Days", "'three days' is neither an ISO-8601 duration");
  }

  @Test
  void aMessageWithoutCorrelationKeyIsRefusedNamingTheCatchEvent() {
    String xml = JourneyBpmn.shipped("onboarding").replaceAll("<zeebe:subscription correlationKey=\"=customerId\"\\s*/>", "");
    Api.Response response = deploy(xml);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("without a correlation key");
  }

  @Test
  void anXxePayloadIsRefusedAndTheFileItNamesIsNeverRead() throws Exception {
    Path secret = Files.createTempFile("engage-xxe", ".txt");
    Files.writeString(secret, "TOP-SECRET-XXE-CONTENT");
    try {
      String xml = """
          <?xml version="1.0" encoding="UTF-8"?>
          <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "%s">]>
          <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="x">
            <bpmn:process id="xxe" name="&xxe;" isExecutable="true"><bpmn:startEvent id="S" /></bpmn:process>
          </bpmn:definitions>
          """.formatted(secret.toUri());
      Api.Response response = deploy(xml);
      assertThat(response.status()).as(response.body()).isEqualTo(422);
      assertThat(response.contentType()).contains("application/problem+json");
      assertThat(response.body()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
      assertThat(api.getAs("marketer", "/api/journeys/xxe").status()).isEqualTo(404);
    } finally {
      Files.deleteIfExists(secret);
    }
  }

  @Test
  void zeebesOwnRejectionIsA422WithItsMessage() {
    // Valid for Engage's checks, but the flow leads nowhere Zeebe accepts.
    String xml = JourneyBpmn.oneTask("zeebe-refuses", "engage:tag-customer").replace("targetRef=\"End\"", "targetRef=\"Nowhere\"");
    Api.Response response = deploy(xml);
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.json().path("detail").asText()).startsWith("Zeebe refused the journey");
  }

  private Api.Response deploy(String xml) {
    return api.postAs("marketer", "/api/journeys", "application/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(Api.Response response, String elementId, String reason) {
    assertThat(response.status()).as(response.body()).isEqualTo(422);
    assertThat(response.contentType()).contains("application/problem+json");
    JsonNode errors = response.json().path("errors");
    assertThat(StreamSupport.stream(errors.spliterator(), false)
        .anyMatch(e -> e.path("field").asText().equals(elementId) && e.path("reason").asText().contains(reason)))
        .as(response.body()).isTrue();
  }
}
