package io.engage.engine.journey;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.zeebe.JobKeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:split-test} (headers {@code experiment}, default the process id; {@code variants}
 * {@code A:50,B:50}; {@code holdout} percent, variant {@code control}) writes {@code variant};
 * {@code engage:record-conversion} (header {@code goal}) records the journey reaching its goal.
 * Both are safe to repeat: the assignment and the conversion are stored once.
 */
@Component
public class ExperimentWorkers {

  private final Experiments experiments;

  ExperimentWorkers(Experiments experiments) {
    this.experiments = experiments;
  }

  @JobWorker(type = Journeys.SPLIT_TEST, fetchVariables = "customerId")
  public Map<String, Object> split(ActivatedJob job) {
    SplitTest test = splitTest(job);
    return Map.of("variant", experiments.assign(test, customerId(job), job.getBpmnProcessId(), job.getProcessInstanceKey()));
  }

  @JobWorker(type = Journeys.RECORD_CONVERSION, fetchVariables = {"customerId", "orderId"})
  public void convert(ActivatedJob job) {
    experiments.recordConversion(job.getBpmnProcessId(), goal(job), customerId(job), job.getProcessInstanceKey(),
        JobKeys.stringVariable(job, "orderId"));
  }

  static SplitTest splitTest(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String experiment = headers.getOrDefault("experiment", "").isBlank() ? job.getBpmnProcessId() : headers.get("experiment");
    return SplitTest.parse(experiment, headers.get("variants"), headers.get("holdout"), job.getElementId());
  }

  static String goal(ActivatedJob job) {
    String goal = job.getCustomHeaders().get("goal");
    if (goal == null || goal.isBlank()) {
      throw new IllegalArgumentException("Header 'goal' is required on " + job.getElementId());
    }
    return goal;
  }

  static String customerId(ActivatedJob job) {
    String customerId = JobKeys.stringVariable(job, "customerId");
    if (customerId == null) {
      throw new IllegalArgumentException("The journey instance has no customerId variable");
    }
    return customerId;
  }
}
