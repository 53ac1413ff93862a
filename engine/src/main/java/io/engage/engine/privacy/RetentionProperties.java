package io.engage.engine.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long raw data is kept. {@code rawEvents}: events as integrators sent them (the derived
 * orders, points, tiers and scores stay). The job runs daily at {@code cron} in {@code zone}.
 */
@ConfigurationProperties("engage.retention")
public record RetentionProperties(Duration rawEvents, String cron, String zone, int batchSize) {

  public RetentionProperties {
    rawEvents = rawEvents == null ? Duration.ofDays(400) : rawEvents;
    cron = cron == null ? "0 45 3 * * *" : cron;
    zone = zone == null ? "Asia/Shanghai" : zone;
    batchSize = batchSize <= 0 ? 1000 : batchSize;
    if (rawEvents.isNegative() || rawEvents.isZero()) {
      throw new IllegalArgumentException("engage.retention.raw-events must be positive, got " + rawEvents);
    }
  }
}
