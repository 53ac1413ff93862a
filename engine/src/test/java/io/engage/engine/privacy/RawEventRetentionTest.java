package io.engage.engine.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.engage.engine.Api;
import io.engage.engine.EngineTest;
import io.engage.engine.loyalty.Loyalty;
import io.engage.engine.platform.time.AdjustableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Raw events go after the retention period; the order and the points derived from them stay. */
class RawEventRetentionTest extends EngineTest {

  @Autowired RawEventRetention retention;
  @Autowired Loyalty loyalty;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ((AdjustableClock) clock).reset();
  }

  private void order(String eventId, String orderId) {
    assertThat(new Api(port).postEvents("""
        {"eventId":"%s","customerId":"ret-1","type":"order.placed","occurredAt":"%s",
         "data":{"orderId":"%s","amount":"120.00","lines":[{"sku":"s","category":"books","amount":"120.00","quantity":1}]}}"""
        .formatted(eventId, Instant.now(), orderId)).status()).isEqualTo(202);
  }

  private int events(String eventId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM event WHERE event_id = ?", Integer.class, eventId);
  }

  @Test
  void deletesRawEventsOlderThanTheRetentionPeriodAndKeepsWhatWasDerived() throws InterruptedException {
    order("ret-old", "ret-o-1");
    await().atMost(Duration.ofSeconds(30)).until(() -> loyalty.orders("ret-1", 10).size() == 1 && loyalty.balance("ret-1") > 0
        // The journey row is enqueued once the domain work is done; until it is done too the event is kept.
        && jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE event_id = 'ret-old' AND topic = 'journey' AND status = 'DONE'",
            Integer.class) == 1
        && jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE event_id = 'ret-old' AND status <> 'DONE'", Integer.class) == 0);
    // received_at may hold whole seconds only (the driver drops fractions on MariaDB 10.x, rounding
    // them), so the instant between the two events is more than a second from either.
    Thread.sleep(1_100);
    Instant between = Instant.now();
    Thread.sleep(1_100);
    order("ret-new", "ret-o-2");
    await().atMost(Duration.ofSeconds(30)).until(() -> loyalty.orders("ret-1", 10).size() == 2);
    long points = loyalty.balance("ret-1");

    ((AdjustableClock) clock).set(between.plus(Duration.ofDays(399)));
    retention.purge();
    assertThat(events("ret-old")).isEqualTo(1);

    ((AdjustableClock) clock).set(between.plus(Duration.ofDays(400)));
    assertThat(retention.purge()).isPositive();
    assertThat(events("ret-old")).as(() -> "cutoff " + between + ", kept: "
        + jdbc.queryForList("SELECT received_at FROM event WHERE event_id = 'ret-old'") + " outbox "
        + jdbc.queryForList("SELECT topic, status FROM outbox WHERE event_id = 'ret-old'")).isZero();
    assertThat(events("ret-new")).isEqualTo(1);
    assertThat(loyalty.orders("ret-1", 10)).hasSize(2);
    assertThat(loyalty.balance("ret-1")).isEqualTo(points);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_ledger WHERE customer_id = 'ret-1'", Integer.class)).isPositive();
  }
}
