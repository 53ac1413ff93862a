package io.engage.connectors.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A clock that moves only when someone sleeps on it, and remembers every sleep. */
final class VirtualTime extends Clock implements Sleeper, LongSupplier {

  private final AtomicLong nanos = new AtomicLong();
  private final Instant origin = Instant.parse("2026-11-11T00:00:00Z");
  final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    nanos.addAndGet(duration.toNanos());
  }

  void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  @Override
  public long getAsLong() {
    return nanos.get();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return origin.plusNanos(nanos.get());
  }
}
