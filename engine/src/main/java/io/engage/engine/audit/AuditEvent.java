package io.engage.engine.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something a person or a machine did that must be answerable later ("who changed this rule?",
 * "who read this customer's phone?"). The actor, roles, remote address and request id are not part
 * of it: {@link AuditTrail} takes them from the current request and security context.
 *
 * <p>The detail must not hold personal data itself (no emails, phones, names): it says what was
 * done to which record, and the record holds the data.
 *
 * @param action what happened, dotted lower case, e.g. {@code rules.activated}, {@code pii.read}
 * @param targetType the kind of record, e.g. {@code rule-set}, {@code customer}; may be null
 * @param targetId the record's id within its kind; may be null
 * @param detail small JSON-serialisable facts (versions, counts, the HTTP status)
 */
public record AuditEvent(String action, String targetType, String targetId, Map<String, Object> detail) {

  public AuditEvent {
    Objects.requireNonNull(action, "action");
    detail = detail == null ? Map.of() : Map.copyOf(withoutNulls(detail));
  }

  public static AuditEvent of(String action, String targetType, String targetId) {
    return new AuditEvent(action, targetType, targetId, Map.of());
  }

  /** The same event with one more detail (a null value is left out). */
  public AuditEvent with(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(detail);
    if (value != null) {
      more.put(key, value);
    }
    return new AuditEvent(action, targetType, targetId, more);
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> detail) {
    Map<String, Object> copy = new LinkedHashMap<>();
    detail.forEach((key, value) -> {
      if (key != null && value != null) {
        copy.put(key, value);
      }
    });
    return copy;
  }
}
