package io.engage.rules.escalation;

import io.engage.rules.CompiledRuleSet;
import java.util.List;

/** Decides a complaint's SLA and escalation ladder with a compiled rule set; safe from many threads. */
public final class EscalationRules {

  private final CompiledRuleSet ruleSet;

  public EscalationRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public EscalationDecision decide(EscalationFact fact) {
    EscalationPlan plan = new EscalationPlan(fact);
    ruleSet.newSession().execute(List.of(plan));
    return plan.decision(ruleSet.name(), ruleSet.version());
  }
}
