package io.engage.rules.birthday;

import java.util.List;

/** The birthday gift in points, e.g. explained as "+200: GOLD birthday gift 200". */
public record BirthdayGiftDecision(
    String ruleSet, String version, long points, String explanation, List<String> rulesFired) {

  public BirthdayGiftDecision {
    rulesFired = List.copyOf(rulesFired);
  }
}
