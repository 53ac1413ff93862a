package io.engage.engine.event;

/**
 * The data of a {@code complaint.opened} event. {@code description} is the customer's own words
 * and may hold personal data: it never travels to Zeebe.
 */
public record ComplaintOpened(String complaintId, String severity, String channel, String description) {}
