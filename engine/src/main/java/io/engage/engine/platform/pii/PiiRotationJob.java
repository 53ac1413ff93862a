package io.engage.engine.platform.pii;

import io.engage.engine.platform.lease.ClusterLease;
import io.engage.engine.platform.marker.Markers;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs {@link PiiReencryption} over every sealed table on one background thread: once at start
 * (plaintext of an older installation, values under a key that is no longer active) and whenever an
 * ADMIN asks for a rotation. One node of a cluster at a time (a lease); a run that stops half-way
 * (restart, lost lease) is simply started again and skips what is done.
 */
@Component
public class PiiRotationJob {

  private static final Logger log = LoggerFactory.getLogger(PiiRotationJob.class);
  private static final String LEASE = "pii-reencryption";
  private static final Duration LEASE_TIME = Duration.ofMinutes(5);

  private final PiiReencryption reencryption;
  private final ClusterLease lease;
  private final Markers markers;
  private final Clock clock;
  private final int batchSize;
  private final boolean atStart;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("pii-rotation").daemon().factory());
  private final AtomicReference<Status> status = new AtomicReference<>(Status.idle());

  PiiRotationJob(PiiReencryption reencryption, ClusterLease lease, Markers markers, Clock clock,
      @Value("${engage.pii.rotation.batch-size:500}") int batchSize,
      @Value("${engage.pii.rotation.at-start:true}") boolean atStart) {
    this.reencryption = reencryption;
    this.lease = lease;
    this.markers = markers;
    this.clock = clock;
    this.batchSize = batchSize;
    this.atStart = atStart;
  }

  /** What the last run did: per table, the rows rewritten; {@code state} RUNNING, DONE, FAILED, BUSY. */
  public record Status(String state, String activeKeyId, Instant startedAt, Instant finishedAt,
      Map<String, Long> rewritten, String error) {
    static Status idle() {
      return new Status("IDLE", null, null, null, Map.of(), null);
    }

    public boolean running() {
      return "RUNNING".equals(state);
    }
  }

  /**
   * At start, only while no complete run under the active key is recorded: every write since goes
   * through the cipher, so a full scan of large tables at every start would find nothing. (Going
   * back to an earlier key id needs an explicit rotation.)
   */
  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    if (atStart && !markers.isSet(marker(reencryption.activeKeyId()))) {
      start();
    }
  }

  private static String marker(String keyId) {
    return "pii-sealed:" + keyId;
  }

  /** Starts a run unless one is running here; returns the status right after. */
  public synchronized Status start() {
    if (status.get().running()) {
      return status.get();
    }
    status.set(new Status("RUNNING", null, clock.instant(), null, Map.of(), null));
    worker.submit(this::run);
    return status.get();
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  public Status status() {
    return status.get();
  }

  /** Rows per table that are not yet sealed under the active key. */
  public Map<String, Long> remaining() {
    Map<String, Long> remaining = new LinkedHashMap<>();
    reencryption.tables().forEach(table -> remaining.put(table.table(), reencryption.remaining(table)));
    return remaining;
  }

  private void run() {
    Instant started = status.get().startedAt();
    Map<String, Long> rewritten = new LinkedHashMap<>();
    String activeKey = reencryption.activeKeyId();
    try {
      if (!lease.tryAcquire(LEASE, LEASE_TIME)) {
        status.set(new Status("BUSY", activeKey, started, clock.instant(), rewritten,
            "another node is re-encrypting; it covers every table"));
        return;
      }
      for (PersonalDataTable table : reencryption.tables()) {
        long count = 0;
        PiiReencryption.Batch batch = reencryption.nextBatch(table, null, batchSize);
        count += batch.rewritten();
        while (batch.lastId() != null) {
          if (!lease.tryAcquire(LEASE, LEASE_TIME)) {
            throw new IllegalStateException("lost the lease to another node");
          }
          batch = reencryption.nextBatch(table, batch.lastId(), batchSize);
          count += batch.rewritten();
        }
        rewritten.put(table.table(), count);
        status.set(new Status("RUNNING", activeKey, started, null, Map.copyOf(rewritten), null));
      }
      markers.set(marker(activeKey));
      status.set(new Status("DONE", activeKey, started, clock.instant(), Map.copyOf(rewritten), null));
      long total = rewritten.values().stream().mapToLong(Long::longValue).sum();
      if (total > 0) {
        log.info("Personal data re-encrypted under key id {}: {} rows ({})", activeKey, total, rewritten);
      }
    } catch (RuntimeException e) {
      // The message names tables and key ids only; cipher errors never carry values.
      log.error("Personal data re-encryption stopped: {}", e.getMessage());
      status.set(new Status("FAILED", activeKey, started, clock.instant(), Map.copyOf(rewritten), e.getMessage()));
    } finally {
      lease.release(LEASE);
    }
  }
}
