package io.engage.rules.birthday;

import java.util.ArrayList;
import java.util.List;

/** The working fact for one customer's birthday: the rule for their tier sets the gift. */
public final class BirthdayGift {

  private final BirthdayFact fact;
  private final List<String> rulesFired = new ArrayList<>();
  private final List<String> parts = new ArrayList<>();
  private long points;

  BirthdayGift(BirthdayFact fact) {
    this.fact = fact;
  }

  public String getTier() {
    return fact.tier();
  }

  public void give(String rule, long gift) {
    rulesFired.add(rule);
    points += gift;
    parts.add(fact.tier() + " birthday gift " + gift);
  }

  /** A tier no rule covers earns nothing, and the explanation says why. */
  BirthdayGiftDecision decision(String ruleSet, String version) {
    String explanation = parts.isEmpty()
        ? "+0: no birthday gift rule for tier " + fact.tier()
        : "+" + points + ": " + String.join(", ", parts);
    return new BirthdayGiftDecision(ruleSet, version, points, explanation, rulesFired);
  }
}
