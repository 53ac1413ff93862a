package io.engage.engine.journey;

import io.camunda.client.CamundaClient;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Service;

/**
 * Takes a customer out of journeys: all of them (an erasure: nothing more may be sent or decided),
 * or one instance (a merged profile's, see JourneyMergeStep).
 */
@Service
public class JourneyExits {

  /** The status of an instance ended from outside its process. */
  public static final String CANCELLED = "CANCELLED";

  private final JourneyMapper mapper;
  private final CamundaClient zeebe;
  private final JourneyProperties properties;
  private final Clock clock;

  JourneyExits(JourneyMapper mapper, CamundaClient zeebe, JourneyProperties properties, Clock clock) {
    this.mapper = mapper;
    this.zeebe = zeebe;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Cancels the customer's active instances in Zeebe and marks them CANCELLED; an instance Zeebe no
   * longer knows is marked too. Returns how many were ended. Throws when Zeebe fails otherwise, so
   * the caller can retry (a repeat skips what is already ended).
   */
  public int leaveAll(String customerId) {
    int ended = 0;
    for (JourneyInstance instance : mapper.findInstances(customerId)) {
      if (leave(instance)) {
        ended++;
      }
    }
    return ended;
  }

  /** Cancels one instance if it is active (see {@link #leaveAll}); whether it was. */
  boolean leave(JourneyInstance instance) {
    if (!"ACTIVE".equals(instance.status())) {
      return false;
    }
    try {
      zeebe.newCancelInstanceCommand(instance.processInstanceKey()).send()
          .get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!String.valueOf(e.getCause().getMessage()).contains("NOT_FOUND")) {
        throw new IllegalStateException("Zeebe refused to cancel journey instance " + instance.processInstanceKey(), e);
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Zeebe did not answer in time cancelling " + instance.processInstanceKey(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    mapper.markStatus(instance.processInstanceKey(), CANCELLED, clock.instant());
    return true;
  }
}
