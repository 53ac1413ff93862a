package io.engage.engine.audit;

import java.time.Instant;

/** Filters of an audit search; every null filter matches everything. {@code to} is exclusive. */
public record AuditQuery(
    String actor, String action, String targetType, String targetId, Instant from, Instant to) {}
