package io.engage.rules.birthday;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.ShippedRuleSets;
import org.junit.jupiter.api.Test;

class BirthdayGiftRulesTest {

  private final BirthdayGiftRules rules = new BirthdayGiftRules(ShippedRuleSets.birthday());

  @Test
  void givesPointsByTier() {
    assertThat(decide("BASIC").points()).isEqualTo(50);
    assertThat(decide("SILVER").points()).isEqualTo(100);
    assertThat(decide("GOLD").points()).isEqualTo(200);
    assertThat(decide("PLUS").points()).isEqualTo(500);
  }

  @Test
  void explainsTheGift() {
    BirthdayGiftDecision decision = decide("GOLD");
    assertThat(decision.explanation()).isEqualTo("+200: GOLD birthday gift 200");
    assertThat(decision.rulesFired()).containsExactly("Birthday gift GOLD");
    assertThat(decision.ruleSet()).isEqualTo("birthday");
    assertThat(decision.version()).isEqualTo("1");
  }

  @Test
  void aTierWithoutARuleGetsNothingAndSaysWhy() {
    BirthdayGiftDecision decision = decide("STAFF");
    assertThat(decision.points()).isZero();
    assertThat(decision.explanation()).isEqualTo("+0: no birthday gift rule for tier STAFF");
    assertThat(decision.rulesFired()).isEmpty();
  }

  private BirthdayGiftDecision decide(String tier) {
    return rules.decide(new BirthdayFact("c-1", tier));
  }
}
