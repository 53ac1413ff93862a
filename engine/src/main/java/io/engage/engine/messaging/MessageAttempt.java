package io.engage.engine.messaging;

import java.time.Instant;

/**
 * One call to one provider for a message: which provider, what it said, how long it took.
 *
 * @param attempt the delivery round (a failover to a secondary shares the primary's round)
 * @param recipientRef which of the customer's devices a push went to (device id); null otherwise
 * @param outcome {@code SENT}, {@code TRANSIENT_FAILURE} or {@code PERMANENT_FAILURE}
 * @param failure the kind of failure (CONNECTION, TIMEOUT, THROTTLED, INVALID_RECIPIENT, ...)
 */
public record MessageAttempt(long id, long messageId, int attempt, String provider, String recipientRef,
    String outcome, String failure, String reason, String providerMessageId, long durationMs, Instant attemptedAt) {}
