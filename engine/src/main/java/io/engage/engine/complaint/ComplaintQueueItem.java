package io.engage.engine.complaint;

import java.time.Duration;
import java.time.Instant;

/** A line of the service queue: the complaint, its level and how long until its SLA is missed. */
public record ComplaintQueueItem(
    String complaintId, String customerId, String severity, String channel, String status, Integer level,
    Integer maxLevel, Instant slaDueAt, Duration timeLeft, boolean overdue) {}
