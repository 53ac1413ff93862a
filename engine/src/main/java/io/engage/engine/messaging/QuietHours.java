package io.engage.engine.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The local hours in which marketing messages wait, e.g. 21:00-09:00 in the customer's own time
 * zone. A window may cross midnight; start equal to end means there is none.
 */
record QuietHours(LocalTime start, LocalTime end) {

  /**
   * When the quiet hours around {@code now} end in {@code zone}, or empty when {@code now} is not
   * in them. On a daylight-saving gap the end moves to the first valid local time after it.
   */
  Optional<ZonedDateTime> endOf(Instant now, ZoneId zone) {
    if (start.equals(end)) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean crossesMidnight = start.isAfter(end);
    boolean quiet = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
        : !time.isBefore(start) && time.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    LocalDate endDate = crossesMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    return Optional.of(ZonedDateTime.of(endDate, end, zone));
  }
}
