package io.engage.engine.lifecycle;

import io.engage.engine.event.EventHandler;
import io.engage.engine.event.EventType;
import io.engage.engine.event.StoredEvent;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Orders move a customer at once: after loyalty recorded an order or a refund (or the customer
 * registered), the order statistics and the stage of that customer are brought up to date. Imported
 * history changes the stage without publishing it.
 */
@Component
@Order(EventHandler.DERIVES)
class LifecycleHandler implements EventHandler {

  private final Lifecycle lifecycle;

  LifecycleHandler(Lifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public Set<EventType> types() {
    return Set.of(EventType.CUSTOMER_REGISTERED, EventType.ORDER_PLACED, EventType.ORDER_REFUNDED);
  }

  @Override
  public void handle(StoredEvent event) {
    String cause = event.type().wireName() + " " + event.eventId();
    lifecycle.onCustomerActivity(event.customerId(), cause, event.live() ? Lifecycle.Publish.YES : Lifecycle.Publish.NO);
  }
}
