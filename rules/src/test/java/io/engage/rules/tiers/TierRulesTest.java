package io.engage.rules.tiers;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.ShippedRuleSets;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TierRulesTest {

  private final TierRules rules = new TierRules(ShippedRuleSets.tiers());

  @Test
  void silverStartsAtTwoThousand() {
    assertThat(decide("BASIC", "1999.99", 3).tier()).isEqualTo("BASIC");
    TierDecision silver = decide("BASIC", "2000.00", 3);
    assertThat(silver.tier()).isEqualTo("SILVER");
    assertThat(silver.changed()).isTrue();
    assertThat(silver.reason()).isEqualTo("12-month spend 2,000.00 ≥ 2,000 → SILVER");
  }

  @Test
  void silverAlsoComesWithTenOrders() {
    assertThat(decide("BASIC", "500.00", 9).tier()).isEqualTo("BASIC");
    TierDecision decision = decide("BASIC", "500.00", 10);
    assertThat(decision.tier()).isEqualTo("SILVER");
    assertThat(decision.reason()).isEqualTo("10 orders in 12 months (≥ 10) → SILVER");
  }

  @Test
  void goldAndPlusOnSpend() {
    assertThat(decide("SILVER", "7999.99", 5).tier()).isEqualTo("SILVER");
    assertThat(decide("SILVER", "8230.00", 5).reason()).isEqualTo("12-month spend 8,230.00 ≥ 8,000 → GOLD");
    assertThat(decide("GOLD", "19999.99", 5).tier()).isEqualTo("GOLD");
    assertThat(decide("GOLD", "20000.00", 5).tier()).isEqualTo("PLUS");
    assertThat(decide("SILVER", "8000.00", 5).reason()).isEqualTo("12-month spend 8,000.00 ≥ 8,000 → GOLD");
    TierDecision plus = decide("GOLD", "20000.00", 5);
    assertThat(plus.reason()).isEqualTo("12-month spend 20,000.00 ≥ 20,000 → PLUS");
    // Every threshold met fires; the highest wins.
    assertThat(plus.rulesFired()).contains("SILVER on spend", "GOLD on spend", "PLUS on spend");
  }

  @Test
  void aFallingSpendMovesACustomerDown() {
    TierDecision decision = decide("GOLD", "1200.00", 2);
    assertThat(decision.tier()).isEqualTo("BASIC");
    assertThat(decision.previousTier()).isEqualTo("GOLD");
    assertThat(decision.changed()).isTrue();
    assertThat(decision.reason()).isEqualTo("12-month spend 1,200.00 below 2,000 → BASIC");
  }

  @Test
  void staysPutWhenNothingChanged() {
    assertThat(decide("GOLD", "9000.00", 12).changed()).isFalse();
  }

  private TierDecision decide(String current, String spend, int orders) {
    return rules.decide(new TierFact("c-1", current, new BigDecimal(spend), orders));
  }
}
