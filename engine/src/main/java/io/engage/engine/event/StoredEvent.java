package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * An accepted event as stored; {@code data} is validated for its type. {@code live} is false for
 * imported history, which journeys never see.
 */
public record StoredEvent(
    String eventId, String customerId, EventType type, Instant occurredAt, Instant receivedAt, JsonNode data,
    boolean live) {}
