package io.engage.engine.rulesadmin;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;

/** Escalation belongs to service managers, the reward sets to business staff; ADMIN may do both. */
public final class RuleSetOwners {

  private RuleSetOwners() {}

  public static void requireEditor(String ruleSet, Authentication user) {
    String needed = "escalation".equals(ruleSet) ? "ROLE_SERVICE_MANAGER" : "ROLE_BUSINESS";
    boolean allowed = user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals(needed) || a.getAuthority().equals("ROLE_ADMIN"));
    if (!allowed) {
      throw new ApiProblemException(HttpStatus.FORBIDDEN, "Forbidden",
          "Your role may not change the " + ruleSet + " rules", List.of(new FieldError("ruleSet", "not yours to change")));
    }
  }
}
