package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.zeebe.client.api.response.DeploymentEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.extension.ZeebeProcessTest;
import io.camunda.zeebe.process.test.inspections.model.InspectedProcessInstance;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the journey process tests: deploys every shipped journey together (as the engine does at
 * start-up, so a journey that reacts to another's message is caught), publishes the engine's
 * messages and plays its workers ({@link EngageWorkers}).
 */
@ZeebeProcessTest
abstract class JourneyTest {

  ZeebeTestEngine engine;
  ZeebeClient client;
  EngageWorkers workers;

  @BeforeEach
  void deployEveryJourney() {
    Journeys[] journeys = Journeys.values();
    DeployResourceCommandStep2 deploy = client.newDeployResourceCommand()
        .addResourceFromClasspath(journeys[0].resource());
    for (Journeys journey : Arrays.copyOfRange(journeys, 1, journeys.length)) {
      deploy = deploy.addResourceFromClasspath(journey.resource());
    }
    // Generous: the first deployment in a JVM compiles the engine's code paths on a busy machine.
    DeploymentEvent deployment = deploy.requestTimeout(Duration.ofMinutes(1)).send().join();
    assertThat(deployment.getProcesses()).extracting(p -> p.getBpmnProcessId())
        .containsExactlyInAnyOrder(Arrays.stream(journeys).map(Journeys::processId).toArray(String[]::new));
    workers = new EngageWorkers(client, engine);
  }

  /**
   * Publishes a message as the engine's journey bridge does: named after the event, with the
   * correlation key and the variables of the contract, and a message id so a repeat is dropped.
   */
  void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
    client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey).messageId(messageId)
        .variables(variables).send().join();
    workers.idle();
  }

  /** Publishes a message that starts a journey and returns the instance it started. */
  long start(Journeys journey, String name, String correlationKey, String messageId, Map<String, Object> variables) {
    List<Long> before = instancesOf(journey);
    publish(name, correlationKey, messageId, variables);
    List<Long> after = instancesOf(journey);
    assertThat(after).as("a new %s instance", journey.processId()).hasSize(before.size() + 1);
    return after.getLast();
  }

  /** Keys of every instance of a journey started so far, oldest first. */
  static List<Long> instancesOf(Journeys journey) {
    return StreamSupport.stream(BpmnAssert.getRecordStream().processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnProcessId().equals(journey.processId()))
        .map(r -> r.getKey())
        .toList();
  }

  static ProcessInstanceAssert assertInstance(long key) {
    return BpmnAssert.assertThat(new InspectedProcessInstance(key));
  }

  static Map<String, Object> vars(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
