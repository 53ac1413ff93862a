package io.engage.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that does not compile; nothing of it is used. */
public class RuleCompilationException extends RuntimeException {

  private final List<RuleError> errors;

  public RuleCompilationException(String ruleSet, List<RuleError> errors) {
    super("Rule set '" + ruleSet + "' does not compile: "
        + errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}
