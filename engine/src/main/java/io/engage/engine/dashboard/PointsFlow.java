package io.engage.engine.dashboard;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Points that entered and left customers' accounts per bucket. {@code issued}: every positive
 * ledger entry (orders, activities, journeys, birthday gifts); {@code redeemed}, {@code expired}
 * and {@code reversed} (refunds): the points those entries took out, as positive numbers.
 */
public record PointsFlow(LocalDate from, LocalDate to, String bucket, ZoneId zone, List<Point> points, Totals totals) {

  /** One bucket, labelled with its first day (a week's Monday, a month's first). */
  public record Point(LocalDate date, long issued, long redeemed, long expired, long reversed) {}

  public record Totals(long issued, long redeemed, long expired, long reversed) {

    static Totals of(List<Point> points) {
      return new Totals(points.stream().mapToLong(Point::issued).sum(), points.stream().mapToLong(Point::redeemed).sum(),
          points.stream().mapToLong(Point::expired).sum(), points.stream().mapToLong(Point::reversed).sum());
    }
  }
}
