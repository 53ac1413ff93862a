package io.engage.rules.tiers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The working fact for one customer: every rule whose threshold is met calls {@link #qualify};
 * the highest-ranked tier wins and its reason is kept. Rules that run after the thresholds (a manual
 * override, a grace period) may then replace the winner, keeping what the thresholds alone decided
 * in the reason.
 */
public final class TierEvaluation {

  private final TierFact fact;
  private final List<String> rulesFired = new ArrayList<>();
  private final Set<String> qualified = new HashSet<>();
  private String tier;
  private int rank = -1;
  private String reason;
  private boolean overridden;

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

  /** Order count reached a threshold: "10 orders in 12 months (≥ 10) → SILVER". */
  public void qualifyOnOrders(String rule, String tier, int rank, int threshold) {
    qualify(rule, tier, rank, getOrders() + " orders in 12 months (≥ " + threshold + ") → " + tier);
  }

  /** The entry tier, when nothing higher qualifies: "12-month spend 1,200.00 below 2,000 → BASIC". */
  public void qualifyAsEntry(String rule, String tier, BigDecimal nextThreshold) {
    qualify(rule, tier, 0, "12-month spend " + money(getSpend()) + " below " + whole(nextThreshold) + " → " + tier);
  }

  /** A person set the tier: "manual override to GOLD until 2026-06-30 (rules alone: ...)". */
  public void override(String rule, String overrideTier, LocalDate until) {
    rulesFired.add(rule);
    reason = "manual override to " + overrideTier + " until " + until + " (rules alone: " + reason + ")";
    tier = overrideTier;
    overridden = true;
  }

  /**
   * Keeps the current tier when the thresholds no longer support it (no rule qualified it, so the
   * customer would move down): "in grace period until 2026-05-01 (rules alone: ... → BASIC)".
   * Does nothing for an upgrade, a stay, an overridden tier or a missing current tier. Call it
   * after every threshold rule.
   */
  public void holdDowngradeUntil(String rule, LocalDate until) {
    boolean downgrade = fact.currentTier() != null && tier != null && !qualified.contains(fact.currentTier());
    if (!downgrade || overridden) {
      return;
    }
    rulesFired.add(rule);
    reason = "in grace period until " + until + " (rules alone: " + reason + ")";
    tier = fact.currentTier();
  }

  private void qualify(String rule, String candidate, int candidateRank, String why) {
    rulesFired.add(rule);
    qualified.add(candidate);
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
