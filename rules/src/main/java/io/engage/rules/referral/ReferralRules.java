package io.engage.rules.referral;

import io.engage.rules.CompiledRuleSet;
import java.util.List;

/** Decides referral rewards with a compiled referral rule set; safe to call from many threads. */
public final class ReferralRules {

  private final CompiledRuleSet ruleSet;

  public ReferralRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public ReferralDecision decide(ReferralFact fact) {
    ReferralEvaluation evaluation = new ReferralEvaluation(fact);
    ruleSet.newSession().execute(List.of(evaluation));
    return evaluation.decision(ruleSet.name(), ruleSet.version());
  }
}
