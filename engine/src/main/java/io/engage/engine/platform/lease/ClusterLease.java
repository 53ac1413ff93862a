package io.engage.engine.platform.lease;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A named lease in the database, so scheduled work runs on one node of the cluster at a time. The
 * lease expires by itself, so a node that dies while holding it blocks the work only until then.
 */
@Component
public class ClusterLease {

  private final LeaseMapper mapper;
  private final Clock clock;
  private final String owner = ManagementFactory.getRuntimeMXBean().getName() + ":" + UUID.randomUUID();

  ClusterLease(LeaseMapper mapper, Clock clock) {
    this.mapper = mapper;
    this.clock = clock;
  }

  /** Takes (or renews) the lease for {@code duration}; false when another node holds it. */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public boolean tryAcquire(String name, Duration duration) {
    Instant now = clock.instant();
    mapper.insertIfAbsent(name, owner, now.minusSeconds(1));
    return mapper.take(name, owner, now, now.plus(duration)) == 1;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void release(String name) {
    mapper.release(name, owner, clock.instant());
  }
}
