package io.engage.engine.simulation;

import java.util.Arrays;

/**
 * One customer's running sums in a points simulation: orders, points under each version, and per
 * business day what that day's orders earned under each version, which the daily cap of the next
 * order that day counts against (as the ledger's did when the order was placed).
 *
 * <p>Days are kept in a flat array (day, earned by the active version, earned by the draft, batch
 * tag) rather than a map: a year of orders for a million customers is millions of days, and
 * orders mostly arrive in time order, so the searched day is nearly always the last one.
 */
final class CustomerReplay {

  static final int ACTIVE = 1;
  static final int DRAFT = 2;
  private static final int DAY = 0;
  private static final int TAG = 3;
  private static final int WIDTH = 4;

  long orders;
  long activePoints;
  long draftPoints;
  private long[] days = new long[WIDTH];
  private int used;

  /** The slot of {@code epochDay}, added if new. */
  int slotOf(long epochDay) {
    for (int slot = used - 1; slot >= 0; slot--) {
      if (days[slot * WIDTH + DAY] == epochDay) {
        return slot;
      }
    }
    if ((used + 1) * WIDTH > days.length) {
      days = Arrays.copyOf(days, days.length * 2);
    }
    days[used * WIDTH + DAY] = epochDay;
    return used++;
  }

  /**
   * The round within batch {@code batch} in which an order of this slot's day is decided: the
   * first order of the day in the batch goes in round 0, the second in round 1 (after the first
   * has earned), and so on. Batches are numbered from 1.
   */
  int nextRound(int slot, long batch) {
    long tag = days[slot * WIDTH + TAG];
    int round = (tag >>> 20) == batch ? (int) (tag & 0xFFFFF) : 0;
    days[slot * WIDTH + TAG] = (batch << 20) | (round + 1);
    return round;
  }

  /** What orders of the slot's day earned so far under {@code version} (ACTIVE or DRAFT). */
  long earned(int slot, int version) {
    return days[slot * WIDTH + version];
  }

  void earn(int slot, int version, long points) {
    days[slot * WIDTH + version] += points;
    if (version == ACTIVE) {
      activePoints += points;
    } else {
      draftPoints += points;
    }
  }
}
