package io.engage.engine.platform.web;

/** One reason a request was refused, naming the field at fault (a JSON path such as {@code data.amount}). */
public record FieldError(String field, String reason) {}
