package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The dashboard's view: how many customers in each R x F cell and in each named segment. */
public record RfmSummary(LocalDate asOf, Instant computedAt, long customers, List<Cell> grid, List<SegmentCount> segments) {

  public record Cell(int r, int f, long customers) {}

  public record SegmentCount(String segment, String name, long customers, BigDecimal monetary) {}
}
