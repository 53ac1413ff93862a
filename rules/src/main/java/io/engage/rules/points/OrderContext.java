package io.engage.rules.points;

/**
 * What the points rules need to know about an order beyond the order itself, as the engine knows
 * it when the order is paid. {@code pointsEarnedToday} is what the customer had already earned
 * from orders that day before this one; the daily cap counts it in.
 */
public record OrderContext(boolean birthdayMonth, boolean firstOrder, long pointsEarnedToday) {

  /** No birthday, not a first order, nothing earned yet today: the rules behave as before contexts. */
  public static final OrderContext NONE = new OrderContext(false, false, 0);

  public OrderContext {
    if (pointsEarnedToday < 0) {
      throw new IllegalArgumentException("pointsEarnedToday must not be negative: " + pointsEarnedToday);
    }
  }
}
