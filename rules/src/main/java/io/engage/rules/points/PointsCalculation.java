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
  private final List<Part> parts = new ArrayList<>(4);
  private long base;
  private long total;

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

  /** What the order spent in {@code category} (0 when nothing): rules match on it without a join. */
  public BigDecimal spentIn(String category) {
    // Orders have a handful of lines: scanning them beats building a map per order.
    BigDecimal spent = BigDecimal.ZERO;
    for (OrderLine line : order.lines()) {
      if (category.equals(line.category()) && line.amount() != null) {
        spent = spent.add(line.amount());
      }
    }
    return spent;
  }

  /** Base points: whole yuan of the paid amount. */
  public void awardBase(String rule, BigDecimal pointsPerYuan) {
    base = floor(order.amount().multiply(pointsPerYuan));
    add(BASE, rule, base, null, null, Shape.BASE);
  }

  /** Multiplies the base: the extra is its own contribution ("GOLD x1.5 +60"). */
  public void multiplyBase(String rule, BigDecimal factor) {
    multiplyBase(rule, order.tier(), factor);
  }

  /** Multiplies the base for a reason other than the tier ("birthday x2 +120"). */
  public void multiplyBase(String rule, String label, BigDecimal factor) {
    long extra = floor(BigDecimal.valueOf(base).multiply(factor.subtract(BigDecimal.ONE)));
    add(MULTIPLIER, rule, extra, label, factor, Shape.TIMES);
  }

  /** A share of the base on top ("app +6"), rounded down; nothing when it rounds to 0. */
  public void bonusOnBase(String rule, String label, BigDecimal share) {
    long bonus = floor(BigDecimal.valueOf(base).multiply(share));
    if (bonus > 0) {
      add(BONUS, rule, bonus, label, null, Shape.PLUS);
    }
  }

  /** A fixed bonus ("first order +100"). */
  public void bonus(String rule, String label, long points) {
    add(BONUS, rule, points, label, null, Shape.PLUS);
  }

  /**
   * Takes back what this order would earn above {@code cap} for the day, counting what the customer
   * already earned today; an order never goes below 0. Call it after every other rule: it caps the
   * total so far. Adds nothing when the cap is not reached.
   */
  public void capDaily(String rule, long cap) {
    long over = Math.min(total, Math.max(0, context.pointsEarnedToday() + total - cap));
    if (over > 0) {
      add(CAP, rule, -over, null, BigDecimal.valueOf(cap), Shape.CAP);
    }
  }

  /** A bonus on what was spent in one category ("books +60"), rounded down once per category. */
  public void bonusPerYuan(String rule, String category, BigDecimal spent, BigDecimal pointsPerYuan) {
    long bonus = floor(spent.multiply(pointsPerYuan));
    if (bonus > 0) {
      add(BONUS, rule, bonus, category, null, Shape.PLUS);
    }
  }

  /** The points so far: what a simulation needs, without building the explanation. */
  long total() {
    return total;
  }

  PointsDecision decision(String ruleSet, String version) {
    List<Contribution> ordered = parts.stream()
        .sorted(Comparator.comparingInt(Part::rank).thenComparing(Part::description))
        .map(part -> new Contribution(part.rule(), part.points(), part.description()))
        .toList();
    return new PointsDecision(ruleSet, version, order.customerId(), order.orderId(), total, ordered);
  }

  private void add(int rank, String rule, long points, String label, BigDecimal factor, Shape shape) {
    parts.add(new Part(rank, rule, points, label, factor, shape));
    total += points;
  }

  private static long floor(BigDecimal value) {
    return value.setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /**
   * One rule's share. Its text ("GOLD x1.5 +60") is only built when a decision is explained, so a
   * simulation that needs the totals alone does not pay for it.
   */
  private record Part(int rank, String rule, long points, String label, BigDecimal factor, Shape shape) {
    String description() {
      return switch (shape) {
        case BASE -> "base " + points;
        case TIMES -> label + " x" + factor.stripTrailingZeros().toPlainString() + " +" + points;
        case PLUS -> label + " +" + points;
        case CAP -> String.format(Locale.ROOT, "daily cap %,d −%d", factor.longValueExact(), -points);
      };
    }
  }

  /** How a part reads: "base 120", "GOLD x1.5 +60", "books +60", "daily cap 5,000 −40". */
  private enum Shape { BASE, TIMES, PLUS, CAP }
}
