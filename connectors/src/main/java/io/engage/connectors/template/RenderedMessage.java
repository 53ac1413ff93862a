package io.engage.connectors.template;

/** A template rendered for one customer; parts absent from the template stay null. */
public record RenderedMessage(String subject, String text, String html) {}
