package io.engage.engine.event;

import java.util.Arrays;
import java.util.Optional;

/** The event types the API accepts. Each names the Zeebe message it becomes. */
public enum EventType {
  CUSTOMER_REGISTERED("customer.registered"),
  ORDER_PLACED("order.placed"),
  ORDER_REFUNDED("order.refunded"),
  REVIEW_POSTED("review.posted"),
  CONTENT_SHARED("content.shared"),
  COMPLAINT_OPENED("complaint.opened"),
  COMPLAINT_RESOLVED("complaint.resolved"),
  SURVEY_ANSWERED("survey.answered");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
  }
}
