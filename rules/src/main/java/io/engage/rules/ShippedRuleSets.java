package io.engage.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The rule sets Engage ships, compiled once as version 1. */
public final class ShippedRuleSets {

  public static final String POINTS = "points";
  public static final String TIERS = "tiers";
  static final String SHIPPED_VERSION = "1";
  private static final String POINTS_DRL = "io/engage/rules/points/points.drl";
  private static final String TIERS_DRL = "io/engage/rules/tiers/tiers.drl";

  private ShippedRuleSets() {}

  public static CompiledRuleSet points() {
    return Compiled.POINTS;
  }

  public static CompiledRuleSet tiers() {
    return Compiled.TIERS;
  }

  public static List<RuleSource> pointsSources() {
    return List.of(read(POINTS_DRL));
  }

  public static List<RuleSource> tiersSources() {
    return List.of(read(TIERS_DRL));
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

  /** Compiled on first use, once per JVM. */
  private static final class Compiled {
    static final CompiledRuleSet POINTS = CompiledRuleSet.compile(ShippedRuleSets.POINTS, SHIPPED_VERSION, pointsSources());
    static final CompiledRuleSet TIERS = CompiledRuleSet.compile(ShippedRuleSets.TIERS, SHIPPED_VERSION, tiersSources());
  }
}
