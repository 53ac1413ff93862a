package io.engage.engine.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works off the outbox: one thread per topic, so a slow or absent Zeebe never holds up the domain
 * handlers. Each row is handled in its own transaction; a failure is retried with exponential
 * backoff and jitter.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  /** Due rows looked at per claim: enough to get past the few that other nodes hold. */
  private static final int CLAIM_CANDIDATES = 16;

  private final OutboxMapper mapper;
  private final ObjectProvider<OutboxHandler> handlers;
  private final TransactionTemplate transactions;
  private final OutboxProperties properties;
  private final MeterRegistry meters;
  private final Semaphore wakeUps = new Semaphore(0);
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  OutboxRelay(OutboxMapper mapper, ObjectProvider<OutboxHandler> handlers,
      TransactionTemplate transactions, OutboxProperties properties, MeterRegistry meters) {
    this.mapper = mapper;
    this.handlers = handlers;
    this.transactions = transactions;
    this.properties = properties;
    this.meters = meters;
  }

  /** Called after a commit that queued work. */
  void wakeUp() {
    wakeUps.release(threads.size());
  }

  @Override
  public synchronized void start() {
    running = true;
    handlers.orderedStream().forEach(handler -> {
      Gauge.builder("engage.outbox.pending", () -> mapper.countPending(handler.topic()))
          .tag("topic", handler.topic())
          .description("Outbox rows not yet handled")
          .register(meters);
      Thread thread = Thread.ofPlatform().name("outbox-" + handler.topic()).daemon().unstarted(() -> loop(handler));
      threads.add(thread);
      thread.start();
    });
  }

  @Override
  public synchronized void stop() {
    running = false;
    wakeUps.release(threads.size() + 1);
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    threads.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the Zeebe client and workers, stops before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private void loop(OutboxHandler handler) {
    while (running) {
      try {
        if (!handleNext(handler)) {
          wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Outbox relay for {} hit an error; retrying after a pause", handler.topic(), e);
        sleepQuietly(properties.pollInterval());
      }
    }
  }

  /** Handles one due row; returns false when none was due. */
  boolean handleNext(OutboxHandler handler) {
    Failure failure = transactions.execute(status -> {
      OutboxRow row = claimNextDue(handler.topic());
      if (row == null) {
        return Failure.NOTHING_DUE;
      }
      try {
        handler.handle(row.eventId());
        mapper.markDone(row.id(), Instant.now());
        return null;
      } catch (Exception e) {
        status.setRollbackOnly();
        return new Failure(row, e);
      }
    });
    if (failure == Failure.NOTHING_DUE) {
      return false;
    }
    if (failure != null) {
      recordFailure(handler, failure);
    }
    return true;
  }

  /**
   * Locks the oldest due row of the topic that nobody else holds. Candidates come from an unlocked
   * read and are then locked one by one by primary key, so the claim holds exactly one row lock
   * while its handler runs.
   */
  private OutboxRow claimNextDue(String topic) {
    for (long id : mapper.findDueIds(topic, Instant.now(), CLAIM_CANDIDATES)) {
      OutboxRow row = mapper.lockIfPending(id);
      if (row != null) {
        return row;
      }
    }
    return null;
  }

  private void recordFailure(OutboxHandler handler, Failure failure) {
    OutboxRow row = failure.row();
    int attempts = row.attempts() + 1;
    boolean parked = handler.parksAfterRepeatedFailures() && attempts >= properties.maxAttemptsBeforeParking();
    String error = failure.error().getClass().getSimpleName() + ": " + failure.error().getMessage();
    log.warn("Outbox {} event {} failed (attempt {}{}): {}", handler.topic(), row.eventId(), attempts,
        parked ? ", parked" : "", error);
    // Rounded up to whole seconds: mysql-connector-j drops fractions of a second on MariaDB 10.x
    // (its "5.5.5-" version prefix), which would make a sub-second backoff due at once.
    Instant next = Instant.now().plus(backoff(attempts)).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    mapper.markFailedAttempt(row.id(), next, truncate(error), parked);
  }

  static Duration backoff(int attempts) {
    long base = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempts - 1, 20));
    long jitter = ThreadLocalRandom.current().nextLong(base / 4 + 1);
    return Duration.ofMillis(base + jitter);
  }

  private static String truncate(String text) {
    return text.length() <= 2000 ? text : text.substring(0, 2000);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Failure(OutboxRow row, Exception error) {
    static final Failure NOTHING_DUE = new Failure(null, null);
  }
}
