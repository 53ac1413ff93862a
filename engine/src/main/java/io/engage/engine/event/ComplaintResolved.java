package io.engage.engine.event;

/** The data of a {@code complaint.resolved} event. */
public record ComplaintResolved(String complaintId, String resolution) {}
