package io.engage.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stage thresholds, each on both sides, counted in the customer's own calendar. */
class StageRulesTest {

  private static final String SHANGHAI = "Asia/Shanghai";
  private static final String LOS_ANGELES = "America/Los_Angeles";
  private final StageRules rules = new StageRules(new LifecycleProperties(30, 90, new BigDecimal("1.5"), 180, 5,
      Set.of("GOLD", "PLUS"), ZoneId.of(SHANGHAI), "-", "-", SHANGHAI, 1000, 2));

  private static Instant local(String zone, String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  private static LifecycleFacts facts(String zone, Instant first, Instant last, int orders, Integer f, String tier) {
    return new LifecycleFacts("c", zone, tier, first, last, orders, f, null, null);
  }

  private LifecycleStage stage(LifecycleFacts facts, Instant now) {
    return rules.decide(facts, now).stage();
  }

  @Test
  void noPaidOrderIsPotential() {
    assertThat(stage(facts(SHANGHAI, null, null, 0, null, "BASIC"), Instant.now())).isEqualTo(LifecycleStage.POTENTIAL);
  }

  @Test
  void newForThirtyDaysThenActive() {
    Instant first = local(SHANGHAI, "2026-01-01T10:00");
    LifecycleFacts one = facts(SHANGHAI, first, first, 1, 1, "BASIC");
    assertThat(stage(one, local(SHANGHAI, "2026-01-30T23:59"))).isEqualTo(LifecycleStage.NEW); // day 29
    assertThat(stage(one, local(SHANGHAI, "2026-01-31T00:00"))).isEqualTo(LifecycleStage.ACTIVE); // day 30
  }

  @Test
  void loyalByFrequencyScoreOrTier() {
    Instant first = local(SHANGHAI, "2025-06-01T10:00");
    Instant last = local(SHANGHAI, "2026-01-01T10:00");
    Instant now = local(SHANGHAI, "2026-01-10T10:00");
    assertThat(stage(facts(SHANGHAI, first, last, 9, 5, "BASIC"), now)).isEqualTo(LifecycleStage.LOYAL);
    assertThat(stage(facts(SHANGHAI, first, last, 9, 4, "GOLD"), now)).isEqualTo(LifecycleStage.LOYAL);
    assertThat(stage(facts(SHANGHAI, first, last, 9, 4, "SILVER"), now)).isEqualTo(LifecycleStage.ACTIVE);
  }

  @Test
  void atRiskAfterNinetyDaysForAFrequentBuyer() {
    // orders every 10 days: 1.5 x 10 = 15 < 90, so the 90-day floor applies
    Instant first = local(SHANGHAI, "2025-01-01T12:00");
    Instant last = local(SHANGHAI, "2025-04-11T12:00"); // 100 days after first, 11 orders -> mean 10 days
    LifecycleFacts facts = facts(SHANGHAI, first, last, 11, 3, "BASIC");
    assertThat(stage(facts, local(SHANGHAI, "2025-07-10T23:59"))).isEqualTo(LifecycleStage.ACTIVE); // 90 days
    assertThat(stage(facts, local(SHANGHAI, "2025-07-11T00:00"))).isEqualTo(LifecycleStage.AT_RISK); // 91 days
  }

  @Test
  void atRiskWaitsForOneAndAHalfTimesTheCustomersOwnInterval() {
    // two orders 100 days apart: at risk only after 150 days
    Instant first = local(SHANGHAI, "2025-01-01T12:00");
    Instant last = local(SHANGHAI, "2025-04-11T12:00");
    LifecycleFacts facts = facts(SHANGHAI, first, last, 2, 2, "BASIC");
    assertThat(stage(facts, last.plusSeconds(86_400L * 120))).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(stage(facts, local(SHANGHAI, "2025-09-08T12:00"))).isEqualTo(LifecycleStage.ACTIVE); // 150 days
    assertThat(stage(facts, local(SHANGHAI, "2025-09-09T00:00"))).isEqualTo(LifecycleStage.AT_RISK); // 151 days
  }

  @Test
  void churnedAtOneHundredEightyDays() {
    Instant first = local(SHANGHAI, "2025-01-01T12:00");
    LifecycleFacts facts = facts(SHANGHAI, first, first, 1, 1, "BASIC");
    assertThat(stage(facts, local(SHANGHAI, "2025-06-29T23:59"))).isEqualTo(LifecycleStage.AT_RISK); // 179 days
    assertThat(stage(facts, local(SHANGHAI, "2025-06-30T00:00"))).isEqualTo(LifecycleStage.CHURNED); // 180 days
  }

  @Test
  void theSameInstantIsADifferentDayInShanghaiAndLosAngeles() {
    // The last order at 2025-01-01 20:00 UTC: 2 Jan 04:00 in Shanghai, 1 Jan 12:00 in Los Angeles.
    Instant last = Instant.parse("2025-01-01T20:00:00Z");
    // 2 Apr 2025 16:30 UTC: 3 Apr 00:30 in Shanghai (91 days after 2 Jan), 2 Apr 09:30 in LA (91 days after 1 Jan)
    Instant now = Instant.parse("2025-04-02T16:30:00Z");
    assertThat(stage(facts(SHANGHAI, last, last, 1, 1, "BASIC"), now)).isEqualTo(LifecycleStage.AT_RISK);
    assertThat(stage(facts(LOS_ANGELES, last, last, 1, 1, "BASIC"), now)).isEqualTo(LifecycleStage.AT_RISK);
    // 2 Apr 2025 15:59 UTC: 2 Apr 23:59 in Shanghai (90 days: not yet), 2 Apr 08:59 in LA (91 days: at risk)
    Instant beforeShanghaiMidnight = Instant.parse("2025-04-02T15:59:00Z");
    assertThat(stage(facts(SHANGHAI, last, last, 1, 1, "BASIC"), beforeShanghaiMidnight)).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(stage(facts(LOS_ANGELES, last, last, 1, 1, "BASIC"), beforeShanghaiMidnight)).isEqualTo(LifecycleStage.AT_RISK);
    // LA crosses at its own midnight: 1 Apr 23:59 PDT (90 days) vs 2 Apr 00:00 PDT (91 days)
    assertThat(stage(facts(LOS_ANGELES, last, last, 1, 1, "BASIC"), local(LOS_ANGELES, "2025-04-01T23:59"))).isEqualTo(LifecycleStage.ACTIVE);
    assertThat(stage(facts(LOS_ANGELES, last, last, 1, 1, "BASIC"), local(LOS_ANGELES, "2025-04-02T00:00"))).isEqualTo(LifecycleStage.AT_RISK);
  }

  @Test
  void aPinnedStageHoldsUntilTheNextPaidOrder() {
    Instant last = local(SHANGHAI, "2025-01-01T12:00");
    Instant pinned = local(SHANGHAI, "2025-05-01T12:00");
    LifecycleFacts pinnedChurned = new LifecycleFacts("c", SHANGHAI, "BASIC", last, last, 1, 1, "churned", pinned);
    assertThat(stage(pinnedChurned, local(SHANGHAI, "2025-05-02T12:00"))).isEqualTo(LifecycleStage.CHURNED);
    Instant newOrder = local(SHANGHAI, "2025-05-03T12:00");
    LifecycleFacts ordered = new LifecycleFacts("c", SHANGHAI, "BASIC", last, newOrder, 2, 1, "churned", pinned);
    assertThat(stage(ordered, local(SHANGHAI, "2025-05-04T12:00"))).isEqualTo(LifecycleStage.ACTIVE);
  }
}
