package io.engage.engine.privacy;

import io.engage.engine.event.Events;
import io.engage.engine.platform.lease.ClusterLease;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes raw events older than {@code engage.retention.raw-events} once a day, in batches (each its
 * own short transaction, so ingest is never blocked for long), on one node at a time.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
public class RawEventRetention {

  private static final Logger log = LoggerFactory.getLogger(RawEventRetention.class);
  private static final String LEASE = "raw-event-retention";

  private final Events events;
  private final ClusterLease lease;
  private final RetentionProperties properties;
  private final Clock clock;

  RawEventRetention(Events events, ClusterLease lease, RetentionProperties properties, Clock clock) {
    this.events = events;
    this.lease = lease;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "${engage.retention.cron:0 45 3 * * *}", zone = "${engage.retention.zone:Asia/Shanghai}")
  void daily() {
    if (!lease.tryAcquire(LEASE, Duration.ofHours(1))) {
      return;
    }
    try {
      purge();
    } finally {
      lease.release(LEASE);
    }
  }

  /** Deletes every raw event received before now minus the retention period; returns how many. */
  public long purge() {
    Instant cutoff = clock.instant().minus(properties.rawEvents());
    long total = 0;
    int batch;
    do {
      batch = events.deleteReceivedBefore(cutoff, properties.batchSize());
      total += batch;
    } while (batch == properties.batchSize());
    if (total > 0) {
      log.info("Retention: deleted {} raw events received before {}", total, cutoff);
    }
    return total;
  }
}
