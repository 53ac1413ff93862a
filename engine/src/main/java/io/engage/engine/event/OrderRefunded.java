package io.engage.engine.event;

import java.math.BigDecimal;

/** The data of an {@code order.refunded} event: part or all of a paid order was refunded. */
public record OrderRefunded(String orderId, BigDecimal amount, String reason) {}
