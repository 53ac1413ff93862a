package io.engage.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;

/** A paid order as Engage keeps it. */
public record Order(
    String orderId, String customerId, String eventId, BigDecimal amount, String currency, String channel,
    String status, Instant placedAt) {}
