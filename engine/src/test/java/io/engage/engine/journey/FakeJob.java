package io.engage.engine.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A job as Zeebe hands it to a worker, for calling worker logic directly (and twice). */
public record FakeJob(long key, String type, String processId, long processInstanceKey, long elementInstanceKey,
    String elementId, Map<String, String> headers, Map<String, Object> variables) implements ActivatedJob {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override public long getKey() { return key; }
  @Override public String getType() { return type; }
  @Override public long getProcessInstanceKey() { return processInstanceKey; }
  @Override public String getBpmnProcessId() { return processId; }
  @Override public int getProcessDefinitionVersion() { return 1; }
  @Override public long getProcessDefinitionKey() { return 1; }
  @Override public String getElementId() { return elementId; }
  @Override public long getElementInstanceKey() { return elementInstanceKey; }
  @Override public Map<String, String> getCustomHeaders() { return headers; }
  @Override public String getWorker() { return "test"; }
  @Override public int getRetries() { return 5; }
  @Override public long getDeadline() { return Long.MAX_VALUE; }
  @Override public Map<String, Object> getVariablesAsMap() { return variables; }
  @Override public Object getVariable(String name) { return variables.get(name); }
  @Override public UserTaskProperties getUserTask() { return null; }
  @Override public JobKind getKind() { return JobKind.BPMN_ELEMENT; }
  @Override public ListenerEventType getListenerEventType() { return ListenerEventType.END; }
  @Override public String getTenantId() { return "<default>"; }
  @Override public List<DocumentReferenceResponse> getDocumentReferences(String name) { return List.of(); }
  @Override public Set<String> getTags() { return Set.of(); }

  @Override
  public String getVariables() {
    return toJson();
  }

  @Override
  public <T> T getVariablesAsType(Class<T> type) {
    return JSON.convertValue(variables, type);
  }

  @Override
  public String toJson() {
    try {
      return JSON.writeValueAsString(variables);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
