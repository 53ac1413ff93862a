package io.engage.rules.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.PointsDecision;
import org.junit.jupiter.api.Test;

class ActivityRulesTest {

  private final ActivityRules rules = new ActivityRules(ShippedRuleSets.activity());

  @Test
  void aReviewEarnsTwentyPoints() {
    PointsDecision decision = rules.decide(new ActivityFact("c-1", "rv-1", ActivityKind.REVIEW, 0));
    assertThat(decision.points()).isEqualTo(20);
    assertThat(decision.explanation()).isEqualTo("+20: review +20");
    assertThat(decision.rulesFired()).containsExactly("Review points");
    assertThat(decision.orderId()).isEqualTo("rv-1");
    assertThat(decision.ruleSet()).isEqualTo("activity");
    assertThat(decision.version()).isEqualTo("1");
  }

  @Test
  void reviewsStopAtOneHundredADay() {
    assertThat(decide(ActivityKind.REVIEW, 80).points()).isEqualTo(20);
    PointsDecision partly = decide(ActivityKind.REVIEW, 90);
    assertThat(partly.points()).isEqualTo(10);
    assertThat(partly.explanation()).isEqualTo("+10: review +20, review daily cap 100 −10");
    assertThat(partly.rulesFired()).containsExactly("Review points", "Review daily cap");
    assertThat(decide(ActivityKind.REVIEW, 100).points()).isZero();
    assertThat(decide(ActivityKind.REVIEW, 150).points()).isZero();
  }

  @Test
  void aShareEarnsFivePointsUpToTwentyADay() {
    assertThat(decide(ActivityKind.SHARE, 0).explanation()).isEqualTo("+5: share +5");
    assertThat(decide(ActivityKind.SHARE, 15).points()).isEqualTo(5);
    assertThat(decide(ActivityKind.SHARE, 18).explanation()).isEqualTo("+2: share +5, share daily cap 20 −3");
    assertThat(decide(ActivityKind.SHARE, 20).explanation()).isEqualTo("+0: share +5, share daily cap 20 −5");
  }

  @Test
  void eachKindHasItsOwnCap() {
    assertThat(decide(ActivityKind.SHARE, 90).points()).isZero();
    assertThat(decide(ActivityKind.REVIEW, 20).points()).isEqualTo(20);
  }

  @Test
  void kindsAreNamedByTheirEventTypes() {
    assertThat(ActivityKind.ofEventType("review.posted")).isEqualTo(ActivityKind.REVIEW);
    assertThat(ActivityKind.ofEventType("content.shared")).isEqualTo(ActivityKind.SHARE);
    assertThatThrownBy(() -> ActivityKind.ofEventType("order.paid")).isInstanceOf(IllegalArgumentException.class);
  }

  private PointsDecision decide(ActivityKind kind, long earnedToday) {
    return rules.decide(new ActivityFact("c-1", "a-1", kind, earnedToday));
  }
}
