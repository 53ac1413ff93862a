package io.engage.rules.birthday;

/** A customer whose birthday gift is due, with their tier at that moment. */
public record BirthdayFact(String customerId, String tier) {}
