package io.engage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rule sets Engage ships, each compiled once per JVM as version 1 on first use. Set
 * {@code name}'s DRL is {@code io/engage/rules/name/name.drl} on the class path.
 */
public final class ShippedRuleSets {

  public static final String POINTS = "points";
  public static final String TIERS = "tiers";
  public static final String ACTIVITY = "activity";
  public static final String REFERRAL = "referral";
  public static final String ESCALATION = "escalation";
  public static final String BIRTHDAY = "birthday";
  static final String SHIPPED_VERSION = "1";
  private static final List<String> NAMES = List.of(POINTS, TIERS, ACTIVITY, REFERRAL, ESCALATION, BIRTHDAY);
  private static final Map<String, CompiledRuleSet> COMPILED = new ConcurrentHashMap<>();

  private ShippedRuleSets() {}

  /** Every shipped rule set, in a stable order. */
  public static List<String> names() {
    return NAMES;
  }

  /** The DRL of shipped set {@code name}; unknown names are refused. */
  public static List<RuleSource> sources(String name) {
    if (!NAMES.contains(name)) {
      throw new IllegalArgumentException("No shipped rule set " + name + "; shipped: " + NAMES);
    }
    return List.of(read("io/engage/rules/" + name + "/" + name + ".drl"));
  }

  /** Shipped set {@code name}, compiled as version 1. */
  public static CompiledRuleSet compiled(String name) {
    return COMPILED.computeIfAbsent(name, n -> CompiledRuleSet.compile(n, SHIPPED_VERSION, sources(n)));
  }

  public static CompiledRuleSet points() {
    return compiled(POINTS);
  }

  public static CompiledRuleSet tiers() {
    return compiled(TIERS);
  }

  /** Review and share points. */
  public static CompiledRuleSet activity() {
    return compiled(ACTIVITY);
  }

  public static CompiledRuleSet referral() {
    return compiled(REFERRAL);
  }

  public static CompiledRuleSet escalation() {
    return compiled(ESCALATION);
  }

  public static CompiledRuleSet birthday() {
    return compiled(BIRTHDAY);
  }

  public static List<RuleSource> pointsSources() {
    return sources(POINTS);
  }

  public static List<RuleSource> tiersSources() {
    return sources(TIERS);
  }

  public static List<RuleSource> activitySources() {
    return sources(ACTIVITY);
  }

  public static List<RuleSource> referralSources() {
    return sources(REFERRAL);
  }

  public static List<RuleSource> escalationSources() {
    return sources(ESCALATION);
  }

  public static List<RuleSource> birthdaySources() {
    return sources(BIRTHDAY);
  }

  private static RuleSource read(String path) {
    try (InputStream in = ShippedRuleSets.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing shipped rule file " + path);
      }
      return new RuleSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
