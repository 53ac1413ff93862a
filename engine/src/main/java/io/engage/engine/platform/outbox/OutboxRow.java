package io.engage.engine.platform.outbox;

import java.time.Instant;

record OutboxRow(long id, String topic, String eventId, String status, int attempts, Instant nextAttemptAt, String lastError) {}
