package io.engage.engine.journey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.engage.engine.platform.outbox.Outbox;
import io.engage.engine.platform.outbox.OutboxHandler;
import io.engage.engine.platform.zeebe.JobKeys;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entry triggers of the time-driven journeys (birthday, holidays): recorded once per (customer,
 * journey, trigger id) and published through the outbox like events, so a Zeebe outage delays a
 * birthday greeting and never loses it, and a scan run twice publishes nothing twice.
 */
@Component
class JourneyTriggers implements OutboxHandler {

  static final String TOPIC = "journey-trigger";
  private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {};

  private final TriggerMapper mapper;
  private final Outbox outbox;
  private final CamundaClient zeebe;
  private final JourneyProperties properties;
  private final ObjectMapper json;

  JourneyTriggers(TriggerMapper mapper, Outbox outbox, CamundaClient zeebe, JourneyProperties properties,
      ObjectMapper json) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.zeebe = zeebe;
    this.properties = properties;
    this.json = json;
  }

  /** Records the trigger and queues its message; false when it was recorded before. */
  @Transactional(propagation = Propagation.MANDATORY)
  boolean record(String customerId, String journey, String triggerId, String messageName,
      Map<String, Object> extraVariables, LocalDateTime dueLocal, Instant now) {
    String key = JobKeys.bounded(triggerId + ":" + customerId + ":" + journey, 128);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("customerId", customerId);
    variables.put("triggerId", triggerId);
    variables.putAll(extraVariables);
    if (mapper.insertIfAbsent(key, customerId, journey, triggerId, messageName, write(variables), dueLocal, now) == 0) {
      return false;
    }
    outbox.enqueue(TOPIC, key);
    return true;
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public boolean parksAfterRepeatedFailures() {
    return false;
  }

  /** The message id is (trigger id, customer), as the contract says: a retried publish is dropped. */
  @Override
  public void handle(String triggerKey) throws Exception {
    TriggerMapper.TriggerRow trigger = mapper.findByKey(triggerKey);
    if (trigger == null) {
      throw new IllegalStateException("No journey trigger " + triggerKey);
    }
    JourneyBridge.publish(zeebe, new JourneyMessage(trigger.messageName(), trigger.customerId(),
        trigger.triggerId() + ":" + trigger.customerId(), json.readValue(trigger.variables(), VARIABLES)), properties);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
