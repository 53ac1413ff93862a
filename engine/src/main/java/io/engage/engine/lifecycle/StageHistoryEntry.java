package io.engage.engine.lifecycle;

import java.time.Instant;

/** One stage change: from (null for the first assessment), to, why, when, and the event it published. */
public record StageHistoryEntry(String fromStage, String toStage, String reason, String eventId, Instant changedAt) {}
