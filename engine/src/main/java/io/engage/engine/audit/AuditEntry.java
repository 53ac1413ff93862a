package io.engage.engine.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** One recorded entry, as the search answers it. */
public record AuditEntry(
    long id, Instant occurredAt, String actor, List<String> actorRoles, String action,
    String targetType, String targetId, JsonNode detail, String remoteAddr, String requestId) {}
