package io.engage.engine.journey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** BPMN files for the journey tests: the shipped ones, and edits of them. */
final class JourneyBpmn {

  private JourneyBpmn() {}

  static String shipped(String name) {
    try (InputStream in = JourneyBpmn.class.getClassLoader().getResourceAsStream("io/engage/bpmn/" + name + ".bpmn")) {
      if (in == null) {
        throw new IllegalStateException("No shipped BPMN " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A minimal journey of one service task of the given type, started by a message. */
  static String oneTask(String processId, String taskType) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="https://engage.io/test">
          <bpmn:message id="StartMessage" name="test.%1$s" />
          <bpmn:process id="%1$s" isExecutable="true">
            <bpmn:startEvent id="Start"><bpmn:outgoing>F1</bpmn:outgoing>
              <bpmn:messageEventDefinition messageRef="StartMessage" /></bpmn:startEvent>
            <bpmn:serviceTask id="DoIt"><bpmn:extensionElements><zeebe:taskDefinition type="%2$s" /></bpmn:extensionElements>
              <bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
            <bpmn:endEvent id="End"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="DoIt" />
            <bpmn:sequenceFlow id="F2" sourceRef="DoIt" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(processId, taskType);
  }
}
