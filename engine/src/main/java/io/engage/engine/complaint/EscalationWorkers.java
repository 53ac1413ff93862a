package io.engage.engine.complaint;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.zeebe.JobKeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The complaint-escalation journey's workers: {@code engage:decide-escalation},
 * {@code engage:escalate-complaint} and {@code engage:reopen-complaint}. Each is keyed by its job's
 * element instance, so a job delivered twice decides, escalates or reopens once. A complaint Engage
 * does not know is a BPMN error ({@code engage-error}) for the journey to handle.
 */
@Component
public class EscalationWorkers {

  static final String ERROR_CODE = "engage-error";
  private final Escalations escalations;

  EscalationWorkers(Escalations escalations) {
    this.escalations = escalations;
  }

  @JobWorker(type = Journeys.DECIDE_ESCALATION, fetchVariables = {"complaintId", "customerId"})
  public Map<String, Object> decide(ActivatedJob job) {
    return guarded(() -> escalations.decide(complaintId(job), key(job)).variables());
  }

  @JobWorker(type = Journeys.ESCALATE_COMPLAINT, fetchVariables = {"complaintId", "customerId", "level"})
  public Map<String, Object> escalate(ActivatedJob job) {
    return guarded(() -> {
      Escalations.Step step = escalations.escalate(complaintId(job), key(job));
      return Map.of("level", step.level(), "atMaxLevel", step.atMaxLevel(), "slaDuration", step.sla().toString());
    });
  }

  @JobWorker(type = Journeys.REOPEN_COMPLAINT, fetchVariables = {"complaintId", "customerId", "score"})
  public Map<String, Object> reopen(ActivatedJob job) {
    Object score = job.getVariablesAsMap().get("score");
    int value = score instanceof Number number ? number.intValue() : 0;
    return guarded(() -> {
      escalations.reopen(complaintId(job), value, key(job));
      return Map.of();
    });
  }

  private static Map<String, Object> guarded(java.util.function.Supplier<Map<String, Object>> step) {
    try {
      return step.get();
    } catch (Escalations.UnknownComplaintException e) {
      throw new BpmnError(ERROR_CODE, e.getMessage());
    }
  }

  private static String complaintId(ActivatedJob job) {
    String complaintId = JobKeys.stringVariable(job, "complaintId");
    if (complaintId == null) {
      throw new IllegalArgumentException("The journey instance has no complaintId variable");
    }
    return complaintId;
  }

  private static String key(ActivatedJob job) {
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    return JobKeys.of(job, customerId, 191);
  }
}
