package io.engage.engine.identity;

import java.time.Instant;

/** A merge as recorded: who survived, who was merged, by which rule, why, and what moved (JSON). */
public record CustomerMergeRecord(
    long id, String survivorId, String mergedId, String rule, String reason, String requestedBy, String explanation,
    Instant mergedAt) {}
