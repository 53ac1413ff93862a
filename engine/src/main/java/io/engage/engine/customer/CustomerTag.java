package io.engage.engine.customer;

import java.time.Instant;

/** A label on a customer (e.g. {@code nurture}), who or what set it, and when. */
public record CustomerTag(String tag, String source, Instant createdAt) {}
