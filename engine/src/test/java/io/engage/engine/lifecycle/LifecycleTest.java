package io.engage.engine.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.event.Events;
import io.engage.engine.platform.time.AdjustableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Stages move on orders at once and on time in the daily zone run, each change published once. */
class LifecycleTest extends EngineTest {

  @Autowired Lifecycle lifecycle;
  @Autowired Events events;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ((AdjustableClock) clock).reset();
  }

  private Api api() {
    return new Api(port);
  }

  private String stageOf(String id) {
    return lifecycle.stage(id).map(CustomerStage::stage).orElse(null);
  }

  @Test
  void anOrderMovesACustomerAtOnceAndTheChangeIsPublished() {
    String id = "lc-order-1";
    Instant now = Instant.now();
    assertThat(api().postEvents("""
        {"eventId":"lc-reg-1","customerId":"%s","type":"customer.registered","occurredAt":"%s",
         "data":{"timeZone":"America/Los_Angeles"}}""".formatted(id, now.minusSeconds(60))).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "potential".equals(stageOf(id)));
    assertThat(api().postEvents("""
        {"eventId":"lc-ord-1","customerId":"%s","type":"order.placed","occurredAt":"%s",
         "data":{"orderId":"lc-o-1","amount":"88.00","lines":[{"sku":"b1","category":"books","amount":"88.00"}]}}"""
        .formatted(id, now)).status()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(20)).until(() -> "new".equals(stageOf(id)));

    List<StageHistoryEntry> history = lifecycle.history(id, 10);
    assertThat(history).extracting(StageHistoryEntry::toStage).containsExactly("new", "potential");
    assertThat(history.getLast().eventId()).as("the first assessment is not published").isNull();
    String eventId = history.getFirst().eventId();
    assertThat(eventId).isNotNull();
    var event = events.get(eventId);
    assertThat(event.type().wireName()).isEqualTo("lifecycle.changed");
    assertThat(event.live()).isTrue();
    assertThat(event.data().path("stage").asText()).isEqualTo("new");
    assertThat(event.data().path("previousStage").asText()).isEqualTo("potential");
    assertThat(history.getFirst().reason()).contains("order.placed");
  }

  @Test
  void integratorsCannotSendLifecycleEvents() {
    Api.Response response = api().postEvents("""
        {"eventId":"lc-fake","customerId":"x","type":"lifecycle.changed","occurredAt":"2026-01-01T00:00:00Z","data":{}}""");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("produced by the engine");
  }

  @Test
  void theDailyRunMovesEachZoneAtItsOwnMidnight() {
    Instant last = Instant.parse("2025-01-01T20:00:00Z"); // 2 Jan in Shanghai, 1 Jan in Los Angeles
    insert("lc-tz-sh", "Asia/Shanghai", last);
    insert("lc-tz-la", "America/Los_Angeles", last);
    AdjustableClock time = (AdjustableClock) clock;
    time.set(Instant.parse("2025-01-05T00:00:00Z"));
    lifecycle.reassess(List.of("lc-tz-sh", "lc-tz-la"), "test", Lifecycle.Publish.YES);
    jdbc.update("DELETE FROM lifecycle_zone_run");
    lifecycle.runDueZones();
    assertThat(stageOf("lc-tz-sh")).isEqualTo("new");

    // 2 Apr 15:59 UTC: LA is past its midnight (91 days), Shanghai is one minute short of it (90 days)
    time.set(Instant.parse("2025-04-02T15:59:00Z"));
    assertThat(lifecycle.runDueZones()).contains("Asia/Shanghai", "America/Los_Angeles");
    assertThat(stageOf("lc-tz-la")).isEqualTo("at-risk");
    assertThat(stageOf("lc-tz-sh")).isEqualTo("active");
    assertThat(lifecycle.runDueZones()).as("each zone once per local day").doesNotContain("America/Los_Angeles");

    time.set(Instant.parse("2025-04-02T16:00:00Z")); // Shanghai midnight
    assertThat(lifecycle.runDueZones()).contains("Asia/Shanghai").doesNotContain("America/Los_Angeles");
    assertThat(stageOf("lc-tz-sh")).isEqualTo("at-risk");
    StageHistoryEntry change = lifecycle.history("lc-tz-sh", 1).getFirst();
    assertThat(change.fromStage()).isEqualTo("active");
    assertThat(change.reason()).contains("no paid order for 91 days");
    assertThat(events.get(change.eventId()).data().path("stage").asText()).isEqualTo("at-risk");
  }

  @Test
  void aJourneySetsAndPinsTheStageOnce() {
    Instant last = Instant.now().minus(Duration.ofDays(100));
    insert("lc-pin", "Asia/Shanghai", last);
    lifecycle.reassess(List.of("lc-pin"), "test", Lifecycle.Publish.YES);
    assertThat(stageOf("lc-pin")).isEqualTo("at-risk");
    assertThat(lifecycle.setStage("lc-pin", LifecycleStage.CHURNED, "journey win-back")).isTrue();
    assertThat(lifecycle.setStage("lc-pin", LifecycleStage.CHURNED, "journey win-back")).isFalse();
    lifecycle.reassess(List.of("lc-pin"), "daily run", Lifecycle.Publish.YES);
    assertThat(stageOf("lc-pin")).as("pinned until the next order").isEqualTo("churned");
    assertThat(lifecycle.history("lc-pin", 1).getFirst().reason()).isEqualTo("journey win-back");
  }

  @Test
  void theFullRunAndTheZoneRunDecideAlikeAndPublishOnlyRealChanges() {
    String id = "lc-same";
    insert(id, "Asia/Shanghai", Instant.parse("2025-01-01T20:00:00Z")); // 2 Jan in Shanghai
    AdjustableClock time = (AdjustableClock) clock;
    time.set(Instant.parse("2025-01-05T00:00:00Z"));
    lifecycle.reassess(List.of(id), "test", Lifecycle.Publish.YES);
    assertThat(stageOf(id)).isEqualTo("new");

    time.set(Instant.parse("2025-04-03T00:00:00Z")); // 3 Apr in Shanghai: 91 days without an order
    Lifecycle.RunResult full = lifecycle.assessAll();
    assertThat(full.changed()).isPositive();
    assertThat(stageOf(id)).isEqualTo("at-risk");
    jdbc.update("DELETE FROM lifecycle_zone_run");
    assertThat(lifecycle.runDueZones()).contains("Asia/Shanghai");
    assertThat(lifecycle.history(id, 10)).as("the zone run decided the same and wrote nothing")
        .extracting(StageHistoryEntry::toStage).containsExactly("at-risk", "new");
    assertThat(changedEvents(id)).isEqualTo(1);

    // A decision made from a stage that is no longer current (another run changed it in between) is dropped.
    Instant now = clock.instant();
    int written = lifecycle.write(List.of(new LifecycleMapper.StageChange(id, "new", "churned", "stale read", "lifecycle:stale",
        now, null)), Lifecycle.Publish.YES);
    assertThat(written).isZero();
    assertThat(stageOf(id)).isEqualTo("at-risk");
    assertThat(lifecycle.history(id, 10)).hasSize(2);
    assertThat(changedEvents(id)).isEqualTo(1);
  }

  private int changedEvents(String customerId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE customer_id = ? AND type = 'lifecycle.changed'", Integer.class,
        customerId);
  }

  private void insert(String id, String zone, Instant lastPaid) {
    jdbc.update("INSERT INTO customer (id, time_zone, locale, preferred_channel, tier, created_at, updated_at)"
        + " VALUES (?, ?, 'zh-CN', 'EMAIL', 'BASIC', NOW(3), NOW(3))", id, zone);
    jdbc.update("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status, placed_at, line_items)"
        + " VALUES (?, ?, ?, 10.00, 'CNY', 'web', 'PAID', ?, '[]')", id + "-o", id, id + "-e", java.sql.Timestamp.from(lastPaid));
    jdbc.update("INSERT INTO customer_order_stats (customer_id, first_paid_at, last_paid_at, paid_orders, paid_amount, refreshed_at)"
        + " VALUES (?, ?, ?, 1, 10.00, NOW(3))", id, java.sql.Timestamp.from(lastPaid), java.sql.Timestamp.from(lastPaid));
  }
}
