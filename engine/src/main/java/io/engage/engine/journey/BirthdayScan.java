package io.engage.engine.journey;

import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code birthday.today} at 09:00 in each customer's own time zone on their birthday (28 February
 * for 29 February birthdays in other years), once a year: trigger id {@code birthday:<year>}.
 */
@Component
class BirthdayScan extends DailyScan {

  static final String MESSAGE = "birthday.today";

  private final Customers customers;
  private final Clock clock;
  private final JourneyProperties properties;
  private List<MonthDay> days = List.of();

  BirthdayScan(TransactionTemplate transactions, TriggerMapper mapper, JourneyTriggers triggers,
      JourneyCatalog catalog, JourneyProperties properties, Customers customers, Clock clock) {
    super("birthday", MESSAGE, transactions, mapper, triggers, catalog, properties);
    this.customers = customers;
    this.clock = clock;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${engage.journeys.scans.interval}", initialDelayString = "PT30S")
  void scheduled() {
    if (properties.scans().enabled()) {
      runAt(clock.instant());
    }
  }

  @Override
  synchronized boolean prepare(Instant now) {
    days = LocalTimes.birthdaysCelebratedOn(LocalTimes.datesAnywhere(now));
    return true;
  }

  @Override
  List<Customers.ScheduleCandidate> candidates(String afterId, int limit) {
    return customers.withBirthdayOn(days, afterId, limit);
  }

  @Override
  List<Due> dueOn(Customers.ScheduleCandidate customer, ZonedDateTime localNow) {
    LocalDate today = localNow.toLocalDate();
    if (customer.birthday() == null || !LocalTimes.celebrated(customer.birthday(), today.getYear()).equals(today)) {
      return List.of();
    }
    return List.of(new Due("birthday:" + today.getYear(), Map.of()));
  }
}
