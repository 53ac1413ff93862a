package io.engage.engine.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the messages no Zeebe job waits for (the API's, staff notifications) when they are due:
 * at once, after a retry's backoff, or when quiet hours end. Also applies delivery receipts that
 * arrived before the send they report on had committed. Each message is locked while it is sent
 * and skipped by other nodes, so running one dispatcher per node is safe.
 */
@Component
class MessageDispatcher implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
  private static final Duration RETRY_AFTER_ERROR = Duration.ofMinutes(1);

  private final MessageMapper mapper;
  private final ObjectProvider<MessageDelivery> delivery;
  private final ObjectProvider<DeliveryReceipts> receipts;
  private final MessagingProperties properties;
  private final Clock clock;
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  MessageDispatcher(MessageMapper mapper, ObjectProvider<MessageDelivery> delivery,
      ObjectProvider<DeliveryReceipts> receipts, MessagingProperties properties, Clock clock) {
    this.mapper = mapper;
    this.delivery = delivery;
    this.receipts = receipts;
    this.properties = properties;
    this.clock = clock;
  }

  void wakeUp() {
    wakeUps.release();
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = Thread.ofPlatform().name("message-dispatcher").daemon().start(this::loop);
  }

  @Override
  public synchronized void stop() {
    running = false;
    wakeUps.release();
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Starts after the database and the connectors, stops before them. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2000;
  }

  private void loop() {
    while (running) {
      try {
        boolean busy = dispatchDue();
        receipts.getObject().applyPending();
        if (!busy) {
          wakeUps.tryAcquire(properties.dispatcher().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Message dispatcher hit an error; retrying after a pause", e);
        sleepQuietly(properties.dispatcher().pollInterval());
      }
    }
  }

  /** Sends one batch of due messages; true when the batch was full (more may be due). */
  boolean dispatchDue() {
    int batch = properties.dispatcher().batchSize();
    List<Long> due = mapper.findDue(clock.instant(), batch);
    for (Long id : due) {
      if (!running) {
        break;
      }
      try {
        delivery.getObject().attemptIfFree(id);
      } catch (RuntimeException e) {
        log.warn("Sending message {} failed; it stays queued and is tried again in a minute", id, e);
        mapper.postpone(id, clock.instant().plus(RETRY_AFTER_ERROR));
      }
    }
    return due.size() == batch;
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
