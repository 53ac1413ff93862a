package io.engage.engine.lifecycle;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:set-lifecycle-stage} (headers: stage, reason): sets and pins the stage. The reason
 * recorded is "journey &lt;process id&gt;" plus the header's reason, e.g. "journey win-back". Setting
 * the stage the customer already has does nothing, so a re-delivered job is harmless. An unknown
 * stage is a modelling error: the job fails and becomes an incident.
 */
@Component
public class SetLifecycleStageWorker {

  private final Lifecycle lifecycle;

  SetLifecycleStageWorker(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @JobWorker(type = Journeys.SET_LIFECYCLE_STAGE, fetchVariables = "customerId")
  public void set(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String stageName = headers.get("stage");
    LifecycleStage stage = LifecycleStage.fromWireName(stageName == null ? "" : stageName)
        .orElseThrow(() -> new IllegalArgumentException("Header 'stage' must be one of potential, new, active, loyal,"
            + " at-risk, churned; was " + stageName));
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    String reason = "journey " + job.getBpmnProcessId();
    String detail = headers.get("reason");
    lifecycle.setStage(customerId, stage, detail == null || detail.isBlank() ? reason : reason + ": " + detail);
  }
}
