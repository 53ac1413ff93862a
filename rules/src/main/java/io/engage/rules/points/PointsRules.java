package io.engage.rules.points;

import io.engage.rules.CompiledRuleSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides the points for paid orders with a compiled points rule set. A batch runs in one new
 * stateless session (the fastest way, see STACK.md); safe to call from many threads.
 */
public final class PointsRules {

  private final CompiledRuleSet ruleSet;
  private final boolean matchesCategorySpend;

  public PointsRules(CompiledRuleSet ruleSet) {
    this.ruleSet = ruleSet;
    this.matchesCategorySpend = ruleSet.matches(CategorySpend.class);
  }

  /** Without context: no birthday, not a first order, nothing earned yet today. */
  public PointsDecision decide(OrderFact order) {
    return decide(order, OrderContext.NONE);
  }

  public PointsDecision decide(OrderFact order, OrderContext context) {
    return decideAll(List.of(order), List.of(context)).getFirst();
  }

  /** One decision per order, in the order given, each with {@link OrderContext#NONE}. */
  public List<PointsDecision> decideAll(List<OrderFact> orders) {
    return decideAll(orders, Collections.nCopies(orders.size(), OrderContext.NONE));
  }

  /**
   * One decision per order, in the order given; {@code contexts.get(i)} belongs to
   * {@code orders.get(i)}. Orders are decided independently: the daily cap counts only the
   * context's {@code pointsEarnedToday}, never other orders of the same batch, so a caller that
   * replays several orders of one customer and day must carry the running total itself.
   */
  public List<PointsDecision> decideAll(List<OrderFact> orders, List<OrderContext> contexts) {
    return calculate(orders, contexts).stream()
        .map(calculation -> calculation.decision(ruleSet.name(), ruleSet.version()))
        .toList();
  }

  /**
   * The points of each order, as {@link #decideAll} decides them, without their explanations: for
   * simulations, which compare totals over many orders and explain none of them.
   */
  public long[] pointsOf(List<OrderFact> orders, List<OrderContext> contexts) {
    List<PointsCalculation> calculations = calculate(orders, contexts);
    long[] points = new long[calculations.size()];
    for (int i = 0; i < points.length; i++) {
      points[i] = calculations.get(i).total();
    }
    return points;
  }

  private List<PointsCalculation> calculate(List<OrderFact> orders, List<OrderContext> contexts) {
    if (orders.size() != contexts.size()) {
      throw new IllegalArgumentException(orders.size() + " orders but " + contexts.size() + " contexts");
    }
    List<PointsCalculation> calculations = new ArrayList<>(orders.size());
    List<Object> facts = new ArrayList<>(orders.size() * 2);
    for (int key = 0; key < orders.size(); key++) {
      OrderFact order = orders.get(key);
      PointsCalculation calculation = new PointsCalculation(key, order,
          Objects.requireNonNull(contexts.get(key), "context of order " + order.orderId()));
      calculations.add(calculation);
      facts.add(calculation);
      // Versions written before PointsCalculation.spentIn join CategorySpend facts; the others
      // would only pay for inserting them.
      if (matchesCategorySpend) {
        spendByCategory(order).forEach((category, amount) -> facts.add(new CategorySpend(calculation.getKey(), category, amount)));
      }
    }
    ruleSet.newSession().execute(facts);
    return calculations;
  }

  static Map<String, BigDecimal> spendByCategory(OrderFact order) {
    Map<String, BigDecimal> spend = new TreeMap<>();
    for (OrderLine line : order.lines()) {
      if (line.category() != null && line.amount() != null) {
        spend.merge(line.category(), line.amount(), BigDecimal::add);
      }
    }
    return spend;
  }
}
