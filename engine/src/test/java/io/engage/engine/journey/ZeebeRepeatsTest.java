package io.engage.engine.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.engine.EngineTest;
import io.engage.engine.platform.zeebe.ZeebeAnswers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Zeebe repeats itself (jobs are delivered at least once, a publish may be sent again after a lost
 * answer); the answers that mean "already done" count as done, against the in-memory engine.
 */
class ZeebeRepeatsTest extends EngineTest {

  @Autowired CamundaClient zeebe;
  @Autowired JourneyProperties properties;

  @Test
  void aRepeatedPublishOfTheSameMessageIdIsASuccessNotARetry() throws Exception {
    JourneyMessage message = new JourneyMessage("test.repeat-publish", "repeat-1", "repeat-event-1",
        Map.of("customerId", "repeat-1"));
    JourneyProperties longLived = new JourneyProperties(Duration.ofHours(1), properties.publishTimeout(),
        properties.scans(), properties.preview());

    JourneyBridge.publish(zeebe, message, longLived);
    // What the outbox relay would see on its retry: Zeebe still buffers the first one.
    assertThatThrownBy(() -> zeebe.newPublishMessageCommand().messageName(message.name())
        .correlationKey(message.correlationKey()).messageId(message.messageId()).timeToLive(Duration.ofHours(1))
        .send().join())
        .isInstanceOfSatisfying(ClientStatusException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(io.grpc.Status.Code.ALREADY_EXISTS));

    JourneyBridge.publish(zeebe, message, longLived);
  }

  @Test
  void answeringAJobThatIsAlreadyCompletedIsNotAnError() {
    String type = "test-repeat-job";
    zeebe.newDeployResourceCommand().addResourceBytes(
        JourneyBpmn.oneTask("repeat-job", type).getBytes(StandardCharsets.UTF_8), "repeat-job.bpmn").send().join();
    zeebe.newPublishMessageCommand().messageName("test.repeat-job").correlationKey("repeat-2")
        .messageId("repeat-job:repeat-2").variables(Map.of("customerId", "repeat-2")).send().join();
    ActivatedJob job = activateOne(type);

    assertThat(ZeebeAnswers.answerJob(zeebe.newCompleteCommand(job.getKey()), job.getKey())).isTrue();
    // The same job delivered again and answered again: gone, and that is fine.
    assertThat(ZeebeAnswers.answerJob(zeebe.newCompleteCommand(job.getKey()), job.getKey())).isFalse();
    assertThat(ZeebeAnswers.answerJob(zeebe.newFailCommand(job.getKey()).retries(0), job.getKey())).isFalse();
  }

  private ActivatedJob activateOne(String type) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      List<ActivatedJob> jobs = zeebe.newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
      if (!jobs.isEmpty()) {
        return jobs.getFirst();
      }
    }
    throw new AssertionError("no " + type + " job within 30 s");
  }
}
