package io.engage.engine.loyalty;

import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.Events;
import io.engage.engine.event.OrderRefunded;
import io.engage.engine.event.StoredEvent;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code order.refunded}: reverse the order's points in proportion and re-evaluate the tier. */
@Component
@Order(EventHandler.RECORDS)
class RefundHandler implements EventHandler {

  private final Events events;
  private final LoyaltyService loyalty;

  RefundHandler(Events events, LoyaltyService loyalty) {
    this.events = events;
    this.loyalty = loyalty;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.ORDER_REFUNDED);
  }

  @Override
  public void handle(StoredEvent event) {
    OrderRefunded data = events.orderRefunded(event);
    loyalty.refund(event.eventId(), data.orderId(), data.amount(), event.occurredAt());
  }
}
