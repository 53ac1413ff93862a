package io.engage.engine.journey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The execution listener behind {@code engage:journey-step}: records each step a customer passes
 * and, when the listener sits on the process itself, the end of the instance. Keyed by element
 * instance, so a re-delivered job records nothing twice.
 */
@Component
public class JourneyStepWorker {

  private final JourneyMapper mapper;

  JourneyStepWorker(JourneyMapper mapper) {
    this.mapper = mapper;
  }

  @JobWorker(type = Journeys.JOURNEY_STEP, fetchVariables = "customerId")
  @Transactional
  public void record(ActivatedJob job) {
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    Instant now = Instant.now();
    String journey = job.getBpmnProcessId();
    mapper.insertInstanceIfAbsent(job.getProcessInstanceKey(), journey, job.getProcessDefinitionVersion(), customerId, now);
    mapper.insertStepIfAbsent(job.getProcessInstanceKey(), job.getElementInstanceKey(), job.getElementId(), customerId,
        journey, now);
    if (job.getElementId().equals(journey)) {
      mapper.markEnded(job.getProcessInstanceKey(), now);
    }
  }
}
