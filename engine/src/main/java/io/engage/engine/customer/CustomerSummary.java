package io.engage.engine.customer;

/** A search hit. */
public record CustomerSummary(String id, String name, String email, String tier) {}
