package io.engage.connectors.policy;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a transient failure again. The n-th retry waits a random time between zero and
 * {@code min(maxDelay, initialDelay * 2^(n-1))} ("full jitter", so senders that failed together do
 * not retry together), and at least as long as the provider asked (Retry-After), even past
 * {@code maxDelay}: coming back sooner would only be throttled again.
 *
 * @param maxAttempts attempts in all, the first included; then the message fails with the last
 *     provider's reason
 * @param maxInlineWait how long {@link DeliveryPipeline#deliver} may wait between attempts in the
 *     calling thread; a longer wait is handed back to the caller as {@link Delivery.Status#RETRY_LATER}
 *     (the engine reschedules the job) so no worker thread sleeps for minutes
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration maxInlineWait) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (initialDelay == null || initialDelay.isNegative() || maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
      throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
    }
    maxInlineWait = maxInlineWait == null || maxInlineWait.isNegative() ? Duration.ZERO : maxInlineWait;
  }

  /** 6 attempts, 1 s doubling to at most 10 min, up to 3 s of waiting inline. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(3));
  }

  /** Whether a message that has had {@code attempts} attempts may have another. */
  public boolean allowsAnotherAfter(int attempts) {
    return attempts < maxAttempts;
  }

  /**
   * The wait before the next attempt after {@code failedAttempts} failures (1 for the first retry).
   *
   * @param retryAfter what the provider asked for, or null
   */
  public Duration delayBeforeRetry(int failedAttempts, Duration retryAfter, RandomGenerator random) {
    long capMillis = maxDelay.toMillis();
    long ceiling = initialDelay.toMillis();
    for (int i = 1; i < failedAttempts && ceiling < capMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, capMillis);
    Duration jittered = Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    return retryAfter != null && retryAfter.compareTo(jittered) > 0 ? retryAfter : jittered;
  }
}
