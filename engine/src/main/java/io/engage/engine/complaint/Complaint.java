package io.engage.engine.complaint;

import io.engage.engine.platform.pii.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A complaint with its escalation state and the decision behind it. {@code description} is the
 * customer's own words (personal data).
 */
public record Complaint(
    String complaintId,
    String customerId,
    String severity,
    String channel,
    @PersonalData String description,
    String status,
    Integer level,
    Integer maxLevel,
    Integer slaHours,
    Instant slaDueAt,
    Decision decision,
    String resolution,
    Integer surveyScore,
    @PersonalData String surveyComment,
    Instant openedAt,
    Instant resolvedAt,
    Instant updatedAt,
    List<HistoryEntry> history) {

  public static final String OPEN = "OPEN";
  public static final String ESCALATED = "ESCALATED";
  public static final String RESOLVED = "RESOLVED";
  public static final String REOPENED = "REOPENED";
  public static final String CLOSED = "CLOSED";

  /** Why the complaint got its SLA and levels: rule set version, rules fired, inputs. */
  public record Decision(String ruleSet, String ruleSetVersion, String reason, List<String> rulesFired,
      Map<String, Object> inputs, Map<Integer, List<String>> notifyByLevel) {}

  /** One thing that happened to the complaint, with the roles notified when it escalated. */
  public record HistoryEntry(String action, Integer level, List<String> notifiedRoles, String detail, Instant at) {}
}
