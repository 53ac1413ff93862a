package io.engage.engine.loyalty;

import java.time.Instant;

/** Points earned by one decision: pending until {@code availableAt}, usable until {@code expiresAt}. */
record PointsLot(
    long id, String customerId, long earnLedgerId, String orderId, long pointsEarned, long pointsRemaining,
    Instant availableAt, Instant expiresAt) {}
