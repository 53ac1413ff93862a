package io.engage.engine.journey;

import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.complaint.Escalations;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
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
 * from the customer's real profile, but recorded in the timeline instead of being carried out.
 */
@Component
class PreviewWorkers {

  private final Customers customers;
  private final JourneyPoints points;
  private final Escalations escalations;

  PreviewWorkers(Customers customers, JourneyPoints points, Escalations escalations) {
    this.customers = customers;
    this.points = points;
    this.escalations = escalations;
  }

  /** The outcome of one job: its kind and detail for the timeline, and the variables to complete with. */
  record Outcome(String kind, Map<String, Object> detail, Map<String, Object> variables) {}

  /** Per-run state a later step needs (the escalation ladder decided earlier). */
  static final class RunState {
    EscalationDecision escalation;
    int couponCount;
  }

  Outcome handle(ActivatedJob job, Instant now, RunState state) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> vars = job.getVariablesAsMap();
    String customerId = String.valueOf(vars.get("customerId"));
    return switch (job.getType()) {
      case Journeys.SEND_MESSAGE -> message(customerId, headers);
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

  private Outcome message(String customerId, Map<String, String> headers) {
    Customer customer = customers.find(customerId).orElse(null);
    String channel = headers.getOrDefault("channel", "preferred");
    if ("preferred".equalsIgnoreCase(channel)) {
      channel = customer == null ? "EMAIL" : customer.preferredChannel();
    }
    channel = channel.toUpperCase();
    String category = headers.getOrDefault("category", "marketing");
    String status = "SENT";
    String reason = null;
    if (customer == null) {
      status = "SUPPRESSED";
      reason = "unknown customer";
    } else if ("marketing".equals(category) && !customers.hasConsent(customerId, channel)) {
      status = "SUPPRESSED";
      reason = "no consent for " + channel.toLowerCase();
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("channel", channel);
    detail.put("template", headers.get("template"));
    detail.put("category", category);
    detail.put("wouldBe", status);
    if (reason != null) {
      detail.put("reason", reason);
    }
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("lastMessageStatus", status);
    output.put("lastMessageReason", reason == null ? "" : reason);
    return new Outcome("message", detail, output);
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
