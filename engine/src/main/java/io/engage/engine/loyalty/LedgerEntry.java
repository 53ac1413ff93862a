package io.engage.engine.loyalty;

import java.time.Instant;
import java.util.List;

/** One points movement and why it happened. */
public record LedgerEntry(
    long id,
    String customerId,
    String kind,
    long points,
    String sourceEventId,
    String orderId,
    String ruleSet,
    String ruleSetVersion,
    String explanation,
    List<String> rulesFired,
    Instant createdAt) {}
