package io.engage.engine.journey;

import io.camunda.client.CamundaClient;
import io.engage.engine.platform.zeebe.ZeebeAnswers;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.engage.bpmn.Journeys;
import org.springframework.stereotype.Component;

/**
 * The execution listener behind {@code engage:journey-step}: records each step a customer passes
 * (and where the instance is now, for the live counts per element) and, when the listener sits on
 * the process itself, the end of the instance. Keyed by element instance, so a re-delivered job
 * records nothing twice.
 *
 * <p>It is also the entry gate of paused journeys: Zeebe starts every process whose message start
 * event matches a published message, so a paused journey's new instance is cancelled at its first
 * recorded step (the start event's listener, which {@link EntryGate} adds at deploy where a BPMN
 * lacks it) and recorded as {@code NOT_ENTERED}. Instances that were inside before the pause carry on.
 */
@Component
public class JourneyStepWorker {

  private final JourneySteps steps;
  private final CamundaClient zeebe;

  JourneyStepWorker(JourneySteps steps, CamundaClient zeebe) {
    this.steps = steps;
    this.zeebe = zeebe;
  }

  @JobWorker(type = Journeys.JOURNEY_STEP, fetchVariables = "customerId", autoComplete = false)
  public void record(JobClient client, ActivatedJob job) {
    boolean entered = steps.record(job);
    if (entered) {
      ZeebeAnswers.answerJob(client.newCompleteCommand(job.getKey()), job.getKey());
    } else {
      ZeebeAnswers.answerJob(zeebe.newCancelInstanceCommand(job.getProcessInstanceKey()), job.getKey());
    }
  }
}
