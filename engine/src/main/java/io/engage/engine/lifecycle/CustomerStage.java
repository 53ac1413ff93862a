package io.engage.engine.lifecycle;

import java.time.Instant;

/** A customer's current stage, since when and why; {@code pinnedAt} when a journey or a person set it. */
public record CustomerStage(String customerId, String stage, Instant since, String reason, Instant pinnedAt) {}
