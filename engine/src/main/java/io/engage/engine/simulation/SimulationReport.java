package io.engage.engine.simulation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What a draft rule set would have done over a period, next to what the active one did. */
record SimulationReport(
    String ruleSet,
    String activeVersion,
    String draftVersion,
    Instant from,
    Instant to,
    Totals totals,
    TierMoves tierMoves,
    Referrals referrals,
    List<CustomerDiff> mostAffected,
    Page diffs,
    Stats stats) {

  /** Points issued by each version over the period, and the liability change in points and money. */
  record Totals(long orders, long customers, long activePoints, long draftPoints, long deltaPoints,
      BigDecimal liabilityDeltaMoney) {}

  /** For tier rule sets: customers the draft would place higher or lower than the active version. */
  record TierMoves(int up, int down, int unchanged, Map<String, Integer> upInto, Map<String, Integer> downInto) {}

  /** For the referral rule set: rewards granted and refused under each version. */
  record Referrals(int activeGranted, int activeRefused, int draftGranted, int draftRefused) {}

  SimulationReport withReferrals(Referrals counts) {
    return new SimulationReport(ruleSet, activeVersion, draftVersion, from, to, totals, tierMoves, counts, mostAffected,
        diffs, stats);
  }

  record CustomerDiff(String customerId, long orders, long activePoints, long draftPoints, long delta,
      String activeTier, String draftTier) {}

  record Page(int page, int size, long total, List<CustomerDiff> items) {}

  record Stats(long millis, long decisionsPerSecond) {}
}
