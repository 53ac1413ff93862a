package io.engage.engine.journey;

import java.time.Instant;

/** An element of a journey instance that a customer passed through. */
public record JourneyStep(long processInstanceKey, String elementId, Instant occurredAt) {}
