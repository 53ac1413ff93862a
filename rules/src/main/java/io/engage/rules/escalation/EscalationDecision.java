package io.engage.rules.escalation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * How a complaint escalates: resolve within {@code slaHours}, start at {@code startLevel}, escalate
 * at most to {@code maxLevel}. {@code notifyByLevel} holds the roles notified on reaching each level
 * from the start level to the maximum, in level order.
 */
public record EscalationDecision(
    String ruleSet, String version, int slaHours, int startLevel, int maxLevel, Map<Integer, List<String>> notifyByLevel,
    String reason, List<String> rulesFired) {

  public EscalationDecision {
    SortedMap<Integer, List<String>> levels = new TreeMap<>();
    notifyByLevel.forEach((level, roles) -> levels.put(level, List.copyOf(roles)));
    notifyByLevel = Collections.unmodifiableSortedMap(levels);
    rulesFired = List.copyOf(rulesFired);
  }
}
