package io.engage.engine.platform.web;

/**
 * One reason a request was refused, naming what is at fault: a JSON path such as
 * {@code data.amount}, or a source such as {@code points.drl} with its line and column.
 */
public record FieldError(String field, String reason, Integer line, Integer column) {

  public FieldError(String field, String reason) {
    this(field, reason, null, null);
  }
}
