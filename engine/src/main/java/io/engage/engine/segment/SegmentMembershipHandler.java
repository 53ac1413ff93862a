package io.engage.engine.segment;

import io.engage.engine.customer.CustomerProfileChanged;
import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.StoredEvent;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps membership current for the one customer an event (or a profile change such as a tag) is
 * about, after the stage and order statistics were updated; the daily run catches up on what time
 * alone changes ("in the last 30 days").
 */
@Component
@Order(EventHandler.DERIVES_LAST)
class SegmentMembershipHandler implements EventHandler {

  private final Segments segments;

  SegmentMembershipHandler(Segments segments) {
    this.segments = segments;
  }

  @Override
  public Set<EventType> types() {
    return EnumSet.allOf(EventType.class);
  }

  @Override
  public void handle(StoredEvent event) {
    segments.refreshCustomer(event.customerId());
  }

  @EventListener
  void onProfileChanged(CustomerProfileChanged change) {
    segments.refreshCustomer(change.customerId());
  }
}
