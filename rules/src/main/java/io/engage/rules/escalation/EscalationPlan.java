package io.engage.rules.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The working fact for one complaint. A severity rule sets the SLA and start level, later rules
 * adjust them (halve, raise), the ladder rule says who is notified at each level. Every step adds
 * its reason. Nothing here re-triggers rules.
 */
public final class EscalationPlan {

  private final EscalationFact fact;
  private final List<String> rulesFired = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();
  private final NavigableMap<Integer, List<String>> ladder = new TreeMap<>();
  private Integer slaHours;
  private int startLevel = 1;
  private int maxLevel;

  EscalationPlan(EscalationFact fact) {
    this.fact = fact;
  }

  public Severity getSeverity() {
    return fact.severity();
  }

  public String getTier() {
    return fact.tier();
  }

  public String getChannel() {
    return fact.channel();
  }

  /** The severity's SLA and start level: "CRITICAL: 2h, start level 2". */
  public void start(String rule, int hours, int level) {
    rulesFired.add(rule);
    slaHours = hours;
    startLevel = level;
    reasons.add(fact.severity() + ": " + hours + "h, start level " + level);
  }

  /** Halves the SLA set so far, rounded up to a whole hour: "GOLD: half SLA 4h". */
  public void halveSla(String rule) {
    requireStarted(rule);
    rulesFired.add(rule);
    slaHours = Math.max(1, (slaHours + 1) / 2);
    reasons.add(fact.tier() + ": half SLA " + slaHours + "h");
  }

  /** Starts {@code levels} higher, never above the maximum level: "WEIBO: start level +1 → 3". */
  public void raiseStart(String rule, int levels, String why) {
    requireStarted(rule);
    rulesFired.add(rule);
    startLevel = maxLevel > 0 ? Math.min(startLevel + levels, maxLevel) : startLevel + levels;
    reasons.add(fact.channel() + " " + why + ": start level +" + levels + " → " + startLevel);
  }

  /** Who is notified on reaching {@code level}; the highest level given is the maximum. */
  public void notifyAt(String rule, int level, String... roles) {
    if (!rulesFired.contains(rule)) {
      rulesFired.add(rule);
    }
    ladder.put(level, List.of(roles));
    maxLevel = Math.max(maxLevel, level);
  }

  private void requireStarted(String rule) {
    if (slaHours == null) {
      throw new IllegalStateException("Rule '" + rule + "' adjusts an SLA that no severity rule set");
    }
  }

  EscalationDecision decision(String ruleSet, String version) {
    if (slaHours == null || maxLevel == 0) {
      throw new IllegalStateException("The escalation rules decided no SLA or no levels for " + fact.complaintId());
    }
    int start = Math.min(startLevel, maxLevel);
    Map<Integer, List<String>> reached = ladder.subMap(start, true, maxLevel, true);
    return new EscalationDecision(ruleSet, version, slaHours, start, maxLevel, reached,
        String.join("; ", reasons), rulesFired);
  }
}
