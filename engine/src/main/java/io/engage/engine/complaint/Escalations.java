package io.engage.engine.complaint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.rulesadmin.ActiveRules;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.escalation.EscalationDecision;
import io.engage.rules.escalation.EscalationFact;
import io.engage.rules.escalation.EscalationRules;
import io.engage.rules.escalation.Severity;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The escalation steps of a complaint: decide the SLA and levels with the active escalation rule
 * set (stored with its explanation), escalate to the next level when the SLA is missed, reopen the
 * follow-up after a poor survey. Each step notifies the roles the rules name for the level reached
 * and is keyed by the job, so a re-delivered job records and notifies nothing twice.
 */
@Service
public class Escalations {

  static final String SERVICE_MANAGER = "SERVICE_MANAGER";
  private static final TypeReference<Map<Integer, List<String>>> LADDER = new TypeReference<>() {};

  private final ComplaintMapper mapper;
  private final Customers customers;
  private final ActiveRules rules;
  private final ComplaintNotifications notifications;
  private final ObjectMapper json;
  private final Clock clock;
  private final MeterRegistry meters;

  Escalations(ComplaintMapper mapper, Customers customers, ActiveRules rules, ComplaintNotifications notifications,
      ObjectMapper json, Clock clock, MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.notifications = notifications;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  /** What the journey needs next: the SLA as a timer, the level, and whether it is the last. */
  public record Step(Duration sla, int level, int maxLevel) {
    public boolean atMaxLevel() {
      return level >= maxLevel;
    }

    public Map<String, Object> variables() {
      return Map.of("slaDuration", sla.toString(), "level", level, "maxLevel", maxLevel, "atMaxLevel", atMaxLevel());
    }
  }

  /** The rules' decision for a complaint, without storing anything (journey preview). */
  public EscalationDecision evaluate(String customerId, String severity, String channel, String complaintId) {
    String tier = customers.find(customerId).map(Customer::tier).orElse(Customers.DEFAULT_TIER);
    return new EscalationRules(rules.get(ShippedRuleSets.ESCALATION))
        .decide(new EscalationFact(complaintId, Severity.valueOf(severity), tier, channel));
  }

  @Transactional
  public Step decide(String complaintId, String key) {
    ComplaintRow complaint = locked(complaintId);
    if (complaint.ruleSetVersion() != null) {
      return step(complaint, complaint.level());
    }
    Instant now = now();
    String tier = customers.find(complaint.customerId()).map(Customer::tier).orElse(Customers.DEFAULT_TIER);
    EscalationFact fact = new EscalationFact(complaintId, Severity.valueOf(complaint.severity()), tier, complaint.channel());
    EscalationDecision decision = new EscalationRules(rules.get(ShippedRuleSets.ESCALATION)).decide(fact);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("severity", complaint.severity());
    inputs.put("tier", tier);
    inputs.put("channel", complaint.channel());
    Instant due = now.plus(Duration.ofHours(decision.slaHours()));
    mapper.recordDecision(complaintId, decision.startLevel(), decision.maxLevel(), decision.slaHours(), due,
        decision.ruleSet(), decision.version(), decision.reason(), write(decision.rulesFired()), write(inputs),
        write(decision.notifyByLevel()), now);
    List<String> roles = decision.notifyByLevel().getOrDefault(decision.startLevel(), List.of());
    mapper.insertHistory(complaintId, key, "DECIDED", decision.startLevel(), String.join(",", roles),
        "rule set " + decision.ruleSet() + " v" + decision.version() + ": " + decision.reason() + "; SLA "
            + decision.slaHours() + "h", now);
    notifications.notify(complaint, decision.startLevel(), roles, ComplaintNotifications.ESCALATED,
        "new complaint, SLA " + decision.slaHours() + "h", key);
    meters.counter("engage.complaints.decided", "severity", complaint.severity()).increment();
    return new Step(Duration.ofHours(decision.slaHours()), decision.startLevel(), decision.maxLevel());
  }

  /** The SLA was missed: the next level (never above the maximum), notified, with a new SLA. */
  @Transactional
  public Step escalate(String complaintId, String key) {
    ComplaintRow complaint = locked(complaintId);
    requireDecided(complaint);
    ComplaintMapper.HistoryRow done = mapper.findHistoryByKey(key);
    if (done != null) {
      return step(complaint, done.level());
    }
    Instant now = now();
    int next = Math.min(complaint.level() + 1, complaint.maxLevel());
    List<String> roles = ladder(complaint).getOrDefault(next, List.of());
    mapper.updateLevel(complaintId, Complaint.ESCALATED, next, now.plus(Duration.ofHours(complaint.slaHours())), now);
    mapper.insertHistory(complaintId, key, "ESCALATED", next, String.join(",", roles),
        "SLA of " + complaint.slaHours() + "h missed at level " + complaint.level(), now);
    notifications.notify(complaint, next, roles, ComplaintNotifications.ESCALATED,
        "SLA of " + complaint.slaHours() + "h missed at level " + complaint.level(), key);
    meters.counter("engage.complaints.escalated", "level", String.valueOf(next)).increment();
    return step(complaint, next);
  }

  /** A poor survey score (1-2): the service manager is told and the follow-up opens again. */
  @Transactional
  public void reopen(String complaintId, int score, String key) {
    ComplaintRow complaint = locked(complaintId);
    requireDecided(complaint);
    if (mapper.findHistoryByKey(key) != null) {
      return;
    }
    Instant now = now();
    List<String> roles = List.of(SERVICE_MANAGER);
    mapper.updateStatus(complaintId, Complaint.REOPENED, now.plus(Duration.ofHours(complaint.slaHours())), now);
    mapper.insertHistory(complaintId, key, "REOPENED", complaint.level(), String.join(",", roles),
        "CSAT " + score + ": follow-up reopened", now);
    notifications.notify(complaint, complaint.level(), roles, ComplaintNotifications.REOPENED,
        "CSAT " + score, key, Map.of("score", score));
    meters.counter("engage.complaints.reopened").increment();
  }

  private Step step(ComplaintRow complaint, int level) {
    return new Step(Duration.ofHours(complaint.slaHours()), level, complaint.maxLevel());
  }

  private ComplaintRow locked(String complaintId) {
    ComplaintRow complaint = mapper.lock(complaintId);
    if (complaint == null) {
      throw new UnknownComplaintException(complaintId);
    }
    return complaint;
  }

  private static void requireDecided(ComplaintRow complaint) {
    if (complaint.ruleSetVersion() == null) {
      throw new IllegalStateException("Complaint " + complaint.complaintId() + " has no escalation decision yet");
    }
  }

  private Map<Integer, List<String>> ladder(ComplaintRow complaint) {
    try {
      return json.readValue(complaint.notifyByLevel(), LADDER);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored escalation ladder of " + complaint.complaintId() + " is not JSON", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The journey names a complaint Engage does not have: a business error the journey handles. */
  public static final class UnknownComplaintException extends RuntimeException {
    UnknownComplaintException(String complaintId) {
      super("Unknown complaint " + complaintId);
    }
  }
}
