package io.engage.rules.points;

/** What one rule added, e.g. ("Tier multiplier", 60, "GOLD x1.5 +60"). */
public record Contribution(String rule, long points, String description) {}
