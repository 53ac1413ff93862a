package io.engage.rules.tiers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.ShippedRuleSets;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TierContextRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
  private final TierRules rules = new TierRules(ShippedRuleSets.tiers());

  @Test
  void keepsTheTierDuringNinetyDaysAfterTheUpgrade() {
    TierDecision decision = decide("GOLD", "1200.00", TierContext.on(TODAY, TODAY.minusDays(90)));
    assertThat(decision.tier()).isEqualTo("GOLD");
    assertThat(decision.changed()).isFalse();
    assertThat(decision.reason())
        .isEqualTo("in grace period until 2026-03-15 (rules alone: 12-month spend 1,200.00 below 2,000 → BASIC)");
    assertThat(decision.rulesFired()).containsExactly("BASIC entry tier", "Downgrade grace period");
  }

  @Test
  void downgradesOnTheNinetyFirstDay() {
    TierDecision decision = decide("GOLD", "1200.00", TierContext.on(TODAY, TODAY.minusDays(91)));
    assertThat(decision.tier()).isEqualTo("BASIC");
    assertThat(decision.reason()).isEqualTo("12-month spend 1,200.00 below 2,000 → BASIC");
    assertThat(decision.rulesFired()).doesNotContain("Downgrade grace period");
  }

  @Test
  void downgradesWithoutGraceWhenTheLastUpgradeIsUnknown() {
    assertThat(decide("GOLD", "3000.00", TierContext.on(TODAY, null)).tier()).isEqualTo("SILVER");
  }

  @Test
  void theGracePeriodNeverHoldsBackAnUpgradeOrAStay() {
    TierDecision upgrade = decide("SILVER", "9000.00", TierContext.on(TODAY, TODAY.minusDays(10)));
    assertThat(upgrade.tier()).isEqualTo("GOLD");
    assertThat(upgrade.rulesFired()).doesNotContain("Downgrade grace period");
    TierDecision stay = decide("GOLD", "9000.00", TierContext.on(TODAY, TODAY.minusDays(10)));
    assertThat(stay.changed()).isFalse();
    assertThat(stay.rulesFired()).doesNotContain("Downgrade grace period");
  }

  @Test
  void aManualOverrideWinsAndSaysSo() {
    TierContext context = new TierContext(TODAY, TODAY.minusDays(200), "GOLD", LocalDate.of(2026, 6, 30));
    TierDecision decision = decide("GOLD", "1200.00", context);
    assertThat(decision.tier()).isEqualTo("GOLD");
    assertThat(decision.reason()).isEqualTo(
        "manual override to GOLD until 2026-06-30 (rules alone: 12-month spend 1,200.00 below 2,000 → BASIC)");
    assertThat(decision.rulesFired()).containsExactly("BASIC entry tier", "Manual override");
  }

  @Test
  void aManualOverrideAlsoHoldsATierDownAndIsNotUndoneByTheGracePeriod() {
    TierContext context = new TierContext(TODAY, TODAY.minusDays(5), "SILVER", TODAY);
    TierDecision decision = decide("PLUS", "25000.00", context);
    assertThat(decision.tier()).isEqualTo("SILVER");
    assertThat(decision.changed()).isTrue();
    assertThat(decision.reason()).startsWith("manual override to SILVER until 2026-03-15");
    assertThat(decision.rulesFired()).contains("Manual override").doesNotContain("Downgrade grace period");
  }

  @Test
  void anExpiredOverrideNoLongerApplies() {
    TierContext context = new TierContext(TODAY, TODAY.minusDays(200), "GOLD", TODAY.minusDays(1));
    TierDecision decision = decide("GOLD", "1200.00", context);
    assertThat(decision.tier()).isEqualTo("BASIC");
    assertThat(decision.rulesFired()).doesNotContain("Manual override");
  }

  @Test
  void anOverrideWithoutEndDateIsRefused() {
    assertThatThrownBy(() -> new TierContext(TODAY, null, "GOLD", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end date");
  }

  private TierDecision decide(String current, String spend, TierContext context) {
    return rules.decide(new TierFact("c-1", current, new BigDecimal(spend), 2), context);
  }
}
