package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.Instant;

/** A customer's paid orders in aggregate: first and last, how many, how much (net of refunds). */
public record OrderStats(String customerId, Instant firstPaidAt, Instant lastPaidAt, int paidOrders, BigDecimal paidAmount) {}
