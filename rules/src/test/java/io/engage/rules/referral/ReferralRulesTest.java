package io.engage.rules.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.ShippedRuleSets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferralRulesTest {

  private final ReferralRules rules = new ReferralRules(ShippedRuleSets.referral());

  @Test
  void rewardsBothSidesOnTheRefereesFirstPaidOrder() {
    ReferralDecision decision = rules.decide(referral("r-1", "e-1", true, 0, Set.of("phone:aa"), Set.of("phone:bb")));
    assertThat(decision.referrerPoints()).isEqualTo(500);
    assertThat(decision.refereePoints()).isEqualTo(200);
    assertThat(decision.refused()).isFalse();
    assertThat(decision.reason()).isEqualTo("referrer +500; referee +200");
    assertThat(decision.rulesFired()).containsExactly("Referrer reward", "Referee reward");
    assertThat(decision.ruleSet()).isEqualTo("referral");
    assertThat(decision.version()).isEqualTo("1");
  }

  @Test
  void laterOrdersEarnNothingWithoutAFlag() {
    ReferralDecision decision = rules.decide(referral("r-1", "e-1", false, 0, Set.of(), Set.of()));
    assertThat(decision.referrerPoints()).isZero();
    assertThat(decision.refereePoints()).isZero();
    assertThat(decision.refused()).isFalse();
    assertThat(decision.reason()).isEqualTo("no reward: not the referee's first paid order");
    assertThat(decision.rulesFired()).containsExactly("Not the first paid order");
  }

  @Test
  void theFifthRewardOfTheMonthStillPaysTheSixthDoesNotPayTheReferrer() {
    assertThat(rules.decide(referral("r-1", "e-1", true, 4, Set.of(), Set.of())).referrerPoints()).isEqualTo(500);
    ReferralDecision capped = rules.decide(referral("r-1", "e-1", true, 5, Set.of(), Set.of()));
    assertThat(capped.referrerPoints()).isZero();
    assertThat(capped.refereePoints()).isEqualTo(200);
    assertThat(capped.refused()).isFalse();
    assertThat(capped.reason()).isEqualTo("referrer +0: already 5 rewarded referrals this month (cap 5); referee +200");
    assertThat(capped.rulesFired()).containsExactly("Referrer monthly cap", "Referee reward");
  }

  @Test
  void refusesAndFlagsASelfReferral() {
    ReferralDecision decision = rules.decide(referral("c-7", "c-7", true, 0, Set.of("phone:aa"), Set.of("phone:aa")));
    assertThat(decision.refused()).isTrue();
    assertThat(decision.referrerPoints()).isZero();
    assertThat(decision.refereePoints()).isZero();
    assertThat(decision.reason()).isEqualTo("refused: self-referral (referrer c-7 referred themselves)");
    assertThat(decision.rulesFired()).containsExactly("Self-referral");
  }

  @Test
  void refusesAndFlagsASharedPhoneDeviceOrAddress() {
    ReferralDecision decision = rules.decide(referral("r-1", "e-1", true, 0,
        Set.of("phone:aa", "device:dd", "address:xx"), Set.of("phone:bb", "device:dd", "address:xx")));
    assertThat(decision.refused()).isTrue();
    assertThat(decision.referrerPoints()).isZero();
    assertThat(decision.refereePoints()).isZero();
    assertThat(decision.reason()).isEqualTo("refused: referrer and referee share 2 phone/device/address fingerprint(s)");
    assertThat(decision.rulesFired()).containsExactly("Shared fingerprint");
  }

  @Test
  void aRefusalWinsEvenOnALaterOrder() {
    ReferralDecision decision = rules.decide(referral("r-1", "e-1", false, 0, Set.of("device:dd"), Set.of("device:dd")));
    assertThat(decision.refused()).isTrue();
    assertThat(decision.rulesFired()).containsExactly("Shared fingerprint");
  }

  @Test
  void missingFingerprintsShareNothing() {
    ReferralDecision decision = rules.decide(referral("r-1", "e-1", true, 0, null, null));
    assertThat(decision.refused()).isFalse();
    assertThat(decision.referrerPoints()).isEqualTo(500);
  }

  private static ReferralFact referral(String referrer, String referee, boolean firstPaidOrder, int rewardsThisMonth,
      Set<String> referrerFingerprints, Set<String> refereeFingerprints) {
    return new ReferralFact(referrer, referee, firstPaidOrder, rewardsThisMonth, referrerFingerprints, refereeFingerprints);
  }
}
