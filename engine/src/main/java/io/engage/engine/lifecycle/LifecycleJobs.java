package io.engage.engine.lifecycle;

import io.engage.engine.platform.lease.ClusterLease;
import io.engage.engine.rfm.Rfm;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled runs, each once per cluster (a lease in the database): every quarter of an hour
 * the zones that passed local midnight get their time-driven stage changes; once a day the full
 * recompute rebuilds order statistics and RFM scores and assesses every customer.
 */
@Component
public class LifecycleJobs {

  static final String ZONES_LEASE = "lifecycle-zones";
  static final String RECOMPUTE_LEASE = "customer-recompute";
  private static final Logger log = LoggerFactory.getLogger(LifecycleJobs.class);

  private final Lifecycle lifecycle;
  private final Rfm rfm;
  private final ClusterLease lease;
  private final boolean recomputeWhenMissing;

  LifecycleJobs(Lifecycle lifecycle, Rfm rfm, ClusterLease lease,
      @org.springframework.beans.factory.annotation.Value("${engage.lifecycle.recompute-when-missing:true}") boolean recomputeWhenMissing) {
    this.lifecycle = lifecycle;
    this.rfm = rfm;
    this.lease = lease;
    this.recomputeWhenMissing = recomputeWhenMissing;
  }

  public record Recompute(Rfm.Recomputed rfm, Lifecycle.RunResult lifecycle, long millis) {}

  @Scheduled(cron = "${engage.lifecycle.zone-run-cron:0 */15 * * * *}")
  void zones() {
    if (recomputeWhenMissing && rfm.summary().asOf() == null && rfm.hasPaidOrders()) {
      // A new installation (or freshly loaded demo data) gets its scores without waiting for the night.
      recomputeNow(null);
    }
    if (!lease.tryAcquire(ZONES_LEASE, Duration.ofMinutes(30))) {
      return;
    }
    try {
      var ran = lifecycle.runDueZones();
      if (!ran.isEmpty()) {
        log.info("Lifecycle: time-driven run for zones {}", ran);
      }
    } finally {
      lease.release(ZONES_LEASE);
    }
  }

  @Scheduled(cron = "${engage.lifecycle.recompute-cron:0 30 3 * * *}", zone = "${engage.lifecycle.recompute-cron-zone:Asia/Shanghai}")
  void daily() {
    recomputeNow(null);
  }

  /**
   * RFM (with the order statistics) then every customer's lifecycle stage. Empty when another node
   * is running it.
   */
  public java.util.Optional<Recompute> recomputeNow(LocalDate asOf) {
    if (!lease.tryAcquire(RECOMPUTE_LEASE, Duration.ofHours(2))) {
      return java.util.Optional.empty();
    }
    try {
      long start = System.nanoTime();
      Rfm.Recomputed scores = rfm.recompute(asOf);
      Lifecycle.RunResult stages = lifecycle.assessAll();
      return java.util.Optional.of(new Recompute(scores, stages, (System.nanoTime() - start) / 1_000_000));
    } finally {
      lease.release(RECOMPUTE_LEASE);
    }
  }
}
