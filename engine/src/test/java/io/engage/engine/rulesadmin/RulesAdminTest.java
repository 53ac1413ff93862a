package io.engage.engine.rulesadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.birthday.BirthdayFact;
import io.engage.rules.birthday.BirthdayGiftRules;
import io.engage.rules.escalation.EscalationFact;
import io.engage.rules.escalation.EscalationRules;
import io.engage.rules.escalation.Severity;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.PointsDecision;
import io.engage.rules.points.PointsRules;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Business staff change the points rules without code or restart; a bad change never goes live. */
class RulesAdminTest extends EngineTest {

  private static final String DOUBLE_BASE = ShippedRuleSets.pointsSources().getFirst().content()
      .replace("$c.awardBase(\"Base points\", new BigDecimal(\"1\"));", "$c.awardBase(\"Base points\", new BigDecimal(\"2\"));");

  @LocalServerPort int port;
  @Autowired ActiveRules active;
  @Autowired RuleSetService service;
  @Autowired RuleSetMapper mapper;
  @Autowired TransactionTemplate transactions;
  private final ObjectMapper json = new ObjectMapper();
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  /** Other tests expect the shipped rules: put version 1 back in force. */
  @AfterEach
  void restoreShippedRules() {
    for (String ruleSet : List.of("points", "escalation")) {
      if (!"1".equals(active.get(ruleSet).version())) {
        service.activate(ruleSet, 1, "test");
      }
    }
  }

  @Test
  void serviceManagersChangeEscalationAndBusinessStaffMayNot() throws Exception {
    String faster = ShippedRuleSets.escalationSources().getFirst().content()
        .replace("$p.start(\"CRITICAL severity\", 2, 2);", "$p.start(\"CRITICAL severity\", 1, 2);");
    assertThat(faster).contains("\"CRITICAL severity\", 1, 2");
    assertThat(postDrl("business", "escalation", faster).status()).isEqualTo(403);
    Api.Response draft = postDrl("service", "escalation", faster);
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    int version = draft.json().path("version").asInt();
    assertThat(post("service", "/api/rules/escalation/versions/" + version + "/activate").status()).isEqualTo(200);

    var decision = new EscalationRules(active.get("escalation"))
        .decide(new EscalationFact("cmp-1", Severity.CRITICAL, "BASIC", "APP"));
    assertThat(decision.slaHours()).isEqualTo(1);
    assertThat(decision.version()).isEqualTo(String.valueOf(version));
    var birthday = new BirthdayGiftRules(active.get("birthday")).decide(new BirthdayFact("c", "GOLD"));
    assertThat(birthday.points()).isEqualTo(200);
  }

  @Test
  void aDraftThatDoesNotCompileIsRefusedWithItsLineAndColumnAndNothingIsStored() throws Exception {
    int before = service.versions("points").size();
    String broken = "package io.engage.rules.points;\n\nrule \"Broken\"\nwhen\n    $c : PointsCalculation(tier == )\nthen\nend\n";
    Api.Response response = postDrl("business", "points", broken);
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode error = response.json().path("errors").get(0);
    assertThat(error.path("line").asInt()).isEqualTo(5);
    assertThat(error.path("column").asInt()).isPositive();
    assertThat(service.versions("points")).hasSize(before);
  }

  @Test
  void rulesWrittenForOtherFactsAreRefused() throws Exception {
    Api.Response unknownFact = postDrl("business", "points",
        "package io.engage.rules.points;\nrule \"X\"\nwhen\n  $o : NoSuchFact()\nthen\nend\n");
    assertThat(unknownFact.status()).isEqualTo(422);
    Api.Response tiersAsPoints = postDrl("business", "points", ShippedRuleSets.tiersSources().getFirst().content());
    assertThat(tiersAsPoints.status()).isEqualTo(422);
    assertThat(tiersAsPoints.json().path("detail").asText()).contains("no rule fired");
  }

  @Test
  void activationChangesNewOrdersAndRollbackRestoresTheFormerVersion() throws Exception {
    Api.Response draft = postDrl("business", "points", DOUBLE_BASE);
    assertThat(draft.status()).as(draft.body()).isEqualTo(201);
    int version = draft.json().path("version").asInt();
    assertThat(draft.json().path("status").asText()).isEqualTo("DRAFT");
    assertThat(active.get("points").version()).as("a draft changes nothing").isEqualTo("1");

    activateWithApproval("business", "points", version, "admin");
    assertThat(active.get("points").version()).isEqualTo(String.valueOf(version));
    JsonNode ledger = orderAndAwaitLedger("rules-c1", "rules-o1", "100.00");
    assertThat(ledger.path("points").asLong()).as("doubled base 200 + first order 100").isEqualTo(300);
    assertThat(ledger.path("ruleSetVersion").asText()).isEqualTo(String.valueOf(version));

    Api.Response rollback = post("business", "/api/rules/points/rollback");
    assertThat(rollback.json().path("version").asInt()).isEqualTo(1);
    JsonNode after = orderAndAwaitLedger("rules-c2", "rules-o2", "100.00");
    assertThat(after.path("points").asLong()).as("base 100 + first order 100").isEqualTo(200);
    assertThat(after.path("ruleSetVersion").asText()).isEqualTo("1");

    JsonNode audit = api.getAs("admin", "/api/rules/audit?ruleSet=points").json();
    assertThat(audit.get(0).path("action").asText()).isEqualTo("rolled-back");
    assertThat(audit.get(0).path("actor").asText()).isEqualTo("business");
    assertThat(audit.get(1).path("action").asText()).isEqualTo("activated");
    assertThat(audit.get(1).path("detail").asText()).contains("new BigDecimal(\\\"2\\\")");
  }

  @Test
  void aRefusedActivationLeavesTheActiveVersionActive() {
    assertThat(post("business", "/api/rules/points/versions/999/activate").status()).isEqualTo(404);
    assertThat(post("business", "/api/rules/points/versions/1/activate").status()).isEqualTo(409);
    assertThat(active.get("points").version()).isEqualTo("1");
  }

  @Test
  void onlyTheOwnersOfARuleSetMayChangeIt() throws Exception {
    assertThat(api.getAs("marketer", "/api/rules").status()).isEqualTo(403);
    assertThat(api.getAs("service", "/api/rules/points/versions").status()).isEqualTo(200);
    assertThat(postDrl("service", "points", DOUBLE_BASE).status()).isEqualTo(403);
    assertThat(post("service", "/api/rules/points/rollback").status()).isEqualTo(403);
  }

  @Test
  void anotherNodesActivationIsPickedUpWithinSeconds() {
    RuleSetVersion draft = service.createDraft("points", new RuleSetService.Draft("DRL", DOUBLE_BASE, null, null, "node B"), "test");
    // Node B activates: only the database changes here, this node must notice by itself.
    transactions.executeWithoutResult(status -> {
      mapper.retireActive("points");
      mapper.markActive("points", draft.version(), "node-b", Instant.now());
    });
    await().atMost(Duration.ofSeconds(10)).until(() -> active.get("points").version().equals(String.valueOf(draft.version())));
  }

  @Test
  void swappingVersionsUnderLoadNeverFailsOrMixesVersions() throws Exception {
    RuleSetVersion doubled = service.createDraft("points", new RuleSetService.Draft("DRL", DOUBLE_BASE, null, null, "swap"), "test");
    OrderFact order = new OrderFact("c", "o", new BigDecimal("100.00"), "GOLD", "web", List.of());
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong evaluations = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      threads.submit(() -> {
        while (running.get()) {
          try {
            PointsDecision decision = new PointsRules(active.get("points")).decide(order);
            long expected = decision.version().equals("1") ? 150 : 300; // GOLD x1.5 on base 100 or 200
            if (decision.points() != expected) {
              problems.add("version " + decision.version() + " gave " + decision.points());
            }
            evaluations.incrementAndGet();
          } catch (RuntimeException e) {
            problems.add(e.toString());
          }
        }
      });
    }
    for (int swap = 0; swap < 10; swap++) {
      service.activate("points", swap % 2 == 0 ? doubled.version() : 1, "test");
      Thread.sleep(50);
    }
    running.set(false);
    threads.shutdown();
    assertThat(threads.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(problems).isEmpty();
    assertThat(evaluations.get()).isGreaterThan(100);
  }

  private JsonNode orderAndAwaitLedger(String customerId, String orderId, String amount) {
    String event = """
        {"eventId":"%s","customerId":"%s","type":"order.placed","occurredAt":"2026-11-21T10:00:00Z",
         "data":{"orderId":"%s","amount":"%s"}}""".formatted("ev-" + orderId, customerId, orderId, amount);
    assertThat(api.postEvents(event).status()).isEqualTo(202);
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> api.getAs("admin", "/api/customers/" + customerId + "/points").json(),
        points -> points != null && points.path("entries").size() == 1).path("entries").get(0);
  }

  private Api.Response postDrl(String user, String ruleSet, String drl) throws Exception {
    String body = json.writeValueAsString(java.util.Map.of("drl", drl, "comment", "test"));
    return api.send(authorized(user, "/api/rules/" + ruleSet + "/versions")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
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
