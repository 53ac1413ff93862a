package io.engage.engine.rulesadmin;

import io.engage.rules.RuleSource;
import io.engage.rules.ShippedRuleSets;
import java.util.List;

/** The rule sets Engage ships, which become version 1 of each set in a new database. */
final class ShippedRules {

  private ShippedRules() {}

  static List<String> names() {
    return ShippedRuleSets.names();
  }

  static String drl(String ruleSet) {
    return String.join("\n", ShippedRuleSets.sources(ruleSet).stream().map(RuleSource::content).toList());
  }

  static boolean exists(String ruleSet) {
    return ShippedRuleSets.names().contains(ruleSet);
  }
}
