package io.engage.engine.segment;

import io.engage.engine.platform.lease.ClusterLease;
import java.time.Duration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Daily rebuild of every saved segment, once per cluster, after the RFM and lifecycle recompute. */
@Component
class SegmentJobs {

  private static final String LEASE = "segment-recompute";
  private final Segments segments;
  private final ClusterLease lease;

  SegmentJobs(Segments segments, ClusterLease lease) {
    this.segments = segments;
    this.lease = lease;
  }

  @Scheduled(cron = "${engage.segments.recompute-cron:0 30 4 * * *}", zone = "${engage.lifecycle.recompute-cron-zone:Asia/Shanghai}")
  void daily() {
    if (!lease.tryAcquire(LEASE, Duration.ofHours(1))) {
      return;
    }
    try {
      segments.recomputeAll();
    } finally {
      lease.release(LEASE);
    }
  }
}
