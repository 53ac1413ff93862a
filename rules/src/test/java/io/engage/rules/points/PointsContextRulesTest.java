package io.engage.rules.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.ShippedRuleSets;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsContextRulesTest {

  private final PointsRules rules = new PointsRules(ShippedRuleSets.points());

  @Test
  void doublesTheBaseInTheBirthdayMonth() {
    PointsDecision decision = rules.decide(order("100.00", "BASIC", "web"), new OrderContext(true, false, 0));
    assertThat(decision.explanation()).isEqualTo("+200: base 100, birthday x2 +100");
    assertThat(decision.rulesFired()).containsExactly("Base points", "Birthday month multiplier");
  }

  @Test
  void theBirthdayMultiplierAppliesToTheBaseNotToTheTierShare() {
    PointsDecision decision = rules.decide(order("100.00", "GOLD", "web"), new OrderContext(true, false, 0));
    assertThat(decision.explanation()).isEqualTo("+250: base 100, GOLD x1.5 +50, birthday x2 +100");
  }

  @Test
  void addsOneHundredOnTheFirstOrder() {
    PointsDecision decision = rules.decide(order("10.00", "BASIC", "web"), new OrderContext(false, true, 0));
    assertThat(decision.explanation()).isEqualTo("+110: base 10, first order +100");
    assertThat(decision.rulesFired()).containsExactly("Base points", "First order bonus");
  }

  @Test
  void addsFivePercentOfTheBaseInTheApp() {
    assertThat(rules.decide(order("100.00", "BASIC", "app")).explanation()).isEqualTo("+105: base 100, app +5");
    assertThat(rules.decide(order("139.00", "BASIC", "app")).explanation()).isEqualTo("+145: base 139, app +6");
    assertThat(rules.decide(order("100.00", "BASIC", "web")).rulesFired()).doesNotContain("App channel bonus");
  }

  @Test
  void anAppBonusThatRoundsToZeroIsNotListed() {
    PointsDecision decision = rules.decide(order("19.99", "BASIC", "app"));
    assertThat(decision.explanation()).isEqualTo("+19: base 19");
  }

  @Test
  void capsTheDayAtFiveThousandAndSaysByHowMuch() {
    PointsDecision decision = rules.decide(order("1000.00", "BASIC", "web"), new OrderContext(false, false, 4500));
    assertThat(decision.points()).isEqualTo(500);
    assertThat(decision.explanation()).isEqualTo("+500: base 1000, daily cap 5,000 −500");
    assertThat(decision.contributions()).last().isEqualTo(new Contribution("Daily cap", -500, "daily cap 5,000 −500"));
  }

  @Test
  void reachingTheCapExactlyTakesNothingBack() {
    PointsDecision decision = rules.decide(order("500.00", "BASIC", "web"), new OrderContext(false, false, 4500));
    assertThat(decision.points()).isEqualTo(500);
    assertThat(decision.rulesFired()).doesNotContain("Daily cap");
  }

  @Test
  void theCapCountsEveryBonusOfTheOrder() {
    OrderFact order = order("3000.00", "PLUS", "app");
    PointsDecision decision = rules.decide(order, new OrderContext(true, true, 0));
    // base 3000, PLUS +3000, birthday +3000, app +150, first order +100 = 9250
    assertThat(decision.explanation()).isEqualTo(
        "+5000: base 3000, PLUS x2 +3000, birthday x2 +3000, app +150, first order +100, daily cap 5,000 −4250");
  }

  @Test
  void aCustomerAlreadyOverTheCapEarnsNothingButNeverLoses() {
    PointsDecision decision = rules.decide(order("200.00", "BASIC", "web"), new OrderContext(false, false, 5200));
    assertThat(decision.points()).isZero();
    assertThat(decision.explanation()).isEqualTo("+0: base 200, daily cap 5,000 −200");
  }

  @Test
  void theOldMethodsDecideWithoutContext() {
    OrderFact order = order("100.00", "BASIC", "web");
    assertThat(rules.decide(order)).isEqualTo(rules.decide(order, OrderContext.NONE));
    assertThat(rules.decideAll(List.of(order))).isEqualTo(rules.decideAll(List.of(order), List.of(OrderContext.NONE)));
  }

  @Test
  void aBatchPairsEachOrderWithItsContext() {
    List<PointsDecision> decisions = rules.decideAll(
        List.of(order("a", "100.00"), order("b", "100.00"), order("c", "100.00")),
        List.of(OrderContext.NONE, new OrderContext(false, true, 0), new OrderContext(false, false, 4950)));
    assertThat(decisions).extracting(PointsDecision::orderId).containsExactly("a", "b", "c");
    assertThat(decisions).extracting(PointsDecision::points).containsExactly(100L, 200L, 50L);
  }

  @Test
  void aBatchNeedsOneContextPerOrder() {
    assertThatThrownBy(() -> rules.decideAll(List.of(order("a", "1.00")), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new OrderContext(false, false, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static OrderFact order(String amount, String tier, String channel) {
    return new OrderFact("c-1", "o-1", new BigDecimal(amount), tier, channel, List.of());
  }

  private static OrderFact order(String id, String amount) {
    return new OrderFact("c-1", id, new BigDecimal(amount), "BASIC", "web", List.of());
  }
}
