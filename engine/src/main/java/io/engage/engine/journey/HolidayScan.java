package io.engage.engine.journey;

import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code holiday.greeting} at 09:00 in each opted-in customer's own time zone on each calendar
 * holiday, once per holiday and year: trigger id {@code holiday:<key>:<year>}. Customers who have
 * not agreed to marketing on their preferred channel are not even triggered.
 */
@Component
class HolidayScan extends DailyScan {

  static final String MESSAGE = "holiday.greeting";

  private final Customers customers;
  private final HolidayCalendar calendar;
  private final Clock clock;
  private final JourneyProperties properties;
  private Map<LocalDate, List<Holiday>> holidays = Map.of();

  HolidayScan(TransactionTemplate transactions, TriggerMapper mapper, JourneyTriggers triggers,
      JourneyCatalog catalog, JourneyProperties properties, Customers customers, HolidayCalendar calendar,
      Clock clock) {
    super("holiday", MESSAGE, transactions, mapper, triggers, catalog, properties);
    this.customers = customers;
    this.calendar = calendar;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${engage.journeys.scans.interval}", initialDelayString = "PT40S")
  void scheduled() {
    if (properties.scans().enabled()) {
      runAt(clock.instant());
    }
  }

  @Override
  synchronized boolean prepare(Instant now) {
    Map<LocalDate, List<Holiday>> near = new HashMap<>();
    for (LocalDate date : LocalTimes.datesAnywhere(now)) {
      List<Holiday> onDate = calendar.year(date.getYear()).stream().filter(h -> h.date().equals(date)).toList();
      if (!onDate.isEmpty()) {
        near.put(date, onDate);
      }
    }
    holidays = near;
    return !near.isEmpty();
  }

  @Override
  List<Customers.ScheduleCandidate> candidates(String afterId, int limit) {
    return customers.optedIn(afterId, limit);
  }

  @Override
  List<Due> dueOn(Customers.ScheduleCandidate customer, ZonedDateTime localNow) {
    LocalDate today = localNow.toLocalDate();
    return holidays.getOrDefault(today, List.of()).stream()
        .map(h -> new Due("holiday:" + h.key() + ":" + today.getYear(),
            Map.<String, Object>of("holiday", h.key(), "holidayName", h.name())))
        .toList();
  }
}
