package io.engage.engine.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Its own context: with a threshold of 0 every customer base is "large". */
@TestPropertySource(properties = "engage.approvals.journey-audience-threshold=0")
class JourneyApprovalTest extends EngineTest {

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    String id = "ja-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.postEvents("""
        {"eventId":"reg-%s","customerId":"%s","type":"customer.registered","occurredAt":"%s",
         "data":{"email":"%s@example.com","emailVerified":false,"consents":{"email":true}}}"""
        .formatted(id, id, Instant.now(), id)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> api.getAs("admin", "/api/customers/" + id).status() == 200);
  }

  @Test
  void aJourneyForMoreCustomersThanTheThresholdIsPublishedWhenASecondMarketerApproves() throws IOException {
    byte[] changed = (shipped() + "\n<!-- approval test " + UUID.randomUUID() + " -->\n").getBytes(StandardCharsets.UTF_8);
    int before = latestVersion();

    Api.Response requested = deploy("marketer", changed);
    assertThat(requested.status()).as(requested.body()).isEqualTo(202);
    assertThat(requested.json().path("kind").asText()).isEqualTo("journey.publish");
    assertThat(requested.json().path("summary").asText()).contains("holiday-greetings");
    long id = requested.json().path("id").asLong();
    assertThat(latestVersion()).as("nothing deployed while pending").isEqualTo(before);

    assertThat(post("marketer", "/api/approvals/" + id + "/approve").status()).as("self-approval").isEqualTo(403);
    assertThat(post("business", "/api/approvals/" + id + "/approve").status()).as("not a marketer").isEqualTo(403);
    Api.Response approved = post("admin", "/api/approvals/" + id + "/approve");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().path("result").path("journey").asText()).isEqualTo("holiday-greetings");
    assertThat(approved.json().path("result").path("deployedBy").asText()).isEqualTo("admin");
    assertThat(latestVersion()).isGreaterThan(before);

    assertThat(deploy("marketer", changed).status()).as("the same BPMN again changes nothing: no approval").isEqualTo(200);
    assertThat(deploy("marketer", "<definitions/>".getBytes(StandardCharsets.UTF_8)).status())
        .as("an invalid BPMN is refused at once").isEqualTo(422);
  }

  private int latestVersion() {
    var journey = api.getAs("marketer", "/api/journeys/holiday-greetings").json();
    int latest = 0;
    for (var version : journey.path("versions")) {
      latest = Math.max(latest, version.path("version").asInt());
    }
    return latest;
  }

  private String shipped() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/io/engage/bpmn/holiday-greetings.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Api.Response deploy(String user, byte[] xml) {
    return api.send(api.request("/api/journeys").header("Authorization", basic(user))
        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml)));
  }

  private Api.Response post(String user, String path) {
    return api.send(api.request(path).header("Authorization", basic(user)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }
}
