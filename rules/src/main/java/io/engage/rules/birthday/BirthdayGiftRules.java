package io.engage.rules.birthday;

import io.engage.rules.CompiledRuleSet;
import java.util.List;

/** Decides a birthday gift with a compiled birthday rule set; safe to call from many threads. */
public final class BirthdayGiftRules {

  private final CompiledRuleSet ruleSet;

  public BirthdayGiftRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
  }

  public BirthdayGiftDecision decide(BirthdayFact fact) {
    BirthdayGift gift = new BirthdayGift(fact);
    ruleSet.newSession().execute(List.of(gift));
    return gift.decision(ruleSet.name(), ruleSet.version());
  }
}
