package io.engage.engine.complaint;

import java.time.Instant;

/** A complaint row as stored; JSON columns as text. */
record ComplaintRow(
    String complaintId, String customerId, String severity, String channel, String description, String status,
    Integer level, Integer maxLevel, Integer slaHours, Instant slaDueAt, String ruleSet, String ruleSetVersion,
    String decisionReason, String rulesFired, String decisionInputs, String notifyByLevel, String resolution,
    Integer surveyScore, String surveyComment, String openedEventId, Instant openedAt, Instant resolvedAt,
    Instant updatedAt) {}
