package io.engage.engine.event;

/**
 * A feature's reaction to stored events of one type. Runs after the event is acknowledged, in the
 * transaction that marks its outbox row done: a failure rolls the handler's writes back and the
 * event is tried again later.
 */
public interface EventHandler {

  EventType type();

  void handle(StoredEvent event);
}
