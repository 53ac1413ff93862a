package io.engage.engine.event;

import io.engage.engine.platform.outbox.Outbox;
import io.engage.engine.platform.outbox.OutboxHandler;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Hands each stored event to the features that act on its type (the outbox's "domain" topic), then,
 * in the same transaction, queues a live event for journeys.
 */
@Component
class DomainEventDispatcher implements OutboxHandler {

  private final Events events;
  private final List<EventHandler> handlers;
  private final Outbox outbox;

  DomainEventDispatcher(Events events, List<EventHandler> handlers, Outbox outbox) {
    this.events = events;
    this.handlers = handlers;
    this.outbox = outbox;
  }

  @Override
  public String topic() {
    return EventIngestService.DOMAIN_TOPIC;
  }

  @Override
  public void handle(String eventId) {
    StoredEvent event = events.get(eventId);
    for (EventHandler handler : handlers) {
      if (handler.types().contains(event.type())) {
        handler.handle(event);
      }
    }
    if (event.live()) {
      outbox.enqueue(Events.JOURNEY_TOPIC, eventId);
    }
  }
}
