package io.engage.engine.loyalty;

import java.time.Instant;
import java.time.LocalDate;

/** A tier set by hand, with who set it, why, and the last day it holds. */
public record TierOverride(String customerId, String tier, LocalDate untilDate, String reason, String setBy, Instant setAt) {}
