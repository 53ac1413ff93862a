package io.engage.engine.loyalty;

import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.Events;
import io.engage.engine.event.OrderPlaced;
import io.engage.engine.event.StoredEvent;
import io.engage.rules.points.OrderLine;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** {@code order.placed}: record the paid order, earn points, re-evaluate the tier. */
@Component
@org.springframework.core.annotation.Order(EventHandler.RECORDS)
class OrderPlacedHandler implements EventHandler {

  private final Events events;
  private final LoyaltyService loyalty;

  OrderPlacedHandler(Events events, LoyaltyService loyalty) {
    this.events = events;
    this.loyalty = loyalty;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.ORDER_PLACED);
  }

  @Override
  public void handle(StoredEvent event) {
    OrderPlaced data = events.orderPlaced(event);
    List<OrderLine> lines = data.lines() == null ? List.of() : data.lines().stream()
        .map(line -> new OrderLine(line.sku(), line.category(), line.amount(), line.quantity()))
        .toList();
    Order order = new Order(data.orderId(), event.customerId(), event.eventId(), data.amount(), data.currency(),
        data.channel(), "PAID", event.occurredAt());
    loyalty.recordPaidOrder(order, lines);
  }
}
