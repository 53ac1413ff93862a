package io.engage.engine.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.engine.EngineTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** An outage of the system behind a topic delays its work and loses none of it. */
class OutboxRelayTest extends EngineTest {

  @Autowired OutboxMapper mapper;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void retriesWithBackoffThroughAnOutageAndThenCompletes() {
    AtomicInteger calls = new AtomicInteger();
    OutboxHandler flaky = new OutboxHandler() {
      @Override
      public String topic() {
        return "test-outage";
      }

      @Override
      public void handle(String eventId) {
        if (calls.incrementAndGet() <= 3) {
          throw new IllegalStateException("UNAVAILABLE: gateway down");
        }
      }

      @Override
      public boolean parksAfterRepeatedFailures() {
        return false;
      }
    };
    OutboxRelay relay = new OutboxRelay(mapper, new StaticListableBeanFactory().getBeanProvider(OutboxHandler.class),
        transactions, new OutboxProperties(Duration.ofMillis(50), 2), new SimpleMeterRegistry());
    transactions.executeWithoutResult(status -> mapper.insert("test-outage", "outage-event-1", java.time.Instant.now()));

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(relay.handleNext(flaky)).isTrue();
      assertThat(status()).isEqualTo("PENDING");
      assertThat(relay.handleNext(flaky)).as("backing off, not due yet").isFalse();
      jdbc.update("UPDATE outbox SET next_attempt_at = '2000-01-01 00:00:00' WHERE event_id = 'outage-event-1'");
    }
    assertThat(relay.handleNext(flaky)).isTrue();
    assertThat(status()).isEqualTo("DONE");
    assertThat(jdbc.queryForObject("SELECT attempts FROM outbox WHERE event_id = 'outage-event-1'", Integer.class)).isEqualTo(4);
    assertThat(calls.get()).isEqualTo(4);
  }

  @Test
  void parksWorkThatKeepsFailingWhenTheHandlerAsksForIt() {
    OutboxHandler broken = new OutboxHandler() {
      @Override
      public String topic() {
        return "test-broken";
      }

      @Override
      public void handle(String eventId) {
        throw new IllegalArgumentException("cannot handle");
      }
    };
    OutboxRelay relay = new OutboxRelay(mapper, new StaticListableBeanFactory().getBeanProvider(OutboxHandler.class),
        transactions, new OutboxProperties(Duration.ofMillis(50), 2), new SimpleMeterRegistry());
    transactions.executeWithoutResult(status -> mapper.insert("test-broken", "broken-event-1", java.time.Instant.now()));
    relay.handleNext(broken);
    jdbc.update("UPDATE outbox SET next_attempt_at = '2000-01-01 00:00:00' WHERE event_id = 'broken-event-1'");
    relay.handleNext(broken);
    assertThat(jdbc.queryForObject("SELECT status FROM outbox WHERE event_id = 'broken-event-1'", String.class))
        .isEqualTo("PARKED");
    assertThat(jdbc.queryForObject("SELECT last_error FROM outbox WHERE event_id = 'broken-event-1'", String.class))
        .contains("cannot handle");
    assertThat(List.of(relay.handleNext(broken))).containsExactly(false);
  }

  private String status() {
    return jdbc.queryForObject("SELECT status FROM outbox WHERE event_id = 'outage-event-1'", String.class);
  }
}
