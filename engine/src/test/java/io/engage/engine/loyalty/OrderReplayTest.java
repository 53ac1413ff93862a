package io.engage.engine.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.EngineTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replayed orders keep their instant, lines and context exactly as stored. */
class OrderReplayTest extends EngineTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OrderReplay replay;

  @Test
  void theBirthdayMonthIsTheMonthInTheCustomersOwnZoneAndLinesSurvive() {
    jdbc.update("INSERT INTO customer (id, birthday, time_zone, locale, preferred_channel, tier, created_at, updated_at)"
        + " VALUES ('replay-c1', ?, 'Asia/Shanghai', 'zh-CN', 'EMAIL', 'BASIC', NOW(), NOW())",
        Date.valueOf(LocalDate.of(1990, 4, 12)));
    // 00:30 on 1 April in Shanghai, still 31 March in UTC; then 23:30 on 31 March in Shanghai.
    order("replay-o1", Instant.parse("2031-03-31T16:30:00Z"),
        "[{\"sku\":\"b-1\",\"category\":\"books\",\"amount\":12.50,\"quantity\":2},{\"sku\":\"f\",\"category\":\"fresh\",\"amount\":\"3.10\",\"quantity\":1}]");
    order("replay-o2", Instant.parse("2031-03-31T15:30:00Z"), "[]");

    List<OrderReplay.ReplayedOrder> replayed = new ArrayList<>();
    replay.orders(Instant.parse("2031-03-01T00:00:00Z"), Instant.parse("2031-05-01T00:00:00Z"), 10, replayed::addAll);

    OrderReplay.ReplayedOrder april = find(replayed, "replay-o1");
    OrderReplay.ReplayedOrder march = find(replayed, "replay-o2");
    assertThat(april.context().birthdayMonth()).isTrue();
    assertThat(march.context().birthdayMonth()).isFalse();
    assertThat(march.context().firstOrder()).isTrue();
    assertThat(april.context().firstOrder()).isFalse();
    assertThat(april.order().lines()).extracting(l -> l.category() + ":" + l.amount().toPlainString() + "x" + l.quantity())
        .containsExactly("books:12.50x2", "fresh:3.10x1");
  }

  private void order(String id, Instant placedAt, String lines) {
    jdbc.update("INSERT INTO customer_order (order_id, customer_id, event_id, amount, currency, channel, status, placed_at,"
        + " tier, line_items) VALUES (?, 'replay-c1', ?, 15.60, 'CNY', 'web', 'PAID', ?, 'BASIC', ?)",
        id, "ev-" + id, Timestamp.from(placedAt), lines);
  }

  private static OrderReplay.ReplayedOrder find(List<OrderReplay.ReplayedOrder> orders, String id) {
    return orders.stream().filter(o -> o.order().orderId().equals(id)).findFirst().orElseThrow();
  }
}
