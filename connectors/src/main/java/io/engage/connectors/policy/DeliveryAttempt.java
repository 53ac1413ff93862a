package io.engage.connectors.policy;

import io.engage.connectors.Channel;
import io.engage.connectors.DeliveryResult;
import java.time.Duration;
import java.time.Instant;

/**
 * One call to one provider for one message, as the engine records it.
 *
 * @param attempt the round this call belongs to, counted from 1 over the message's whole life
 *     (calls to a secondary after a primary's failure share the round)
 * @param result what the provider answered, with {@link DeliveryResult#provider()} set
 */
public record DeliveryAttempt(String idempotencyKey, Channel channel, String provider, int attempt,
    DeliveryResult result, Instant startedAt, Duration duration) {}
