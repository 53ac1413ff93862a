package io.engage.engine.event;

import java.math.BigDecimal;
import java.util.List;

/** The data of an {@code order.placed} event: a paid order. */
public record OrderPlaced(String orderId, BigDecimal amount, String currency, String channel, List<Line> lines) {

  public record Line(String sku, String category, BigDecimal amount, int quantity) {}
}
