package io.engage.rules.points;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The working fact for one order inside a session. Rules read the order and its context through
 * the getters and add their contribution through the other methods; nothing here is modified in a
 * way that re-triggers rules. Contributions are listed base first, then multipliers, then bonuses,
 * then the daily cap, whatever order the rules fired in.
 */
public final class PointsCalculation {

  private static final int BASE = 0;
  private static final int MULTIPLIER = 1;
  private static final int BONUS = 2;
  private static final int CAP = 3;

  private final int key;
  private final OrderFact order;
  private final OrderContext context;
  private final List<Ranked> contributions = new ArrayList<>();
  private long base;

  PointsCalculation(int key, OrderFact order, OrderContext context) {
    this.key = key;
    this.order = order;
    this.context = context;
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

  public boolean isBirthdayMonth() {
    return context.birthdayMonth();
  }

  public boolean isFirstOrder() {
    return context.firstOrder();
  }

  public long getPointsEarnedToday() {
    return context.pointsEarnedToday();
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

  /** Multiplies the base for a reason other than the tier ("birthday x2 +120"). */
  public void multiplyBase(String rule, String label, BigDecimal factor) {
    long extra = floor(BigDecimal.valueOf(base).multiply(factor.subtract(BigDecimal.ONE)));
    contributions.add(new Ranked(MULTIPLIER, new Contribution(rule, extra,
        label + " x" + factor.stripTrailingZeros().toPlainString() + " +" + extra)));
  }

  /** A share of the base on top ("app +6"), rounded down; nothing when it rounds to 0. */
  public void bonusOnBase(String rule, String label, BigDecimal share) {
    long bonus = floor(BigDecimal.valueOf(base).multiply(share));
    if (bonus > 0) {
      contributions.add(new Ranked(BONUS, new Contribution(rule, bonus, label + " +" + bonus)));
    }
  }

  /** A fixed bonus ("first order +100"). */
  public void bonus(String rule, String label, long points) {
    contributions.add(new Ranked(BONUS, new Contribution(rule, points, label + " +" + points)));
  }

  /**
   * Takes back what this order would earn above {@code cap} for the day, counting what the customer
   * already earned today; an order never goes below 0. Call it after every other rule: it caps the
   * total so far. Adds nothing when the cap is not reached.
   */
  public void capDaily(String rule, long cap) {
    long earned = total();
    long over = Math.min(earned, Math.max(0, context.pointsEarnedToday() + earned - cap));
    if (over > 0) {
      contributions.add(new Ranked(CAP, new Contribution(rule, -over,
          String.format(Locale.ROOT, "daily cap %,d −%d", cap, over))));
    }
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

  private long total() {
    return contributions.stream().mapToLong(r -> r.contribution().points()).sum();
  }

  private static long floor(BigDecimal value) {
    return value.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  private record Ranked(int rank, Contribution contribution) {}
}
