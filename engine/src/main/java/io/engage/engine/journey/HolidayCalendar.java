package io.engage.engine.journey;

import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The holidays of a Gregorian year: lunar holidays converted with ICU's Chinese calendar (as
 * observed in China, Asia/Shanghai), annual ones on their date, one-off ones in their year. The
 * dates are computed from the definitions in the {@code holiday} table, so no year ever needs to
 * be entered by hand.
 */
@Component
class HolidayCalendar {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /**
   * The official date where ICU's astronomical approximation puts a new moon that falls just
   * before midnight in Beijing on the next day (春节 2027 and 2030 come out a day late). Checked
   * against the national calendar for 2020-2035; add a line here if another year is found.
   */
  private static final Map<String, LocalDate> OFFICIAL = Map.of(
      "2027-1-1", LocalDate.of(2027, 2, 6),
      "2030-1-1", LocalDate.of(2030, 2, 3));
  private final HolidayMapper mapper;
  private final Map<String, LocalDate> lunarDates = new ConcurrentHashMap<>();

  HolidayCalendar(HolidayMapper mapper) {
    this.mapper = mapper;
  }

  List<Holiday> year(int year) {
    List<Holiday> holidays = new ArrayList<>();
    for (HolidayMapper.HolidayRow row : mapper.findAll()) {
      LocalDate date = dateIn(row, year);
      if (date != null) {
        holidays.add(new Holiday(row.holidayKey(), row.name(), row.rule(), row.year(), row.month(), row.day(),
            row.shipped(), date));
      }
    }
    holidays.sort(Comparator.comparing(Holiday::date).thenComparing(Holiday::key));
    return holidays;
  }

  private LocalDate dateIn(HolidayMapper.HolidayRow row, int year) {
    return switch (row.rule()) {
      case Holiday.LUNAR -> lunar(year, row.month(), row.day());
      case Holiday.ANNUAL -> row.month() == 2 && row.day() == 29 && !java.time.Year.isLeap(year)
          ? null : LocalDate.of(year, row.month(), row.day());
      case Holiday.ONCE -> row.year() != null && row.year() == year ? LocalDate.of(year, row.month(), row.day()) : null;
      default -> null;
    };
  }

  /**
   * The Gregorian date in {@code year} of a Chinese-calendar month and day of the Chinese year that
   * begins in that Gregorian year (春节 falls between 21 January and 20 February).
   */
  LocalDate lunar(int year, int month, int day) {
    LocalDate official = OFFICIAL.get(year + "-" + month + "-" + day);
    if (official != null) {
      return official;
    }
    return lunarDates.computeIfAbsent(year + "-" + month + "-" + day, k -> {
      ChineseCalendar calendar = new ChineseCalendar(TimeZone.getTimeZone(CHINA.getId()));
      calendar.setTimeInMillis(LocalDate.of(year, 7, 1).atTime(LocalTime.NOON).atZone(CHINA).toInstant().toEpochMilli());
      int chineseYear = calendar.get(ChineseCalendar.EXTENDED_YEAR);
      calendar.clear();
      calendar.set(ChineseCalendar.EXTENDED_YEAR, chineseYear);
      calendar.set(ChineseCalendar.MONTH, month - 1);
      calendar.set(ChineseCalendar.IS_LEAP_MONTH, 0);
      calendar.set(ChineseCalendar.DAY_OF_MONTH, day);
      calendar.set(ChineseCalendar.HOUR_OF_DAY, 12);
      return java.time.Instant.ofEpochMilli(calendar.getTimeInMillis()).atZone(CHINA).toLocalDate();
    });
  }
}
