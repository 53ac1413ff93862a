package io.engage.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ZERO);

  @Test
  void delaysGrowExponentiallyUnderAFullJitterCeiling() {
    Random random = new Random(7);
    long[] ceilings = {1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000};
    for (int failed = 1; failed <= ceilings.length; failed++) {
      long max = 0;
      long min = Long.MAX_VALUE;
      for (int i = 0; i < 2_000; i++) {
        long delay = policy.delayBeforeRetry(failed, null, random).toMillis();
        max = Math.max(max, delay);
        min = Math.min(min, delay);
      }
      assertThat(max).as("retry %d", failed).isLessThanOrEqualTo(ceilings[failed - 1])
          .isGreaterThan(ceilings[failed - 1] * 9 / 10);
      assertThat(min).as("retry %d", failed).isLessThan(ceilings[failed - 1] / 10);
    }
  }

  @Test
  void aProvidersRetryAfterIsHonouredEvenBeyondTheCap() {
    Duration delay = policy.delayBeforeRetry(1, Duration.ofMinutes(2), new Random(1));

    assertThat(delay).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void countsAttemptsIncludingTheFirst() {
    assertThat(policy.allowsAnotherAfter(4)).isTrue();
    assertThat(policy.allowsAnotherAfter(5)).isFalse();
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
