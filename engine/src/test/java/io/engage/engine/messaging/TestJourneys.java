package io.engage.engine.messaging;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Small journeys for the messaging tests: a send-message step then a step of the test's own job
 * type, which only the test activates, to read what the send step wrote.
 */
final class TestJourneys {

  private final CamundaClient zeebe;

  TestJourneys(CamundaClient zeebe) {
    this.zeebe = zeebe;
  }

  record Journey(String processId, String captureType) {}

  /** Deploys send-message (with the given headers) followed by a capture step. */
  Journey sendThenCapture(Map<String, String> headers) {
    return deploy(task -> {
      task.zeebeJobType("engage:send-message").zeebeJobRetries("5");
      headers.forEach(task::zeebeTaskHeader);
    });
  }

  /** The same journey, but its send step has a type only the test activates. */
  Journey manualSendThenCapture(String sendType, Map<String, String> headers) {
    return deploy(task -> {
      task.zeebeJobType(sendType).zeebeJobRetries("5");
      headers.forEach(task::zeebeTaskHeader);
    });
  }

  private Journey deploy(Consumer<ServiceTaskBuilder> send) {
    String id = "messaging-test-" + UUID.randomUUID().toString().substring(0, 8);
    String capture = "test:capture-" + id;
    BpmnModelInstance model = Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("Send", send)
        .serviceTask("Capture", task -> task.zeebeJobType(capture))
        .endEvent()
        .done();
    zeebe.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
    return new Journey(id, capture);
  }

  long start(Journey journey, Map<String, Object> variables) {
    return zeebe.newCreateInstanceCommand().bpmnProcessId(journey.processId()).latestVersion()
        .variables(variables).send().join().getProcessInstanceKey();
  }

  /** Activates one job of a type only the test serves, waiting for it to exist. */
  ActivatedJob activate(String type, Duration timeout) {
    return await().atMost(MessagingFixtures.PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> {
      List<ActivatedJob> jobs = zeebe.newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(timeout)
          .requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
      return jobs.isEmpty() ? null : jobs.getFirst();
    }, java.util.Objects::nonNull);
  }

  /** Whether a job of the type can be activated now (it is activated for a moment, then failed back). */
  boolean hasJob(String type) {
    List<ActivatedJob> jobs = zeebe.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofSeconds(30)).requestTimeout(Duration.ofSeconds(1)).send().join().getJobs();
    jobs.forEach(job -> zeebe.newFailCommand(job.getKey()).retries(job.getRetries()).send().join());
    return !jobs.isEmpty();
  }

  /** The variables the send step left for the capture step; completes the journey. */
  Map<String, Object> capture(Journey journey) {
    ActivatedJob job = activate(journey.captureType(), Duration.ofSeconds(30));
    zeebe.newCompleteCommand(job.getKey()).send().join();
    return job.getVariablesAsMap();
  }
}
