package io.engage.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void allowsTheBurstThenRefillsAtTheRate() {
    VirtualTime time = new VirtualTime();
    RateLimiter limiter = new RateLimiter(10, 3, time);

    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
    assertThat(limiter.timeUntilAvailable()).isEqualTo(Duration.ofMillis(100));

    time.advance(Duration.ofMillis(100));
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();

    time.advance(Duration.ofSeconds(10));
    int taken = 0;
    while (limiter.tryAcquire()) {
      taken++;
    }
    assertThat(taken).as("never more than the burst after idling").isEqualTo(3);
  }

  @Test
  void waitingCallersReserveInTurnAndGiveUpBeyondTheirWait() throws InterruptedException {
    VirtualTime time = new VirtualTime();
    RateLimiter limiter = new RateLimiter(5, 1, time);
    Sleeper noSleep = d -> time.sleeps.add(d);

    assertThat(limiter.acquire(Duration.ZERO, noSleep)).isTrue();
    assertThat(limiter.acquire(Duration.ofMillis(500), noSleep)).isTrue();
    assertThat(limiter.acquire(Duration.ofMillis(500), noSleep)).isTrue();
    assertThat(limiter.acquire(Duration.ofMillis(500), noSleep)).as("third in line would wait 600 ms").isFalse();
    assertThat(time.sleeps).containsExactly(Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void concurrentCallersNeverExceedTheRate() throws Exception {
    AtomicLong clock = new AtomicLong();
    RateLimiter limiter = new RateLimiter(1_000, 10, clock::get);
    List<Callable<Integer>> workers = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      workers.add(() -> {
        int granted = 0;
        for (int i = 0; i < 5_000; i++) {
          if (limiter.tryAcquire()) {
            granted++;
          }
          clock.addAndGet(12_500); // 8 threads x 5,000 steps x 12.5 us = 0.5 s of virtual time
        }
        return granted;
      });
    }
    int granted = 0;
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> result : pool.invokeAll(workers)) {
        granted += result.get();
      }
    }
    // 0.5 s at 1,000/s plus the initial burst of 10.
    assertThat(granted).isLessThanOrEqualTo(510).isGreaterThan(450);
  }
}
