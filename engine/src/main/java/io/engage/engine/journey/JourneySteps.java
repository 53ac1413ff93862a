package io.engage.engine.journey;

import io.camunda.client.api.response.ActivatedJob;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import io.engage.engine.messaging.MessageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records journey steps; see {@link JourneyStepWorker}. */
@Service
class JourneySteps {

  static final String NOT_ENTERED = "NOT_ENTERED";

  private final JourneyMapper mapper;
  private final JourneyCatalog catalog;
  private final MessageService messages;

  JourneySteps(JourneyMapper mapper, JourneyCatalog catalog, MessageService messages) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.messages = messages;
  }

  /** Records the step; false when the instance is a new entry into a paused journey (to be cancelled). */
  @Transactional
  public boolean record(ActivatedJob job) {
    Object customer = job.getVariablesAsMap().get("customerId");
    String customerId = customer == null ? "" : String.valueOf(customer);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String journey = job.getBpmnProcessId();
    long instance = job.getProcessInstanceKey();
    boolean first = mapper.insertInstanceIfAbsent(instance, journey, job.getProcessDefinitionVersion(), customerId,
        now) == 1;
    mapper.insertStepIfAbsent(instance, job.getElementInstanceKey(), job.getElementId(), customerId, journey, now);
    if (first && catalog.isPaused(journey)) {
      mapper.markStatus(instance, NOT_ENTERED, now);
      return false;
    }
    if (job.getElementId().equals(journey)) {
      mapper.markEnded(instance, now);
      messages.suppressQueuedOfEndedJourney(instance);
    } else {
      mapper.updateLastElement(instance, job.getElementId());
    }
    return true;
  }
}
