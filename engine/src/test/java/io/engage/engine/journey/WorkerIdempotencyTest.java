package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.bpmn.Journeys;
import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.complaint.EscalationWorkers;
import io.engage.engine.coupon.IssueCouponWorker;
import io.engage.engine.loyalty.AwardPointsWorker;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Zeebe delivers jobs at least once: each worker's logic, called twice with the same job, acts once
 * and answers the same both times.
 */
class WorkerIdempotencyTest extends EngineTest {

  @LocalServerPort int port;
  @Autowired IssueCouponWorker coupons;
  @Autowired AwardPointsWorker points;
  @Autowired EscalationWorkers escalations;
  @Autowired ExperimentWorkers experiments;
  @Autowired JourneySteps steps;
  @Autowired JourneyMapper journeyMapper;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void aCouponJobDeliveredTwiceIssuesOneCoupon() {
    FakeJob job = job(Journeys.ISSUE_COUPON, 9001, "IssueWinBackCoupon",
        Map.of("coupon", "win-back", "value", "30", "minSpend", "199", "validDays", "7"), Map.of("customerId", "idem-coupon"));
    Map<String, Object> first = coupons.issue(job);
    Map<String, Object> second = coupons.issue(job);
    assertThat(second).isEqualTo(first);
    assertThat(first.get("couponValue")).isEqualTo("30.00");
    JsonNode list = api.getAs("admin", "/api/customers/idem-coupon/coupons").json();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("code").asText()).isEqualTo(first.get("couponCode"));
    assertThat(list.get(0).path("minSpend").decimalValue()).isEqualByComparingTo("199");
    // Another element instance is another coupon.
    coupons.issue(job(Journeys.ISSUE_COUPON, 9002, "IssueLargerWinBackCoupon", Map.of("coupon", "win-back", "value", "50"),
        Map.of("customerId", "idem-coupon")));
    assertThat(api.getAs("admin", "/api/customers/idem-coupon/coupons").json()).hasSize(2);
  }

  @Test
  void pointsJobsDeliveredTwiceAwardOnceAndTheTriggerScopeHoldsAcrossInstances() {
    Map<String, String> birthday = Map.of("reason", "birthday-gift", "idempotencyScope", "trigger");
    Map<String, Object> vars = Map.of("customerId", "idem-points", "triggerId", "birthday:2030");
    assertThat(points.award(job(Journeys.AWARD_POINTS, 9101, "AwardBirthdayPoints", birthday, vars)))
        .containsEntry("pointsAwarded", 50L);
    points.award(job(Journeys.AWARD_POINTS, 9101, "AwardBirthdayPoints", birthday, vars));
    // A restarted journey: another instance, the same birthday trigger.
    points.award(new FakeJob(77, Journeys.AWARD_POINTS, "idempotency-test", 555, 9999, "AwardBirthdayPoints", birthday, vars));
    Map<String, String> fixed = Map.of("reason", "survey-thanks", "points", "30");
    points.award(job(Journeys.AWARD_POINTS, 9102, "ThankYouPoints", fixed, Map.of("customerId", "idem-points")));
    points.award(job(Journeys.AWARD_POINTS, 9102, "ThankYouPoints", fixed, Map.of("customerId", "idem-points")));
    JsonNode view = api.getAs("admin", "/api/customers/idem-points/points").json();
    assertThat(view.path("balance").asLong()).isEqualTo(80);
    assertThat(StreamSupport.stream(view.path("entries").spliterator(), false).map(e -> e.path("kind").asText()))
        .containsExactlyInAnyOrder("BIRTHDAY", "JOURNEY");
  }

  @Test
  void escalationJobsDeliveredTwiceRecordAndNotifyOnce() {
    Api.Response opened = api.postEvents("""
        {"eventId":"idem-cmp-open","customerId":"idem-cmp","type":"complaint.opened","occurredAt":"2026-11-21T10:00:00+08:00",
         "data":{"complaintId":"IDEM-CMP","severity":"LOW","channel":"PHONE"}}
        """);
    assertThat(opened.status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("service", "/api/complaints/IDEM-CMP").status() == 200);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.getAs("service", "/api/complaints/IDEM-CMP").json()
        .path("decision").isObject());
    Map<String, Object> vars = Map.of("complaintId", "IDEM-CMP", "customerId", "idem-cmp", "level", 1);
    FakeJob escalate = job(Journeys.ESCALATE_COMPLAINT, 9201, "EscalateComplaint", Map.of(), vars);
    Map<String, Object> first = escalations.escalate(escalate);
    assertThat(escalations.escalate(escalate)).isEqualTo(first);
    assertThat(first).containsEntry("level", 2).containsEntry("atMaxLevel", false).containsEntry("slaDuration", "PT72H");
    FakeJob reopen = job(Journeys.REOPEN_COMPLAINT, 9202, "ReopenComplaint", Map.of(),
        Map.of("complaintId", "IDEM-CMP", "customerId", "idem-cmp", "score", 1));
    escalations.reopen(reopen);
    escalations.reopen(reopen);
    FakeJob decide = job(Journeys.DECIDE_ESCALATION, 9203, "DecideEscalation", Map.of(), vars);
    escalations.decide(decide);
    JsonNode complaint = api.getAs("service", "/api/complaints/IDEM-CMP").json();
    assertThat(StreamSupport.stream(complaint.path("history").spliterator(), false).map(h -> h.path("action").asText()))
        .containsExactly("OPENED", "DECIDED", "ESCALATED", "REOPENED");
  }

  @Test
  void experimentAndConversionJobsDeliveredTwiceStoreOnce() {
    Map<String, String> split = Map.of("experiment", "idem-exp", "variants", "A:50,B:50", "holdout", "10");
    FakeJob job = job(Journeys.SPLIT_TEST, 9301, "Split", split, Map.of("customerId", "idem-exp-1"));
    Object variant = experiments.split(job).get("variant");
    assertThat(experiments.split(job).get("variant")).isEqualTo(variant);
    FakeJob convert = job(Journeys.RECORD_CONVERSION, 9302, "Convert", Map.of("goal", "first-order"),
        Map.of("customerId", "idem-exp-1", "orderId", "o-1"));
    experiments.convert(convert);
    experiments.convert(convert);
    Experiments.JourneyExperiments report = experimentsReport();
    assertThat(report.conversionsByGoal()).containsEntry("first-order", 1L);
    assertThat(report.experiments().getFirst().customers()).isEqualTo(1);
  }

  @Test
  void aStepRecordedTwiceIsOneStep() {
    FakeJob step = job(Journeys.JOURNEY_STEP, 9401, "SendWelcome", Map.of(), Map.of("customerId", "idem-step"));
    assertThat(steps.record(step)).isTrue();
    assertThat(steps.record(step)).isTrue();
    assertThat(journeyMapper.findInstances("idem-step").getFirst().steps()).hasSize(1);
  }

  @Autowired Experiments experimentService;

  private Experiments.JourneyExperiments experimentsReport() {
    return experimentService.report("idempotency-test");
  }

  private static FakeJob job(String type, long elementInstanceKey, String elementId, Map<String, String> headers,
      Map<String, Object> variables) {
    return new FakeJob(elementInstanceKey + 1_000_000, type, "idempotency-test", 424242, elementInstanceKey, elementId,
        headers, variables);
  }
}
