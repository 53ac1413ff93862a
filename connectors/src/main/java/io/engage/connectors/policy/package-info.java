/**
 * Delivery policy around connectors, without Spring or a database: {@link
 * io.engage.connectors.policy.RetryPolicy} (exponential backoff, full jitter, provider retry-after),
 * {@link io.engage.connectors.policy.RateLimiter} (token bucket per provider), {@link
 * io.engage.connectors.policy.FailoverConnector} (primary to secondary of one channel) and {@link
 * io.engage.connectors.policy.DeliveryPipeline}, which applies all three and reports every attempt.
 * Idempotency across jobs and restarts is the caller's: the engine keeps one row per key.
 */
package io.engage.connectors.policy;
