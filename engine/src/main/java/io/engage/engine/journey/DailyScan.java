package io.engage.engine.journey;

import io.engage.engine.customer.Customers;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A daily journey scan: at each run, every candidate customer for whom it is at or after the
 * configured local time (09:00) on a day the scan is about gets a trigger for each journey that
 * starts on the scan's message and is not paused. One node at a time runs it (a row lock held for
 * the run; other nodes skip); the triggers are unique, so a scan run again triggers nothing twice.
 */
abstract class DailyScan {

  private static final Logger log = LoggerFactory.getLogger(DailyScan.class);
  private static final int PAGE = 500;
  private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private final String name;
  private final String messageName;
  private final TransactionTemplate transactions;
  private final TriggerMapper mapper;
  private final JourneyTriggers triggers;
  private final JourneyCatalog catalog;
  private final LocalTime localTime;

  DailyScan(String name, String messageName, TransactionTemplate transactions, TriggerMapper mapper,
      JourneyTriggers triggers, JourneyCatalog catalog, JourneyProperties properties) {
    this.name = name;
    this.messageName = messageName;
    this.transactions = transactions;
    this.mapper = mapper;
    this.triggers = triggers;
    this.catalog = catalog;
    this.localTime = properties.scans().localTime();
  }

  /** A trigger that is due for a customer now: its id and the message variables beyond the ids. */
  record Due(String triggerId, Map<String, Object> variables) {}

  /** Prepares a run at this instant; false when there is nothing to scan for (no holiday near). */
  abstract boolean prepare(Instant now);

  abstract List<Customers.ScheduleCandidate> candidates(String afterId, int limit);

  /** What is due for the customer on their local date, if anything. */
  abstract List<Due> dueOn(Customers.ScheduleCandidate customer, ZonedDateTime localNow);

  /** Runs the scan as of {@code now}; returns how many triggers it recorded (-1: another node runs it). */
  int runAt(Instant now) {
    Integer recorded = transactions.execute(status -> {
      if (mapper.lockScan(name) == null) {
        return -1;
      }
      mapper.markScanRun(name, NODE, now.truncatedTo(ChronoUnit.MILLIS));
      List<String> journeys = catalog.activeJourneysStartingOn(messageName);
      if (journeys.isEmpty() || !prepare(now)) {
        return 0;
      }
      int count = 0;
      String after = "";
      while (true) {
        List<Customers.ScheduleCandidate> page = candidates(after, PAGE);
        count += triggerPage(page, journeys, now);
        if (page.size() < PAGE) {
          return count;
        }
        after = page.getLast().id();
      }
    });
    if (recorded != null && recorded > 0) {
      log.info("Scan {} at {} started {} journey triggers", name, now, recorded);
    }
    return recorded == null ? 0 : recorded;
  }

  private int triggerPage(List<Customers.ScheduleCandidate> page, List<String> journeys, Instant now) {
    int count = 0;
    for (Customers.ScheduleCandidate customer : page) {
      ZonedDateTime local = LocalTimes.localNow(now, customer.timeZone());
      if (local.toLocalTime().isBefore(localTime)) {
        continue;
      }
      for (Due due : dueOn(customer, local)) {
        for (String journey : journeys) {
          if (triggers.record(customer.id(), journey, due.triggerId(), messageName, due.variables(),
              local.toLocalDate().atTime(localTime), now.truncatedTo(ChronoUnit.MILLIS))) {
            count++;
          }
        }
      }
    }
    return count;
  }

}
