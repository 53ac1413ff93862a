package io.engage.rules.activity;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.points.PointsDecision;
import java.util.List;

/**
 * Decides the points for a review or a share with a compiled activity rule set; safe to call from
 * many threads. The decision's {@code orderId} is the activity id.
 */
public final class ActivityRules {

  private final CompiledRuleSet ruleSet;

  public ActivityRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public PointsDecision decide(ActivityFact fact) {
    ActivityAward award = new ActivityAward(fact);
    ruleSet.newSession().execute(List.of(award));
    return award.decision(ruleSet.name(), ruleSet.version());
  }
}
