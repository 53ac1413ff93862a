package io.engage.engine.rulesadmin;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsRules;
import io.engage.rules.tiers.TierFact;
import io.engage.rules.tiers.TierRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Runs a compiled rule set once on a sample fact. DRL that compiles can still be written for the
 * wrong facts (a tiers file uploaded as points); such a set decides nothing and is refused here.
 */
final class RuleSetProbe {

  private RuleSetProbe() {}

  /** Why the set cannot serve, if it cannot. */
  static Optional<String> problem(CompiledRuleSet compiled) {
    try {
      return switch (compiled.name()) {
        case ShippedRuleSets.POINTS -> {
          var decision = new PointsRules(compiled).decide(new OrderFact("probe", "probe", new BigDecimal("100.00"),
              "BASIC", "web", List.of(new OrderLine("probe", "books", new BigDecimal("100.00"), 1))));
          yield decision.rulesFired().isEmpty()
              ? Optional.of("no rule fired for a sample order of 100.00: are the rules written for PointsCalculation?")
              : Optional.empty();
        }
        case ShippedRuleSets.TIERS -> {
          new TierRules(compiled).decide(new TierFact("probe", "BASIC", new BigDecimal("100.00"), 1));
          yield Optional.empty();
        }
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.of("evaluating a sample failed: " + e.getMessage());
    }
  }
}
