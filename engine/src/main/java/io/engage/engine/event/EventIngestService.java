package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.platform.outbox.Outbox;
import io.engage.engine.platform.web.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores accepted events durably, once per event id, together with their outbox row; returns only
 * after the commit, so an acknowledged event is never lost. The domain handles each event first and
 * then queues it for journeys, so a journey step never runs ahead of the profile or order it needs.
 */
@Service
class EventIngestService {

  static final String DOMAIN_TOPIC = "domain";

  private final EventValidator validator;
  private final EventMapper mapper;
  private final Outbox outbox;
  private final Events events;
  private final MeterRegistry meters;

  EventIngestService(EventValidator validator, EventMapper mapper, Outbox outbox, Events events, MeterRegistry meters) {
    this.validator = validator;
    this.mapper = mapper;
    this.outbox = outbox;
    this.events = events;
    this.meters = meters;
  }

  enum Status { ACCEPTED, DUPLICATE, REJECTED }

  record ItemResult(int index, String eventId, Status status, List<FieldError> errors) {}

  @Transactional
  public List<ItemResult> ingest(List<JsonNode> items) {
    Instant receivedAt = Instant.now();
    List<ItemResult> results = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      EventValidator.Result checked = validator.validate(item);
      if (!checked.valid()) {
        results.add(new ItemResult(i, idOf(item), Status.REJECTED, checked.errors()));
        continue;
      }
      EventValidator.ValidEvent event = checked.event();
      int stored = mapper.insertIfAbsent(event.eventId(), events.canonicalCustomerId(event.customerId()), event.type().wireName(),
          event.occurredAt(), receivedAt, events.write(event.data()), Events.LIVE);
      if (stored == 1) {
        outbox.enqueue(DOMAIN_TOPIC, event.eventId());
      }
      results.add(new ItemResult(i, event.eventId(), stored == 1 ? Status.ACCEPTED : Status.DUPLICATE, List.of()));
    }
    results.forEach(result -> meters.counter("engage.events.ingested", "status", result.status().name().toLowerCase()).increment());
    return results;
  }

  private static String idOf(JsonNode item) {
    JsonNode id = item == null ? null : item.get("eventId");
    return id != null && id.isTextual() && id.asText().length() <= 128 ? id.asText() : null;
  }

}
