package io.engage.engine.journey;

import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.complaint.Escalations;
import io.engage.engine.messaging.MessagePreviews;
import io.engage.engine.loyalty.JourneyPoints;
import io.engage.rules.escalation.EscalationDecision;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What each job type would do in a preview: the same decisions as the real workers (points from
 * the rules, the escalation rules, the experiment split, the preferred channel and consent), read
 * from the customer's real profile, but recorded in the timeline instead of being carried out. Messages
 * are rendered for the customer and run through the delivery policy at the simulated time.
 */
@Component
class PreviewWorkers {

  private final JourneyPoints points;
  private final Escalations escalations;
  private final MessagePreviews messages;

  PreviewWorkers(JourneyPoints points, Escalations escalations, MessagePreviews messages) {
    this.points = points;
    this.escalations = escalations;
    this.messages = messages;
  }

  /** The outcome of one job: its kind and detail for the timeline, and the variables to complete with. */
  record Outcome(String kind, Map<String, Object> detail, Map<String, Object> variables) {}

  /** Per-run state a later step needs (the escalation ladder decided earlier). */
  static final class RunState {
    EscalationDecision escalation;
    int couponCount;
    final MessagePreviews.Sends sends = new MessagePreviews.Sends();
  }

  Outcome handle(ActivatedJob job, Instant now, RunState state) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> vars = job.getVariablesAsMap();
    String customerId = String.valueOf(vars.get("customerId"));
    return switch (job.getType()) {
      case Journeys.SEND_MESSAGE -> message(customerId, headers, vars, now, state);
      case Journeys.AWARD_POINTS -> award(customerId, headers, job);
      case Journeys.ISSUE_COUPON -> coupon(headers, now, state);
      case Journeys.TAG_CUSTOMER -> new Outcome("tag", Map.of("tag", headers.getOrDefault("tag", "")), Map.of());
      case Journeys.SET_LIFECYCLE_STAGE -> new Outcome("lifecycle", Map.of("stage", headers.getOrDefault("stage", ""),
          "reason", headers.getOrDefault("reason", "")), Map.of());
      case Journeys.RECORD_CONVERSION -> new Outcome("conversion", Map.of("goal", headers.getOrDefault("goal", "")),
          Map.of());
      case Journeys.CHECK_SEGMENT -> new Outcome("segment", Map.of("segment", headers.getOrDefault("segment", ""),
          "inSegment", false, "note", "segments are not evaluated in a preview; taken as not in the segment"),
          Map.of("inSegment", false));
      case Journeys.SPLIT_TEST -> split(customerId, job);
      case Journeys.DECIDE_ESCALATION -> decide(customerId, vars, state);
      case Journeys.ESCALATE_COMPLAINT -> escalate(vars, state);
      case Journeys.REOPEN_COMPLAINT -> new Outcome("reopen", Map.of("score", String.valueOf(vars.get("score")),
          "notified", List.of("SERVICE_MANAGER")), Map.of());
      default -> new Outcome("step", Map.of(), Map.of());
    };
  }

  /** The message rendered for the customer and the delivery policy's verdict at the simulated time. */
  private Outcome message(String customerId, Map<String, String> headers, Map<String, Object> vars, Instant now,
      RunState state) {
    MessagePreviews.Preview preview = messages.preview(customerId, headers.getOrDefault("channel", "preferred"),
        headers.get("template"), headers.getOrDefault("category", "marketing"), vars, now, state.sends);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("channel", preview.channel());
    detail.put("template", preview.template());
    detail.put("category", preview.category());
    detail.put("wouldBe", preview.wouldBe());
    detail.put("summary", preview.summary());
    putIfPresent(detail, "reason", preview.reason());
    putIfPresent(detail, "sendsAt", preview.sendsAt() == null ? null : preview.sendsAt().toString());
    putIfPresent(detail, "subject", preview.subject());
    putIfPresent(detail, "text", preview.text());
    putIfPresent(detail, "renderProblem", preview.renderProblem());
    // A message waiting for quiet hours goes out when they end: the journey goes on as after a send.
    String status = "SUPPRESSED".equals(preview.wouldBe()) ? "SUPPRESSED" : "SENT";
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("lastMessageStatus", status);
    output.put("lastMessageReason", status.equals("SENT") || preview.reason() == null ? "" : preview.reason());
    return new Outcome("message", detail, output);
  }

  private static void putIfPresent(Map<String, Object> detail, String name, Object value) {
    if (value != null) {
      detail.put(name, value);
    }
  }

  private Outcome award(String customerId, Map<String, String> headers, ActivatedJob job) {
    String reason = headers.getOrDefault("reason", "");
    Long fixed = headers.get("points") == null || headers.get("points").isBlank() ? null
        : Long.parseLong(headers.get("points").trim());
    JourneyPoints.Decision decision = points.preview(customerId, reason, fixed, job.getBpmnProcessId());
    return new Outcome("points", Map.of("points", decision.points(), "explanation", decision.explanation(),
        "ruleSet", decision.ruleSet(), "ruleSetVersion", decision.ruleSetVersion(), "tier", decision.tier()),
        Map.of("pointsAwarded", decision.points()));
  }

  private Outcome coupon(Map<String, String> headers, Instant now, RunState state) {
    String value = new BigDecimal(headers.getOrDefault("value", "0").trim()).setScale(2).toPlainString();
    int validDays = headers.get("validDays") == null ? 14 : Integer.parseInt(headers.get("validDays").trim());
    String code = "PREVIEW" + (++state.couponCount);
    String expires = now.plus(Duration.ofDays(validDays)).toString();
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("coupon", headers.getOrDefault("coupon", ""));
    detail.put("value", value);
    if (headers.get("minSpend") != null) {
      detail.put("minSpend", headers.get("minSpend"));
    }
    detail.put("expiresAt", expires);
    return new Outcome("coupon", detail, Map.of("couponCode", code, "couponValue", value, "couponExpiresAt", expires));
  }

  private Outcome split(String customerId, ActivatedJob job) {
    SplitTest test = ExperimentWorkers.splitTest(job);
    int bucket = SplitTest.bucket(test.experiment(), customerId);
    String variant = test.variantOf(bucket);
    return new Outcome("experiment", Map.of("experiment", test.experiment(), "variant", variant, "bucket", bucket),
        Map.of("variant", variant));
  }

  private Outcome decide(String customerId, Map<String, Object> vars, RunState state) {
    EscalationDecision decision = escalations.evaluate(customerId, String.valueOf(vars.get("severity")),
        String.valueOf(vars.get("channel")), String.valueOf(vars.get("complaintId")));
    state.escalation = decision;
    Escalations.Step step = new Escalations.Step(Duration.ofHours(decision.slaHours()), decision.startLevel(),
        decision.maxLevel());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("slaHours", decision.slaHours());
    detail.put("level", decision.startLevel());
    detail.put("maxLevel", decision.maxLevel());
    detail.put("notified", decision.notifyByLevel().getOrDefault(decision.startLevel(), List.of()));
    detail.put("reason", decision.reason());
    detail.put("ruleSetVersion", decision.version());
    return new Outcome("escalation", detail, step.variables());
  }

  private Outcome escalate(Map<String, Object> vars, RunState state) {
    EscalationDecision decision = state.escalation;
    if (decision == null) {
      throw new IllegalStateException("escalate-complaint before decide-escalation");
    }
    int level = vars.get("level") instanceof Number n ? n.intValue() : decision.startLevel();
    int next = Math.min(level + 1, decision.maxLevel());
    Escalations.Step step = new Escalations.Step(Duration.ofHours(decision.slaHours()), next, decision.maxLevel());
    return new Outcome("escalation", Map.of("level", next, "maxLevel", decision.maxLevel(),
        "notified", decision.notifyByLevel().getOrDefault(next, List.of())),
        Map.of("level", next, "atMaxLevel", step.atMaxLevel(), "slaDuration", step.sla().toString()));
  }
}
