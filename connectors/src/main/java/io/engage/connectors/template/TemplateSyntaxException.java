package io.engage.connectors.template;

/**
 * A template that does not parse, uses a refused construct (include) or fails while rendering, with
 * the part at fault ("subject", "text" or "html") and, when liqp knows it, the 1-based line and
 * column; 0 when unknown.
 */
public final class TemplateSyntaxException extends RuntimeException {

  private final String part;
  private final int line;
  private final int column;

  public TemplateSyntaxException(String part, int line, int column, String message, Throwable cause) {
    super(part + " line " + line + ", column " + column + ": " + message, cause);
    this.part = part;
    this.line = line;
    this.column = column;
  }

  public String part() {
    return part;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
