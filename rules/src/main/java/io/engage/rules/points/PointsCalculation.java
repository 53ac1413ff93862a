package io.engage.rules.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The working fact for one order inside a session. Rules read the order through the getters and
 * add their contribution through {@link #award}, {@link #multiplyBase} and {@link #bonusPerYuan};
 * nothing here is modified in a way that re-triggers rules.
 */
public final class PointsCalculation {

  private static final int BASE = 0;
  private static final int MULTIPLIER = 1;
  private static final int BONUS = 2;

  private final int key;
  private final OrderFact order;
  private final List<Ranked> contributions = new ArrayList<>();
  private long base;

  PointsCalculation(int key, OrderFact order) {
    this.key = key;
    this.order = order;
  }

  public int getKey() {
    return key;
  }

  public BigDecimal getAmount() {
    return order.amount();
  }

  public String getTier() {
    return order.tier();
  }

  public String getChannel() {
    return order.channel();
  }

  /** Base points: whole yuan of the paid amount. */
  public void awardBase(String rule, BigDecimal pointsPerYuan) {
    base = floor(order.amount().multiply(pointsPerYuan));
    contributions.add(new Ranked(BASE, new Contribution(rule, base, "base " + base)));
  }

  /** Multiplies the base: the extra is its own contribution ("GOLD x1.5 +60"). */
  public void multiplyBase(String rule, BigDecimal factor) {
    long extra = floor(BigDecimal.valueOf(base).multiply(factor.subtract(BigDecimal.ONE)));
    contributions.add(new Ranked(MULTIPLIER, new Contribution(rule, extra,
        order.tier() + " x" + factor.stripTrailingZeros().toPlainString() + " +" + extra)));
  }

  /** A bonus on what was spent in one category ("books +60"), rounded down once per category. */
  public void bonusPerYuan(String rule, String category, BigDecimal spent, BigDecimal pointsPerYuan) {
    long bonus = floor(spent.multiply(pointsPerYuan));
    if (bonus > 0) {
      contributions.add(new Ranked(BONUS, new Contribution(rule, bonus, category + " +" + bonus)));
    }
  }

  PointsDecision decision(String ruleSet, String version) {
    List<Contribution> ordered = contributions.stream()
        .sorted(Comparator.comparingInt(Ranked::rank).thenComparing(r -> r.contribution().description()))
        .map(Ranked::contribution)
        .toList();
    long total = ordered.stream().mapToLong(Contribution::points).sum();
    return new PointsDecision(ruleSet, version, order.customerId(), order.orderId(), total, ordered);
  }

  private static long floor(BigDecimal value) {
    return value.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private record Ranked(int rank, Contribution contribution) {}
}
