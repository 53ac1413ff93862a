package io.engage.connectors.policy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: {@code permitsPerSecond} on average, bursts of up to {@code burst}. Thread-safe.
 * A caller that may wait reserves a permit ahead (the bucket goes into debt), so waiting callers
 * are served in order and the average rate holds under contention.
 */
public final class RateLimiter {

  private final double permitsPerNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  public RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoTime) {
    if (!(permitsPerSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("need a positive rate and a burst of at least 1");
    }
    this.permitsPerNano = permitsPerSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** A bucket on the system clock whose burst is one second's worth (at least 1). */
  public static RateLimiter perSecond(double permitsPerSecond) {
    return new RateLimiter(permitsPerSecond, (int) Math.max(1, Math.ceil(permitsPerSecond)), System::nanoTime);
  }

  public double permitsPerSecond() {
    return permitsPerNano * 1e9;
  }

  /** Takes a permit if one is free now. */
  public boolean tryAcquire() {
    return reserve(Duration.ZERO) != null;
  }

  /**
   * Takes a permit, waiting up to {@code maxWait} for it.
   *
   * @return false, having taken nothing, if no permit frees up within {@code maxWait}
   */
  public boolean acquire(Duration maxWait, Sleeper sleeper) throws InterruptedException {
    Duration wait = reserve(maxWait);
    if (wait == null) {
      return false;
    }
    sleeper.sleep(wait);
    return true;
  }

  /** How long until a permit is free (zero if one is free now). */
  public synchronized Duration timeUntilAvailable() {
    refill();
    return tokens >= 1 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil((1 - tokens) / permitsPerNano));
  }

  /** The wait for a reserved permit, or null (nothing reserved) when it would exceed maxWait. */
  private synchronized Duration reserve(Duration maxWait) {
    refill();
    long waitNanos = tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / permitsPerNano);
    if (waitNanos > maxWait.toNanos()) {
      return null;
    }
    tokens -= 1;
    return Duration.ofNanos(waitNanos);
  }

  private void refill() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - refilledAt) * permitsPerNano);
    refilledAt = now;
  }
}
