package io.engage.engine.rulesadmin;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.activity.ActivityFact;
import io.engage.rules.activity.ActivityKind;
import io.engage.rules.activity.ActivityRules;
import io.engage.rules.birthday.BirthdayFact;
import io.engage.rules.birthday.BirthdayGiftRules;
import io.engage.rules.escalation.EscalationFact;
import io.engage.rules.escalation.EscalationRules;
import io.engage.rules.escalation.Severity;
import io.engage.rules.referral.ReferralFact;
import io.engage.rules.referral.ReferralRules;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsRules;
import io.engage.rules.tiers.TierFact;
import io.engage.rules.tiers.TierRules;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        case ShippedRuleSets.ACTIVITY -> {
          var decision = new ActivityRules(compiled).decide(new ActivityFact("probe", "probe", ActivityKind.REVIEW, 0));
          yield decision.rulesFired().isEmpty()
              ? Optional.of("no rule fired for a sample review: are the rules written for activities?")
              : Optional.empty();
        }
        case ShippedRuleSets.REFERRAL -> {
          var decision = new ReferralRules(compiled).decide(
              new ReferralFact("probe-a", "probe-b", true, 0, Set.of("a"), Set.of("b")));
          yield decision.rulesFired().isEmpty()
              ? Optional.of("no rule fired for a sample referral: are the rules written for referrals?")
              : Optional.empty();
        }
        case ShippedRuleSets.ESCALATION -> {
          var decision = new EscalationRules(compiled).decide(new EscalationFact("probe", Severity.HIGH, "BASIC", "APP"));
          yield decision.slaHours() <= 0 || decision.rulesFired().isEmpty()
              ? Optional.of("no SLA decided for a sample complaint: are the rules written for complaints?")
              : Optional.empty();
        }
        case ShippedRuleSets.BIRTHDAY -> {
          var decision = new BirthdayGiftRules(compiled).decide(new BirthdayFact("probe", "GOLD"));
          yield decision.rulesFired().isEmpty()
              ? Optional.of("no rule fired for a sample birthday: are the rules written for birthday gifts?")
              : Optional.empty();
        }
        default -> Optional.empty();
      };
    } catch (RuntimeException e) {
      return Optional.of("evaluating a sample failed: " + e.getMessage());
    }
  }
}
