package io.engage.rules.activity;

import java.util.Objects;

/**
 * One review or share. {@code pointsEarnedTodayForKind} is what the customer had already earned
 * today from activities of the same kind; the per-kind daily cap counts it in.
 */
public record ActivityFact(String customerId, String activityId, ActivityKind kind, long pointsEarnedTodayForKind) {

  public ActivityFact {
    Objects.requireNonNull(kind, "kind");
    if (pointsEarnedTodayForKind < 0) {
      throw new IllegalArgumentException("pointsEarnedTodayForKind must not be negative: " + pointsEarnedTodayForKind);
    }
  }
}
