package io.engage.engine.rulesadmin;

import java.time.Instant;

/** Who did what to a rule set and when; {@code detail} holds what changed. */
public record RuleAuditEntry(long id, String ruleSet, Integer version, String action, String actor, String detail, Instant at) {}
