package io.engage.engine.approval;

import java.time.Instant;
import java.util.Map;

/**
 * A change waiting for (or decided by) a second person.
 *
 * @param payload what the handler needs to perform the change (e.g. rule set and version)
 */
public record Approval(
    long id, String kind, String targetType, String targetId, String summary, Map<String, Object> payload,
    String status, String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt) {

  public static final String PENDING = "PENDING";
  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";

  public boolean pending() {
    return PENDING.equals(status);
  }

  /** A payload value as text. */
  public String text(String key) {
    Object value = payload.get(key);
    return value == null ? null : value.toString();
  }
}
