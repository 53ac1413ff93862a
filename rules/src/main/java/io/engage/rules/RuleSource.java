package io.engage.rules;

/** A DRL text and where it came from (a path, used in error messages). */
public record RuleSource(String path, String content) {}
