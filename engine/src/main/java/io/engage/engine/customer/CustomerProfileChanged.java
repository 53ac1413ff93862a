package io.engage.engine.customer;

/**
 * Published (as a Spring application event, in the changing transaction) when something about a
 * customer changed that is not an event of its own: a tag, a merge, a verification. Features that
 * keep derived data current (segment membership) listen for it.
 */
public record CustomerProfileChanged(String customerId, String what) {}
