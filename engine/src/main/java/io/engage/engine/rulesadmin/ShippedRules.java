package io.engage.engine.rulesadmin;

import io.engage.rules.RuleSource;
import io.engage.rules.ShippedRuleSets;
import java.util.List;
import java.util.Map;

/** The rule sets Engage ships, which become version 1 of each set in a new database. */
final class ShippedRules {

  private static final Map<String, List<RuleSource>> SOURCES = Map.of(
      ShippedRuleSets.POINTS, ShippedRuleSets.pointsSources(),
      ShippedRuleSets.TIERS, ShippedRuleSets.tiersSources());

  private ShippedRules() {}

  static List<String> names() {
    return SOURCES.keySet().stream().sorted().toList();
  }

  static String drl(String ruleSet) {
    List<RuleSource> sources = SOURCES.get(ruleSet);
    if (sources == null) {
      throw new IllegalArgumentException("Unknown rule set " + ruleSet);
    }
    return String.join("\n", sources.stream().map(RuleSource::content).toList());
  }

  static boolean exists(String ruleSet) {
    return SOURCES.containsKey(ruleSet);
  }
}
