package io.engage.rules.tables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The shipped points and tiers rule sets written as rule grids ({@code name.grid.csv} beside
 * {@code name.drl}): what business staff start from when the active version is the shipped DRL.
 * They decide exactly as the DRL does (ShippedGridsTest), so saving one unchanged changes nothing.
 */
public final class ShippedGrids {

  private ShippedGrids() {}

  /** The grid of shipped rule set {@code ruleSet}, if it has one. */
  public static Optional<RuleGrid> of(String ruleSet) {
    String path = "io/engage/rules/" + ruleSet + "/" + ruleSet + ".grid.csv";
    try (InputStream in = ShippedGrids.class.getClassLoader().getResourceAsStream(path)) {
      return in == null ? Optional.empty() : Optional.ofNullable(GridCompiler.fromCsv(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
