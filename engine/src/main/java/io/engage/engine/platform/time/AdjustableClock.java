package io.engage.engine.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock (the system's, or the embedded Zeebe engine's) which tests can stop at an instant and
 * move (scheduled scans, lifecycle thresholds). Only present when
 * {@code engage.clock.adjustable=true} (the test profile).
 */
public final class AdjustableClock extends Clock {

  private final Clock base;
  private volatile Instant fixed;

  public AdjustableClock() {
    this(Clock.systemUTC());
  }

  /** Follows {@code base} until {@link #set} stops it. */
  public AdjustableClock(Clock base) {
    this.base = base;
  }

  public void set(Instant instant) {
    this.fixed = instant;
  }

  /** Back to the system's time. */
  public void reset() {
    this.fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant at = fixed;
    return at != null ? at : base.instant();
  }
}
