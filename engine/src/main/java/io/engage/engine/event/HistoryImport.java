package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.platform.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads past events (a shop's history, the demo data): validated and stored like live events and
 * handled by the domain (orders, points, tiers), but not published to journeys, so importing a
 * year of history does not greet a thousand customers today.
 */
@Service
public class HistoryImport {

  private final EventValidator validator;
  private final EventMapper mapper;
  private final Outbox outbox;
  private final Events events;

  HistoryImport(EventValidator validator, EventMapper mapper, Outbox outbox, Events events) {
    this.validator = validator;
    this.mapper = mapper;
    this.outbox = outbox;
    this.events = events;
  }

  /** Stores the events that are new; returns how many were. Fails on the first invalid event. */
  @Transactional
  public int importEvents(List<JsonNode> items) {
    Instant receivedAt = Instant.now();
    int stored = 0;
    for (JsonNode item : items) {
      EventValidator.Result checked = validator.validate(item);
      if (!checked.valid()) {
        throw new IllegalArgumentException("Invalid history event " + item.path("eventId") + ": " + checked.errors());
      }
      EventValidator.ValidEvent event = checked.event();
      if (mapper.insertIfAbsent(event.eventId(), events.canonicalCustomerId(event.customerId()), event.type().wireName(), event.occurredAt(),
          receivedAt, events.write(event.data()), Events.HISTORY) == 1) {
        outbox.enqueue(EventIngestService.DOMAIN_TOPIC, event.eventId());
        stored++;
      }
    }
    return stored;
  }
}
