package io.engage.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleSource;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.OrderContext;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsDecision;
import io.engage.rules.points.PointsRules;
import io.engage.rules.tiers.TierContext;
import io.engage.rules.tiers.TierDecision;
import io.engage.rules.tiers.TierFact;
import io.engage.rules.tiers.TierRules;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped points and tiers rule sets as grids: grid -> CSV decision table -> DRL must decide
 * every sampled fact exactly as the shipped DRL does (points, every contribution and its text;
 * tier, reason and rules fired), and the grid's download form must read back unchanged.
 */
class ShippedGridsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
  private static final String[] TIERS = {"BASIC", "SILVER", "GOLD", "PLUS"};

  @Test
  void theGridsReadBackFromTheirDownloadFormUnchanged() throws IOException {
    for (String ruleSet : List.of("points", "tiers")) {
      RuleGrid grid = ShippedGrids.of(ruleSet).orElseThrow();
      assertThat(GridCompiler.toCsv(grid)).as(ruleSet).isEqualTo(resource(ruleSet));
      assertThat(GridCompiler.fromCsv(GridCompiler.toCsv(grid))).isEqualTo(grid);
    }
    assertThat(ShippedGrids.of("escalation")).isEmpty();
  }

  @Test
  void thePointsGridDecidesLikeTheShippedDrlIncludingCategoryBonusesAndTheCap() {
    PointsRules shipped = new PointsRules(ShippedRuleSets.points());
    PointsRules grid = new PointsRules(compiled("points"));
    Random random = new Random(7);
    Set<String> rulesSeen = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      OrderFact order = order(random, i);
      OrderContext context = new OrderContext(random.nextInt(4) == 0, random.nextInt(5) == 0,
          List.of(0L, 0L, 4200L, 4990L, 5000L, 7000L).get(random.nextInt(6)));
      PointsDecision expected = shipped.decide(order, context);
      PointsDecision actual = grid.decide(order, context);
      assertThat(actual.points()).as("points of %s with %s", order, context).isEqualTo(expected.points());
      assertThat(actual.contributions()).as("contributions of %s with %s", order, context)
          .isEqualTo(expected.contributions());
      rulesSeen.addAll(expected.rulesFired());
    }
    // the sample reached every rule of the shipped set
    assertThat(rulesSeen).contains("Base points", "Tier multiplier", "Birthday month multiplier", "First order bonus",
        "App channel bonus", "Category bonus books", "Category bonus fresh", "Daily cap");
  }

  @Test
  void theTiersGridDecidesLikeTheShippedDrlIncludingGracePeriodAndOverride() {
    TierRules shipped = new TierRules(ShippedRuleSets.tiers());
    TierRules grid = new TierRules(compiled("tiers"));
    Random random = new Random(11);
    Set<String> rulesSeen = new HashSet<>();
    for (int i = 0; i < 3000; i++) {
      String current = random.nextInt(10) == 0 ? null : TIERS[random.nextInt(TIERS.length)];
      BigDecimal spend = new BigDecimal(List.of("0", "1200.00", "1999.99", "2000", "7999.99", "8000", "19999.99", "20000",
          "35000.50").get(random.nextInt(9)));
      TierFact fact = new TierFact("c" + i, current, spend, random.nextInt(14));
      LocalDate lastUpgrade = random.nextInt(5) == 0 ? null : TODAY.minusDays(List.of(0, 30, 89, 90, 91, 200).get(random.nextInt(6)));
      TierContext context = random.nextInt(4) == 0
          ? new TierContext(TODAY, lastUpgrade, TIERS[random.nextInt(TIERS.length)], TODAY.plusDays(random.nextInt(3) - 1))
          : TierContext.on(TODAY, lastUpgrade);
      assertSame(shipped.decide(fact, context), grid.decide(fact, context), fact + " with " + context);
      assertSame(shipped.decide(fact), grid.decide(fact), fact + " without context");
      rulesSeen.addAll(shipped.decide(fact, context).rulesFired());
    }
    assertThat(rulesSeen).contains("BASIC entry tier", "SILVER on spend", "SILVER on order count", "GOLD on spend",
        "PLUS on spend", "Manual override", "Downgrade grace period");
  }

  private static void assertSame(TierDecision expected, TierDecision actual, String what) {
    assertThat(List.of(actual.tier(), actual.reason())).as(what).isEqualTo(List.of(expected.tier(), expected.reason()));
    assertThat(actual.rulesFired()).as(what).isEqualTo(expected.rulesFired());
  }

  private static CompiledRuleSet compiled(String ruleSet) {
    String drl = GridCompiler.toDrl(ruleSet, ShippedGrids.of(ruleSet).orElseThrow(), TableLimits.DEFAULT);
    return CompiledRuleSet.compile(ruleSet, "grid", List.of(new RuleSource(ruleSet + ".grid.csv", drl)));
  }

  private static OrderFact order(Random random, int i) {
    List<OrderLine> lines = new ArrayList<>();
    BigDecimal amount = BigDecimal.ZERO;
    int count = random.nextInt(4);
    for (int l = 0; l < count; l++) {
      String category = List.of("books", "fresh", "toys", "books").get(random.nextInt(4));
      BigDecimal paid = BigDecimal.valueOf(random.nextInt(80_000), 2); // 0.00 - 799.99: fractions round down
      lines.add(new OrderLine("sku" + l, category, paid, 1));
      amount = amount.add(paid);
    }
    if (lines.isEmpty()) {
      amount = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
    }
    String tier = random.nextInt(12) == 0 ? null : TIERS[random.nextInt(TIERS.length)];
    String channel = List.of("app", "web", "store").get(random.nextInt(3));
    return new OrderFact("c" + i, "o" + i, amount, tier, channel, lines);
  }

  private static String resource(String ruleSet) throws IOException {
    try (InputStream in = ShippedGridsTest.class.getClassLoader()
        .getResourceAsStream("io/engage/rules/" + ruleSet + "/" + ruleSet + ".grid.csv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
