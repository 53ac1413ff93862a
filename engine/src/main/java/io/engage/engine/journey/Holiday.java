package io.engage.engine.journey;

import java.time.LocalDate;

/**
 * A holiday on the calendar. {@code rule}: LUNAR (a Chinese-calendar month and day, 春节 1/1,
 * 中秋 8/15), ANNUAL (the same Gregorian date each year, 618, 双11) or ONCE (one date).
 */
public record Holiday(String key, String name, String rule, Integer year, int month, int day, boolean shipped,
    LocalDate date) {

  static final String LUNAR = "LUNAR";
  static final String ANNUAL = "ANNUAL";
  static final String ONCE = "ONCE";
}
