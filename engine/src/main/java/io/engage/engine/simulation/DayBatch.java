package io.engage.engine.simulation;

import io.engage.engine.loyalty.OrderReplay.ReplayedOrder;
import io.engage.rules.points.OrderContext;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.PointsRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch of replayed orders decided as the ledger decided them one by one: an order's daily cap
 * counts what the customer's earlier orders that business day earned under the same version. Two
 * orders of one customer and day in a batch are decided in successive rounds (nearly every batch
 * needs one round); across batches, {@link CustomerReplay} carries the day's running total.
 * Orders of a day are counted in the order they are read; for a cap on the day's sum, as shipped,
 * the day's total is the same in any order.
 */
final class DayBatch {

  private final List<ReplayedOrder> orders;
  private final CustomerReplay[] customers;
  private final int[] slots;
  private final int[] rounds;
  private final int lastRound;

  private DayBatch(List<ReplayedOrder> orders, CustomerReplay[] customers, int[] slots, int[] rounds, int lastRound) {
    this.orders = orders;
    this.customers = customers;
    this.slots = slots;
    this.rounds = rounds;
    this.lastRound = lastRound;
  }

  /**
   * Counts the batch's orders into their customers' sums and assigns the rounds. Runs before
   * either version decides the batch: both then only write their own version's columns.
   */
  static DayBatch of(List<ReplayedOrder> batch, Map<String, CustomerReplay> byCustomer, long batchNumber) {
    int n = batch.size();
    CustomerReplay[] customers = new CustomerReplay[n];
    int[] slots = new int[n];
    int[] rounds = new int[n];
    int lastRound = 0;
    for (int i = 0; i < n; i++) {
      ReplayedOrder order = batch.get(i);
      CustomerReplay customer = byCustomer.computeIfAbsent(order.order().customerId(), id -> new CustomerReplay());
      customer.orders++;
      customers[i] = customer;
      slots[i] = customer.slotOf(order.businessDay());
      rounds[i] = customer.nextRound(slots[i], batchNumber);
      lastRound = Math.max(lastRound, rounds[i]);
    }
    return new DayBatch(batch, customers, slots, rounds, lastRound);
  }

  /** Decides every order of the batch under {@code rules}, adding the points to {@code version}'s sums. */
  void decide(PointsRules rules, int version) {
    for (int round = 0; round <= lastRound; round++) {
      List<Integer> members = new ArrayList<>(round == 0 ? orders.size() : 16);
      List<OrderFact> facts = new ArrayList<>(round == 0 ? orders.size() : 16);
      List<OrderContext> contexts = new ArrayList<>(round == 0 ? orders.size() : 16);
      for (int i = 0; i < orders.size(); i++) {
        if (rounds[i] != round) {
          continue;
        }
        ReplayedOrder order = orders.get(i);
        long earnedToday = Math.max(0, customers[i].earned(slots[i], version));
        OrderContext context = order.context();
        members.add(i);
        facts.add(order.order());
        contexts.add(earnedToday == 0 ? context
            : new OrderContext(context.birthdayMonth(), context.firstOrder(), earnedToday));
      }
      long[] points = rules.pointsOf(facts, contexts);
      for (int k = 0; k < points.length; k++) {
        int i = members.get(k);
        customers[i].earn(slots[i], version, points[k]);
      }
    }
  }
}
