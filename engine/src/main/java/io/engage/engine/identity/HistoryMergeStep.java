package io.engage.engine.identity;

import io.engage.engine.customer.CustomerMergeStep;
import io.engage.engine.event.Events;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Event, journey and message history move to the survivor, so the 360 view, segment conditions on
 * event history and frequency caps see one person. The merge record keeps the original id.
 */
@Component
@Order(20)
class HistoryMergeStep implements CustomerMergeStep {

  private final IdentityMapper mapper;
  private final Events events;

  HistoryMergeStep(IdentityMapper mapper, Events events) {
    this.mapper = mapper;
    this.events = events;
  }

  @Override
  public String name() {
    return "history";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("events", events.reassignCustomer(mergedId, survivorId));
    moved.put("journeyInstances", mapper.moveJourneyInstances(mergedId, survivorId));
    moved.put("journeySteps", mapper.moveJourneySteps(mergedId, survivorId));
    moved.put("messages", mapper.moveMessages(mergedId, survivorId));
    return moved;
  }
}
