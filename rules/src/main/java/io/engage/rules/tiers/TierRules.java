package io.engage.rules.tiers;

import io.engage.rules.CompiledRuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides a customer's tier with a compiled tier rule set; safe to call from many threads. */
public final class TierRules {

  private final CompiledRuleSet ruleSet;

  public TierRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  /** Without context: thresholds only, no grace period, no override. */
  public TierDecision decide(TierFact fact) {
    return run(new TierEvaluation(fact), List.of());
  }

  /** With the date, the last upgrade or renewal (grace period) and a manual override, if any. */
  public TierDecision decide(TierFact fact, TierContext context) {
    return run(new TierEvaluation(fact), List.of(Objects.requireNonNull(context, "context")));
  }

  private TierDecision run(TierEvaluation evaluation, List<TierContext> context) {
    List<Object> facts = new ArrayList<>(context);
    facts.add(evaluation);
    ruleSet.newSession().execute(facts);
    return evaluation.decision(ruleSet.name(), ruleSet.version());
  }
}
