package io.engage.rules.points;

import java.math.BigDecimal;
import java.util.List;

/** A paid order as the points rules see it; {@code tier} is the customer's tier when ordering. */
public record OrderFact(
    String customerId, String orderId, BigDecimal amount, String tier, String channel, List<OrderLine> lines) {

  public OrderFact {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }
}
