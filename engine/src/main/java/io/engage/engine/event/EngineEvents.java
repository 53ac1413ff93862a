package io.engage.engine.event;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.engine.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events the engine produces itself (such as {@code lifecycle.changed}). Stored like an accepted
 * event, in the caller's transaction and with its outbox row, so the change that caused it and the
 * event commit together: the event is never lost and never published for a change that rolled back.
 * Journeys see it like any live event.
 */
@Service
public class EngineEvents {

  private final EventMapper mapper;
  private final Outbox outbox;
  private final Events events;
  private final Clock clock;

  EngineEvents(EventMapper mapper, Outbox outbox, Events events, Clock clock) {
    this.mapper = mapper;
    this.outbox = outbox;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores the event once per {@code eventId} (a stable key derived from its cause); returns false
   * when it was already stored.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean record(String eventId, String customerId, EventType type, Instant occurredAt, ObjectNode data) {
    if (!type.internal()) {
      throw new IllegalArgumentException(type.wireName() + " comes from integrators, not from the engine");
    }
    if (mapper.insertIfAbsent(eventId, customerId, type.wireName(), occurredAt, clock.instant(), events.write(data),
        Events.LIVE) == 0) {
      return false;
    }
    outbox.enqueue(EventIngestService.DOMAIN_TOPIC, eventId);
    return true;
  }
}
