package io.engage.rules.activity;

import java.util.Arrays;

/** Activities that earn points, with the event type that reports each. */
public enum ActivityKind {
  /** 评价积分: a product review was posted. */
  REVIEW("review.posted"),
  /** 分享积分: content was shared. */
  SHARE("content.shared");

  private final String eventType;

  ActivityKind(String eventType) {
    this.eventType = eventType;
  }

  public String eventType() {
    return eventType;
  }

  public static ActivityKind ofEventType(String eventType) {
    return Arrays.stream(values())
        .filter(kind -> kind.eventType.equals(eventType))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No activity earns points for event type " + eventType));
  }
}
