package io.engage.rules.activity;

import io.engage.rules.points.Contribution;
import io.engage.rules.points.PointsDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The working fact for one activity: rules award its points, then cap them per kind and day.
 * Nothing here re-triggers rules.
 */
public final class ActivityAward {

  private final ActivityFact fact;
  private final List<Contribution> contributions = new ArrayList<>();

  ActivityAward(ActivityFact fact) {
    this.fact = fact;
  }

  public ActivityKind getKind() {
    return fact.kind();
  }

  public long getPointsEarnedTodayForKind() {
    return fact.pointsEarnedTodayForKind();
  }

  /** "review +20". */
  public void award(String rule, String label, long points) {
    contributions.add(new Contribution(rule, points, label + " +" + points));
  }

  /**
   * Takes back what would go above {@code cap} for this kind today ("review daily cap 100 −10");
   * never below 0. Call it after the award; adds nothing when the cap is not reached.
   */
  public void capDaily(String rule, String label, long cap) {
    long earned = contributions.stream().mapToLong(Contribution::points).sum();
    long over = Math.min(earned, Math.max(0, fact.pointsEarnedTodayForKind() + earned - cap));
    if (over > 0) {
      contributions.add(new Contribution(rule, -over,
          String.format(Locale.ROOT, "%s daily cap %,d −%d", label, cap, over)));
    }
  }

  /** {@link PointsDecision#orderId()} carries the activity id. */
  PointsDecision decision(String ruleSet, String version) {
    return new PointsDecision(ruleSet, version, fact.customerId(), fact.activityId(),
        contributions.stream().mapToLong(Contribution::points).sum(), contributions);
  }
}
