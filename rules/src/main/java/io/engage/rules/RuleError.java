package io.engage.rules;

/** One compile problem: the source, its line and column (0 when the compiler gives none), and why. */
public record RuleError(String source, int line, int column, String message) {

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
