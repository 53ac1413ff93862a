package io.engage.engine.dashboard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** The width of one point on a time chart, in the dashboards' calendar. */
enum Bucket {
  DAY, WEEK, MONTH;

  static Bucket parse(String value) {
    return Bucket.valueOf(value.trim().toUpperCase(Locale.ROOT));
  }

  /** The first day of the bucket holding {@code day}. */
  LocalDate startOf(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }

  LocalDate next(LocalDate start) {
    return switch (this) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
    };
  }
}
