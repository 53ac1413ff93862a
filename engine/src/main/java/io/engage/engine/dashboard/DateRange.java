package io.engage.engine.dashboard;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * Days {@code from} to {@code to}, both included, in the dashboards' calendar. The instants are
 * the local midnights, so a day of a daylight-saving change is 23 or 25 hours long, as it should.
 */
record DateRange(LocalDate from, LocalDate to, ZoneId zone) {

  /** A half-open time span [start, end) with the first day it covers, for one point of a chart. */
  record Slice(int index, LocalDate day, Instant start, Instant end) {}

  static DateRange parse(String from, String to, int defaultDays, ZoneId zone, LocalDate today) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate end = date("to", to, errors);
    LocalDate start = date("from", from, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    end = end != null ? end : today;
    start = start != null ? start : end.minusDays(defaultDays - 1L);
    if (start.isAfter(end)) {
      throw invalid(List.of(new FieldError("from", "must not be after 'to' (" + end + ")")));
    }
    return new DateRange(start, end, zone);
  }

  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The buckets covering the range, the first and last cut to it; refused beyond {@code max}. */
  List<Slice> slices(Bucket bucket, int max) {
    List<Slice> slices = new ArrayList<>();
    LocalDate afterLast = to.plusDays(1);
    for (LocalDate start = bucket.startOf(from); start.isBefore(afterLast); start = bucket.next(start)) {
      if (slices.size() == max) {
        throw invalid(List.of(new FieldError("bucket",
            "the range needs more than " + max + " " + bucket.name().toLowerCase() + "s; choose a wider bucket or a shorter range")));
      }
      LocalDate first = start.isBefore(from) ? from : start;
      LocalDate next = bucket.next(start);
      LocalDate last = next.isAfter(afterLast) ? afterLast : next;
      slices.add(new Slice(slices.size(), start, first.atStartOfDay(zone).toInstant(), last.atStartOfDay(zone).toInstant()));
    }
    return slices;
  }

  private static LocalDate date(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "'" + value + "' is not a date (yyyy-MM-dd)"));
      return null;
    }
  }

  static ApiProblemException invalid(List<FieldError> errors) {
    return new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid dashboard query",
        errors.getFirst().field() + ": " + errors.getFirst().reason(), errors);
  }
}
