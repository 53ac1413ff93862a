package io.engage.engine.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each user's main task, end to end in a real browser against the running engine: the scripts in
 * admin-ui/e2e drive Debian's Chromium with playwright-core and save screenshots under
 * target/ui-screenshots. Skipped only where /usr/bin/chromium is not installed (CI installs it).
 */
class AdminUiBrowserTest extends EngineTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path ADMIN_UI = Path.of("..", "admin-ui").toAbsolutePath().normalize();
  private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots").toAbsolutePath();
  private static final long TIMEOUT_SECONDS = 180;

  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void setUp() {
    assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: " + CHROMIUM
        + " is not installed (apt-get install -y chromium fonts-noto-cjk)");
    api = new Api(port);
  }

  @Test
  void aMarketerChangesTheOnboardingWaitDeploysItAndSeesTheNewVersion() {
    runScenario("marketer");
  }

  @Test
  void aServiceManagerChangesAnSlaAndANewComplaintGetsIt() {
    runScenario("service");
  }

  @Test
  void aBusinessUserUploadsSimulatesAndActivatesATableAndANewOrderEarnsByIt() {
    runScenario("business");
  }

  @Test
  void aMarketerSeesALiquidErrorOnItsLineThenFixesTheTemplateAndSavesIt() {
    runScenario("templates");
  }

  @Test
  void aJourneyTheEngineRefusesShowsTheEnginesReasonOnTheElementInTheModeler() {
    runScenario("deploy-refused");
  }

  @Test
  void aMarketerSeesTodaysPointsMessagesAndJourneyConversionOnTheDashboards() {
    runScenario("dashboards");
  }

  /** Leaves the shipped behaviour in force for the other tests sharing this engine. */
  @AfterEach
  void restoreShippedBehaviour() throws IOException {
    if (api == null) {
      return;
    }
    for (JsonNode set : api.getAs("admin", "/api/rules").json()) {
      boolean changedByUs = set.path("ruleSet").asText().equals("points") || set.path("ruleSet").asText().equals("escalation");
      if (changedByUs && set.path("activeVersion").asInt() != 1) {
        api.send(asAdmin("/api/rules/" + set.path("ruleSet").asText() + "/versions/1/activate")
            .POST(HttpRequest.BodyPublishers.noBody()));
      }
    }
    // A deployed change stays in Zeebe; deploying the shipped file again makes the latest version behave as shipped.
    try (InputStream shipped = getClass().getResourceAsStream("/io/engage/bpmn/onboarding.bpmn")) {
      if (shipped != null) {
        api.send(asAdmin("/api/journeys").header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofByteArray(shipped.readAllBytes())));
      }
    }
  }

  private void runScenario(String scenario) {
    assertThat(ADMIN_UI.resolve("node_modules/playwright-core")).as("admin-ui dependencies (npm ci in admin-ui)").isDirectory();
    ProcessBuilder builder = new ProcessBuilder("node", "e2e/run.mjs", "http://127.0.0.1:" + port,
        SCREENSHOTS.toString(), scenario)
        .directory(ADMIN_UI.toFile())
        .redirectErrorStream(true);
    builder.environment().put("ENGAGE_CHROMIUM", CHROMIUM.toString());
    try {
      Path log = Files.createTempFile("engage-ui-" + scenario, ".log");
      builder.redirectOutput(log.toFile());
      Process process = builder.start();
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      Files.deleteIfExists(log);
      System.out.println(output);
      if (!finished) {
        fail("The " + scenario + " browser scenario did not finish within " + TIMEOUT_SECONDS + " s:\n" + output);
      }
      if (process.exitValue() != 0) {
        fail("The " + scenario + " browser scenario failed (exit " + process.exitValue() + "):\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder asAdmin(String path) {
    return api.request(path).header("Authorization",
        "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }
}
