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

  /**
   * Two relays drain their topics while other transactions insert, and the first topic's handler
   * queues work for the second in its own transaction (as the domain dispatcher does for
   * journeys). No claim may deadlock or wait on another, so every row is handled at the first
   * attempt.
   */
  @Test
  void relaysAndConcurrentInsertsNeverDeadlock() throws Exception {
    OutboxHandler domain = handler("test-dl-domain",
        eventId -> mapper.insert("test-dl-journey", eventId, java.time.Instant.now()));
    OutboxHandler journey = handler("test-dl-journey", eventId -> { });
    OutboxRelay relay = new OutboxRelay(mapper, new StaticListableBeanFactory().getBeanProvider(OutboxHandler.class),
        transactions, new OutboxProperties(Duration.ofMillis(50), 5), new SimpleMeterRegistry());
    int writers = 3;
    int perWriter = 60;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 2);
    java.util.concurrent.atomic.AtomicBoolean inserting = new java.util.concurrent.atomic.AtomicBoolean(true);
    java.util.concurrent.atomic.AtomicBoolean domainRunning = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      work.add(pool.submit(() -> {
        for (int i = 0; i < perWriter; i++) {
          String eventId = "dl-" + writer + "-" + i;
          transactions.executeWithoutResult(status -> mapper.insert("test-dl-domain", eventId, java.time.Instant.now()));
        }
      }));
    }
    java.util.concurrent.Future<?> domainRelay = pool.submit(() -> {
      drain(relay, domain, inserting);
      domainRunning.set(false);
    });
    java.util.concurrent.Future<?> journeyRelay = pool.submit(() -> drain(relay, journey, domainRunning));
    for (java.util.concurrent.Future<?> writer : work) {
      writer.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
    inserting.set(false);
    domainRelay.get(60, java.util.concurrent.TimeUnit.SECONDS);
    journeyRelay.get(60, java.util.concurrent.TimeUnit.SECONDS);
    pool.shutdown();

    int total = writers * perWriter;
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE topic IN ('test-dl-domain', 'test-dl-journey')"
        + " AND status = 'DONE' AND attempts = 1 AND last_error IS NULL", Integer.class))
        .as(() -> jdbc.queryForList("SELECT topic, status, attempts, last_error, COUNT(*) n FROM outbox"
            + " WHERE topic LIKE 'test-dl-%' GROUP BY topic, status, attempts, last_error").toString())
        .isEqualTo(2 * total);
  }

  /** Handles rows until its producers have stopped and none is left pending (due or not). */
  private void drain(OutboxRelay relay, OutboxHandler handler, java.util.concurrent.atomic.AtomicBoolean producing) {
    while (producing.get() || mapper.countPending(handler.topic()) > 0) {
      if (!relay.handleNext(handler)) {
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static OutboxHandler handler(String topic, java.util.function.Consumer<String> work) {
    return new OutboxHandler() {
      @Override
      public String topic() {
        return topic;
      }

      @Override
      public void handle(String eventId) {
        work.accept(eventId);
      }

      @Override
      public boolean parksAfterRepeatedFailures() {
        return false;
      }
    };
  }

  private String status() {
    return jdbc.queryForObject("SELECT status FROM outbox WHERE event_id = 'outage-event-1'", String.class);
  }
}
