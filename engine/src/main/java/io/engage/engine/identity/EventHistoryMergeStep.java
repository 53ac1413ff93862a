package io.engage.engine.identity;

import io.engage.engine.customer.CustomerMergeStep;
import io.engage.engine.event.Events;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stored events move to the survivor, so segment conditions on event history see one person.
 * Identity runs it through the events feature's API: a step in the event package would make event
 * depend on customer, which already depends on event. Journey, message, coupon and complaint
 * history move in their own features' steps.
 */
@Component
@Order(24)
class EventHistoryMergeStep implements CustomerMergeStep {

  private final Events events;

  EventHistoryMergeStep(Events events) {
    this.events = events;
  }

  @Override
  public String name() {
    return "events";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    return Map.of("events", events.reassignCustomer(mergedId, survivorId));
  }
}
