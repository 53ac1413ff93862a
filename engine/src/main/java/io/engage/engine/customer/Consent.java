package io.engage.engine.customer;

import java.time.Instant;

/** Whether a customer agreed to be contacted on a channel, from where, and when it last changed. */
public record Consent(String customerId, String channel, boolean granted, String source, Instant updatedAt) {}
