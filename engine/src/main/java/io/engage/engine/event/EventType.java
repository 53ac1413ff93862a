package io.engage.engine.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types Engage stores. Each names the Zeebe message it becomes. Internal types are
 * produced by the engine itself (through {@link EngineEvents}) and refused from integrators.
 */
public enum EventType {
  CUSTOMER_REGISTERED("customer.registered", false),
  ORDER_PLACED("order.placed", false),
  ORDER_REFUNDED("order.refunded", false),
  REVIEW_POSTED("review.posted", false),
  CONTENT_SHARED("content.shared", false),
  COMPLAINT_OPENED("complaint.opened", false),
  COMPLAINT_RESOLVED("complaint.resolved", false),
  SURVEY_ANSWERED("survey.answered", false),
  /** A customer's lifecycle stage changed; data: {@code stage}, {@code previousStage}, {@code reason}. */
  LIFECYCLE_CHANGED("lifecycle.changed", true);

  private final String wireName;
  private final boolean internal;

  EventType(String wireName, boolean internal) {
    this.wireName = wireName;
    this.internal = internal;
  }

  public String wireName() {
    return wireName;
  }

  /** Produced by the engine; the events API refuses it. */
  public boolean internal() {
    return internal;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }
}
