package io.engage.engine.loyalty;

import io.engage.rules.points.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A past paid order from an import file. */
public record ImportedOrder(
    String orderId, String customerId, BigDecimal amount, String currency, String channel, Instant placedAt,
    List<OrderLine> lines) {}
