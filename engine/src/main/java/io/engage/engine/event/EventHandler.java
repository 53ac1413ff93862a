package io.engage.engine.event;

import java.util.Set;

/**
 * A feature's reaction to stored events of one type. Runs after the event is acknowledged, in the
 * transaction that marks its outbox row done: a failure rolls the handler's writes back and the
 * event is tried again later.
 */
public interface EventHandler {

  /** {@code @Order} of handlers that record what an event says (orders, profiles, points). */
  int RECORDS = 0;

  /** {@code @Order} of handlers that derive from what was recorded (lifecycle stage, RFM inputs). */
  int DERIVES = 100;

  /** {@code @Order} of handlers that derive from derived data (segment membership). */
  int DERIVES_LAST = 200;

  /** The event types this handler acts on. */
  Set<EventType> types();

  void handle(StoredEvent event);
}
