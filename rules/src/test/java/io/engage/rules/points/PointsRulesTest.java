package io.engage.rules.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.ShippedRuleSets;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PointsRulesTest {

  private final PointsRules rules = new PointsRules(ShippedRuleSets.points());

  @Test
  void aBasicCustomerEarnsOnePointPerWholeYuan() {
    PointsDecision decision = rules.decide(order("o-1", "99.99", "BASIC"));
    assertThat(decision.points()).isEqualTo(99);
    assertThat(decision.explanation()).isEqualTo("+99: base 99");
    assertThat(decision.rulesFired()).containsExactly("Base points");
    assertThat(decision.ruleSet()).isEqualTo("points");
    assertThat(decision.version()).isEqualTo("1");
  }

  @Test
  void tierMultipliersAddTheirShareOfTheBase() {
    assertThat(rules.decide(order("o-s", "100.00", "SILVER")).explanation()).isEqualTo("+120: base 100, SILVER x1.2 +20");
    assertThat(rules.decide(order("o-g", "101.00", "GOLD")).explanation()).isEqualTo("+151: base 101, GOLD x1.5 +50");
    assertThat(rules.decide(order("o-p", "100.00", "PLUS")).explanation()).isEqualTo("+200: base 100, PLUS x2 +100");
  }

  @Test
  void booksAndFreshEarnACategoryBonusRoundedDownPerCategory() {
    OrderFact order = new OrderFact("c-1", "o-c", new BigDecimal("300.00"), "BASIC", "web", List.of(
        line("books", "10.50"), line("books", "10.50"), line("fresh", "99.00"), line("electronics", "180.00")));
    PointsDecision decision = rules.decide(order);
    assertThat(decision.contributions()).extracting(Contribution::description)
        .containsExactly("base 300", "books +10", "fresh +19");
    assertThat(decision.points()).isEqualTo(329);
  }

  @Test
  void explainsAGoldBooksOrderShareByShare() {
    OrderFact order = new OrderFact("c-1", "o-240", new BigDecimal("120.00"), "GOLD", "web", List.of(line("books", "120.00")));
    PointsDecision decision = rules.decide(order);
    assertThat(decision.explanation()).isEqualTo("+240: base 120, GOLD x1.5 +60, books +60");
    assertThat(decision.contributions()).containsExactly(
        new Contribution("Base points", 120, "base 120"),
        new Contribution("Tier multiplier", 60, "GOLD x1.5 +60"),
        new Contribution("Category bonus books", 60, "books +60"));
    assertThat(decision.points()).isEqualTo(decision.contributions().stream().mapToLong(Contribution::points).sum());
  }

  @Test
  void roundsTheMultiplierDownOnItsOwn() {
    // 99 x 0.2 = 19.8: the extra is floored by itself, not folded into a floored total.
    assertThat(rules.decide(order("o-r", "99.99", "SILVER")).explanation()).isEqualTo("+118: base 99, SILVER x1.2 +19");
  }

  @Test
  void explainsEveryShareOfAGoldBooksOrder() {
    OrderFact order = new OrderFact("c-1", "o-246", new BigDecimal("120.00"), "GOLD", "app", List.of(line("books", "120.00")));
    PointsDecision decision = rules.decide(order);
    assertThat(decision.explanation()).isEqualTo("+246: base 120, GOLD x1.5 +60, app +6, books +60");
    assertThat(decision.points()).isEqualTo(decision.contributions().stream().mapToLong(Contribution::points).sum());
    assertThat(decision.rulesFired())
        .containsExactly("Base points", "Tier multiplier", "App channel bonus", "Category bonus books");
  }

  @Test
  void decidesABatchInOrderWithOneDecisionPerOrder() {
    List<OrderFact> orders = List.of(order("a", "10.00", "BASIC"), order("b", "20.00", "GOLD"), order("c", "30.00", "BASIC"));
    List<PointsDecision> decisions = rules.decideAll(orders);
    assertThat(decisions).extracting(PointsDecision::orderId).containsExactly("a", "b", "c");
    assertThat(decisions).extracting(PointsDecision::points).containsExactly(10L, 30L, 30L);
  }

  @Test
  void matchesCategoryBonusesBackToTheirOwnOrderInABatch() {
    // Every order's category spend sits in the same session: each bonus must land on its own order.
    List<OrderFact> orders = List.of(
        new OrderFact("c-1", "books", new BigDecimal("100.00"), "BASIC", "web", List.of(line("books", "100.00"))),
        new OrderFact("c-2", "plain", new BigDecimal("100.00"), "BASIC", "web", List.of(line("toys", "100.00"))),
        new OrderFact("c-3", "fresh", new BigDecimal("100.00"), "GOLD", "web", List.of(line("fresh", "100.00"))));
    List<PointsDecision> decisions = rules.decideAll(orders);
    assertThat(decisions).extracting(PointsDecision::customerId).containsExactly("c-1", "c-2", "c-3");
    assertThat(decisions).extracting(PointsDecision::explanation).containsExactly(
        "+150: base 100, books +50", "+100: base 100", "+170: base 100, GOLD x1.5 +50, fresh +20");
  }

  @Test
  void versionsThatJoinCategorySpendFactsStillEarnTheCategoryBonus() throws Exception {
    String drl = new String(getClass().getResourceAsStream("points-category-join.drl").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    PointsRules legacy = new PointsRules(io.engage.rules.CompiledRuleSet.compile("points", "1",
        List.of(new io.engage.rules.RuleSource("points-category-join.drl", drl))));
    OrderFact order = new OrderFact("c-1", "o-240", new BigDecimal("120.00"), "GOLD", "web", List.of(line("books", "120.00")));

    assertThat(legacy.decide(order).explanation()).isEqualTo("+240: base 120, GOLD x1.5 +60, books +60");
  }

  @Test
  void theShippedRulesMatchNoCategorySpendFacts() {
    assertThat(ShippedRuleSets.points().matches(CategorySpend.class)).isFalse();
    assertThat(ShippedRuleSets.points().matches(PointsCalculation.class)).isTrue();
  }

  private static OrderFact order(String id, String amount, String tier) {
    return new OrderFact("c-1", id, new BigDecimal(amount), tier, "web", List.of());
  }

  private static OrderLine line(String category, String amount) {
    return new OrderLine(category + "-sku", category, new BigDecimal(amount), 1);
  }
}
