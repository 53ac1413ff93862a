package io.engage.engine.segment;

import java.time.Instant;

/** A saved segment: its key (used by journeys), name, definition (JSON) and when membership was last rebuilt. */
public record SavedSegment(
    String key, String name, String description, String definition, String createdBy, Instant createdAt,
    Instant updatedAt, long generation, Instant recomputedAt) {}
