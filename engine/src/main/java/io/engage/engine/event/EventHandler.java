package io.engage.engine.event;

import java.util.Set;

/**
 * A feature's reaction to stored events of one type. Runs after the event is acknowledged, in the
 * transaction that marks its outbox row done: a failure rolls the handler's writes back and the
 * event is tried again later.
 */
public interface EventHandler {

  /** The event types this handler acts on. */
  Set<EventType> types();

  void handle(StoredEvent event);
}
