package io.engage.connectors.template;

/** One locale's variant of a message template, in Liquid; subject and html may be null (SMS). */
public record MessageTemplate(String key, String locale, String subject, String text, String html) {}
