package io.engage.rules.tiers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The working fact for one customer: every rule whose threshold is met calls {@link #qualify};
 * the highest-ranked tier wins and its reason is kept.
 */
public final class TierEvaluation {

  private final TierFact fact;
  private final List<String> rulesFired = new ArrayList<>();
  private String tier;
  private int rank = -1;
  private String reason;

  TierEvaluation(TierFact fact) {
    this.fact = fact;
  }

  public BigDecimal getSpend() {
    return fact.paidSpend12m();
  }

  public int getOrders() {
    return fact.paidOrders12m();
  }

  public String getCurrentTier() {
    return fact.currentTier();
  }

  /** Spend reached a threshold: "12-month spend 8,230.00 ≥ 8,000 → GOLD". */
  public void qualifyOnSpend(String rule, String tier, int rank, BigDecimal threshold) {
    qualify(rule, tier, rank, "12-month spend " + money(getSpend()) + " ≥ " + whole(threshold) + " → " + tier);
  }

  /** Order count reached a threshold: "10 orders in 12 months → SILVER". */
  public void qualifyOnOrders(String rule, String tier, int rank, int threshold) {
    qualify(rule, tier, rank, getOrders() + " orders in 12 months (≥ " + threshold + ") → " + tier);
  }

  /** The entry tier, when nothing higher qualifies: "12-month spend 1,200.00 below 2,000 → BASIC". */
  public void qualifyAsEntry(String rule, String tier, BigDecimal nextThreshold) {
    qualify(rule, tier, 0, "12-month spend " + money(getSpend()) + " below " + whole(nextThreshold) + " → " + tier);
  }

  private void qualify(String rule, String candidate, int candidateRank, String why) {
    rulesFired.add(rule);
    if (candidateRank > rank) {
      tier = candidate;
      rank = candidateRank;
      reason = why;
    }
  }

  TierDecision decision(String ruleSet, String version) {
    if (tier == null) {
      throw new IllegalStateException("The tier rules decided no tier for " + fact.customerId());
    }
    return new TierDecision(ruleSet, version, fact.customerId(), fact.currentTier(), tier, reason, rulesFired);
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  private static String whole(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,d", amount.longValue());
  }
}
