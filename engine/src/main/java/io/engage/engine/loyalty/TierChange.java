package io.engage.engine.loyalty;

import java.time.Instant;

/** A move between tiers, with the rule set that decided it and why. */
public record TierChange(
    String customerId, String fromTier, String toTier, String reason, String ruleSet, String ruleSetVersion,
    String sourceEventId, Instant changedAt) {}
