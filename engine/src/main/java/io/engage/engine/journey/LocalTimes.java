package io.engage.engine.journey;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Time-zone arithmetic of the daily scans. */
final class LocalTimes {

  private static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private LocalTimes() {}

  /** Every local date some time zone (UTC-12 to UTC+14) is on at this instant. */
  static List<LocalDate> datesAnywhere(Instant now) {
    LocalDate first = now.atOffset(ZoneOffset.ofHours(-12)).toLocalDate();
    LocalDate last = now.atOffset(ZoneOffset.ofHours(14)).toLocalDate();
    List<LocalDate> dates = new ArrayList<>();
    for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
      dates.add(date);
    }
    return dates;
  }

  /** The birthdays celebrated on these dates: 29 February ones on 28 February in other years. */
  static List<MonthDay> birthdaysCelebratedOn(List<LocalDate> dates) {
    List<MonthDay> days = new ArrayList<>();
    for (LocalDate date : dates) {
      days.add(MonthDay.from(date));
      if (date.getMonthValue() == 2 && date.getDayOfMonth() == 28 && !date.isLeapYear()) {
        days.add(MonthDay.of(2, 29));
      }
    }
    return days;
  }

  /** The day a birthday is celebrated in a year. */
  static LocalDate celebrated(LocalDate birthday, int year) {
    MonthDay day = MonthDay.from(birthday);
    return day.isValidYear(year) ? day.atYear(year) : LocalDate.of(year, 2, 28);
  }

  /** The customer's local time now; an unknown zone counts as the default (China). */
  static ZonedDateTime localNow(Instant now, String zone) {
    try {
      return now.atZone(zone == null ? DEFAULT_ZONE : ZoneId.of(zone));
    } catch (DateTimeException e) {
      return now.atZone(DEFAULT_ZONE);
    }
  }
}
