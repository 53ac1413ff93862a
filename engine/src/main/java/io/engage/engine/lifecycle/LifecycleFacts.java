package io.engage.engine.lifecycle;

import java.time.Instant;

/** What the stage of one customer is decided on. */
record LifecycleFacts(
    String customerId, String timeZone, String tier, Instant firstPaidAt, Instant lastPaidAt, int paidOrders,
    Integer fScore, String currentStage, Instant pinnedAt) {}
