package io.engage.rules.tiers;

import java.util.List;

/** The tier a customer should be in, and why. */
public record TierDecision(
    String ruleSet, String version, String customerId, String previousTier, String tier, String reason,
    List<String> rulesFired) {

  public TierDecision {
    rulesFired = List.copyOf(rulesFired);
  }

  public boolean changed() {
    return !tier.equals(previousTier);
  }
}
