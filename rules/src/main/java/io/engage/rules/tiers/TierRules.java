package io.engage.rules.tiers;

import io.engage.rules.CompiledRuleSet;
import java.util.List;

/** Decides a customer's tier with a compiled tier rule set; safe to call from many threads. */
public final class TierRules {

  private final CompiledRuleSet ruleSet;

  public TierRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public TierDecision decide(TierFact fact) {
    TierEvaluation evaluation = new TierEvaluation(fact);
    ruleSet.newSession().execute(List.of(evaluation));
    return evaluation.decision(ruleSet.name(), ruleSet.version());
  }
}
