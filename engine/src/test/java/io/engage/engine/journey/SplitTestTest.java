package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The split is deterministic per (experiment, customer) and follows the percentages. */
class SplitTestTest {

  @Test
  void theSameCustomerInTheSameExperimentAlwaysGetsTheSameVariant() {
    SplitTest test = SplitTest.parse("welcome-subject", "A:50,B:50", "10", "Split");
    for (int i = 0; i < 1000; i++) {
      String customer = "c-" + i;
      assertThat(test.variantOf(SplitTest.bucket("welcome-subject", customer)))
          .isEqualTo(test.variantOf(SplitTest.bucket("welcome-subject", customer)));
    }
  }

  @Test
  void variantsAndTheHoldoutFollowThePercentages() {
    SplitTest test = SplitTest.parse("welcome-subject", "A:70,B:30", "10", "Split");
    Map<String, Integer> counts = new HashMap<>();
    int customers = 20_000;
    for (int i = 0; i < customers; i++) {
      counts.merge(test.variantOf(SplitTest.bucket("welcome-subject", "customer-" + i)), 1, Integer::sum);
    }
    assertThat(share(counts, "control", customers)).isBetween(0.09, 0.11);
    assertThat(share(counts, "A", customers)).isBetween(0.61, 0.65); // 70% of the 90% left
    assertThat(share(counts, "B", customers)).isBetween(0.25, 0.29);
  }

  @Test
  void anotherExperimentSplitsIndependently() {
    SplitTest first = SplitTest.parse("exp-1", "A:50,B:50", null, "Split");
    SplitTest second = SplitTest.parse("exp-2", "A:50,B:50", null, "Split");
    int same = 0;
    for (int i = 0; i < 10_000; i++) {
      String customer = "customer-" + i;
      if (first.variantOf(SplitTest.bucket("exp-1", customer)).equals(second.variantOf(SplitTest.bucket("exp-2", customer)))) {
        same++;
      }
    }
    assertThat(same).isBetween(4_700, 5_300);
  }

  @Test
  void badHeadersNameTheElement() {
    assertThatThrownBy(() -> SplitTest.parse("e", "A50,B:50", null, "SplitSubject")).hasMessageContaining("SplitSubject");
    assertThatThrownBy(() -> SplitTest.parse("e", "A:50", "100", "SplitSubject")).hasMessageContaining("holdout");
    assertThatThrownBy(() -> SplitTest.parse("e", "control:50", null, "SplitSubject")).hasMessageContaining("control");
  }

  private static double share(Map<String, Integer> counts, String variant, int total) {
    return counts.getOrDefault(variant, 0) / (double) total;
  }
}
