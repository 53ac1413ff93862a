package io.engage.engine.loyalty;

import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires due lots every hour. Lots are claimed with SKIP LOCKED, so nodes running this at the same
 * time share the work instead of expiring a lot twice.
 */
@Component
class PointsExpiryJob {

  private final LoyaltyService loyalty;

  PointsExpiryJob(LoyaltyService loyalty) {
    this.loyalty = loyalty;
  }

  @Scheduled(cron = "${engage.loyalty.expiry-cron:0 5 * * * *}")
  void expire() {
    expireAllDue(Instant.now());
  }

  int expireAllDue(Instant now) {
    int total = 0;
    int batch;
    do {
      batch = loyalty.expireDue(now);
      total += batch;
    } while (batch > 0);
    return total;
  }
}
