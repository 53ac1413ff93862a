package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;

/** One customer's run through one journey version. */
public record JourneyInstance(
    long processInstanceKey, String journey, int version, String customerId, String status, Instant startedAt,
    Instant endedAt, List<JourneyStep> steps) {}
