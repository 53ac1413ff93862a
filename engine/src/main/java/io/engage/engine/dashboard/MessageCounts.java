package io.engage.engine.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Messages to customers created in the range, counted per channel and current status. */
public record MessageCounts(LocalDate from, LocalDate to, ZoneId zone, long total, List<Count> counts) {

  public record Count(String channel, String status, long messages) {}
}
