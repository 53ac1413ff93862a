package io.engage.engine.journey;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.event.StoredEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Zeebe message as the journey contract (bpmn/README.md) defines it: name, correlation key,
 * message id and variables. Only ids and non-personal values, never names, emails or phones.
 */
record JourneyMessage(String name, String correlationKey, String messageId, Map<String, Object> variables) {

  static final String LIFECYCLE_CHANGED = "lifecycle.changed";

  /** Messages correlated by the complaint they are about, not by the customer. */
  static final Set<String> KEYED_BY_COMPLAINT = Set.of("complaint.opened", "complaint.resolved", "survey.answered");

  /** The message an event becomes. The same mapping serves the real engine and previews. */
  static JourneyMessage of(StoredEvent event) {
    return of(event.eventId(), event.customerId(), event.type().wireName(), event.data());
  }

  static JourneyMessage of(String eventId, String customerId, String type, JsonNode data) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("customerId", customerId);
    variables.put("eventId", eventId);
    String name = type;
    String correlationKey = customerId;
    switch (type) {
      case "order.placed" -> {
        variables.put("orderId", data.path("orderId").asText());
        variables.put("amount", data.path("amount").asText());
      }
      case "order.refunded" -> variables.put("orderId", data.path("orderId").asText());
      case "complaint.opened" -> {
        correlationKey = data.path("complaintId").asText();
        variables.put("complaintId", correlationKey);
        variables.put("severity", data.path("severity").asText());
        variables.put("channel", data.path("channel").asText());
      }
      case "complaint.resolved" -> {
        correlationKey = data.path("complaintId").asText();
        variables.put("complaintId", correlationKey);
      }
      case "survey.answered" -> {
        correlationKey = data.path("complaintId").asText();
        variables.put("complaintId", correlationKey);
        variables.put("score", data.path("score").asInt());
      }
      case LIFECYCLE_CHANGED -> {
        String stage = data.path("stage").asText();
        name = "lifecycle." + stage;
        variables.put("stage", stage);
        JsonNode previous = data.path("previousStage");
        variables.put("previousStage", previous.isMissingNode() || previous.isNull() ? null : previous.asText());
      }
      default -> {
        // customer.registered and the activity events carry only the ids
      }
    }
    return new JourneyMessage(name, correlationKey, eventId, variables);
  }
}
