package io.engage.engine.journey;

import java.time.Instant;

/** One deployed version of a journey. {@code source} is {@code shipped} or {@code api}. */
public record JourneyVersion(
    String journey, int version, long processDefinitionKey, String checksum, String resourceName, String source,
    String deployedBy, Instant deployedAt) {}
