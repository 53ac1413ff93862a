package io.engage.bpmn;

import static io.camunda.zeebe.process.test.assertions.BpmnAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drives every path of the onboarding journey on the in-memory engine, playing the part of the
 * engine's job workers: it completes each job and records what was asked of it.
 */
@ZeebeProcessTest
class OnboardingJourneyTest {

  private ZeebeTestEngine engine;
  private ZeebeClient client;
  private final List<String> sent = new ArrayList<>();
  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void deploy() {
    DeploymentEvent deployment =
        client.newDeployResourceCommand()
            .addResourceFromClasspath(Journeys.ONBOARDING.resource())
            .send()
            .join();
    assertThat(deployment).containsProcessesByBpmnProcessId(Journeys.ONBOARDING.processId());
  }

  @Test
  void welcomesThenEndsOnTheFirstOrder() throws Exception {
    register("c-1");
    workOffJobs();
    assertThat(sent).containsExactly("email:welcome");

    client.newPublishMessageCommand().messageName("order.placed").correlationKey("c-1")
        .send().join();
    workOffJobs();

    assertThat(sent).containsExactly("email:welcome");
    assertThat(steps).containsSubsequence("CustomerRegistered", "SendWelcome", "FirstOrderPlaced", "onboarding");
    assertThat(steps).doesNotContain("NoOrderIn3Days");
  }

  @Test
  void remindsBySmsWhenNoOrderArrivesWithinThreeDays() throws Exception {
    register("c-2");
    workOffJobs();

    engine.increaseTime(Duration.ofDays(3).minusMinutes(1));
    workOffJobs();
    assertThat(sent).containsExactly("email:welcome");

    engine.increaseTime(Duration.ofMinutes(2));
    workOffJobs();
    assertThat(sent).containsExactly("email:welcome", "sms:first-order-reminder");
    assertThat(steps).containsSubsequence("NoOrderIn3Days", "SendFirstOrderReminder", "onboarding");
  }

  @Test
  void anOrderForAnotherCustomerDoesNotEndTheJourney() throws Exception {
    register("c-3");
    workOffJobs();
    client.newPublishMessageCommand().messageName("order.placed").correlationKey("someone-else")
        .send().join();
    engine.increaseTime(Duration.ofDays(3));
    workOffJobs();
    assertThat(sent).containsExactly("email:welcome", "sms:first-order-reminder");
  }

  private void register(String customerId) throws Exception {
    client.newPublishMessageCommand()
        .messageName("customer.registered")
        .correlationKey(customerId)
        .variables(Map.of("customerId", customerId))
        .send()
        .join();
    engine.waitForIdleState(Duration.ofSeconds(5));
  }

  /** Completes jobs until none is left, as the engine's workers would. */
  private void workOffJobs() throws Exception {
    while (true) {
      engine.waitForIdleState(Duration.ofSeconds(5));
      List<ActivatedJob> jobs = new ArrayList<>();
      for (String type : List.of(Journeys.SEND_MESSAGE, Journeys.JOURNEY_STEP)) {
        jobs.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(32)
            .send().join().getJobs());
      }
      if (jobs.isEmpty()) {
        return;
      }
      for (ActivatedJob job : jobs) {
        if (job.getType().equals(Journeys.SEND_MESSAGE)) {
          Map<String, String> headers = job.getCustomHeaders();
          sent.add(headers.get("channel") + ":" + headers.get("template"));
        } else {
          steps.add(job.getElementId());
        }
        client.newCompleteCommand(job.getKey()).send().join();
      }
    }
  }
}
