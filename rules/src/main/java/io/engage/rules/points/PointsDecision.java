package io.engage.rules.points;

import java.util.List;
import java.util.stream.Collectors;

/** The points an order earns and, per rule that fired, its share. */
public record PointsDecision(
    String ruleSet, String version, String customerId, String orderId, long points, List<Contribution> contributions) {

  public PointsDecision {
    contributions = List.copyOf(contributions);
  }

  /** E.g. "+240: base 120, GOLD x1.5 +60, books +60". */
  public String explanation() {
    String parts = contributions.stream().map(Contribution::description).collect(Collectors.joining(", "));
    return (points >= 0 ? "+" : "") + points + (parts.isEmpty() ? "" : ": " + parts);
  }

  public List<String> rulesFired() {
    return contributions.stream().map(Contribution::rule).toList();
  }
}
