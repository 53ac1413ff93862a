package io.engage.connectors.policy;

import java.time.Duration;

/** Waits; tests pass a virtual clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

  void sleep(Duration duration) throws InterruptedException;

  Sleeper SYSTEM = duration -> {
    if (!duration.isZero() && !duration.isNegative()) {
      Thread.sleep(duration);
    }
  };
}
