package io.engage.engine.journey;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Journey preview: runs one version of a journey for one customer on a fresh in-memory Zeebe
 * engine of its own (its own gateway on loopback), with preview workers that record what each step
 * would do instead of doing it, and jumps the engine clock from timer to timer instead of waiting.
 * Nothing is sent and none of the customer's records are written.
 */
@Service
class JourneyPreviews {

  static final Set<String> EVENT_TYPES = Set.of("order.placed", "order.refunded", "complaint.resolved",
      "survey.answered", "lifecycle.changed", "customer.registered", "review.posted", "content.shared");

  private final JourneyCatalog catalog;
  private final PreviewWorkers workers;
  private final JourneyProperties properties;
  private final Semaphore slots;

  JourneyPreviews(JourneyCatalog catalog, PreviewWorkers workers, JourneyProperties properties) {
    this.catalog = catalog;
    this.workers = workers;
    this.properties = properties;
    this.slots = new Semaphore(Math.max(1, properties.preview().concurrent()));
  }

  /**
   * An event to inject at a simulated time: {@code at} as an ISO-8601 duration after the start
   * (P2D, PT36H) or {@code day} (2 = two days after the start).
   */
  record Event(String type, String at, Integer day, Map<String, Object> data) {}

  /** {@code start}: extra data for the entry message (e.g. a complaint's severity and channel). */
  record Request(String customerId, Integer days, Integer version, Map<String, Object> start, List<Event> events) {}

  /** One thing that happened, at the simulated time, and how long after the start. */
  record Entry(Instant at, Duration after, String elementId, String name, String kind, Map<String, Object> detail) {}

  record Timeline(String journey, int version, String customerId, Instant start, Instant end, int days,
      boolean completed, List<Entry> entries, List<String> notes) {}

  record Injection(Duration after, String type, Map<String, Object> data) {}

  Timeline run(String journey, Request request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.customerId() == null || request.customerId().isBlank()) {
      errors.add(new FieldError("customerId", "is required"));
    }
    int days = request.days() == null ? 30 : request.days();
    if (days < 1 || days > properties.preview().maxDays()) {
      errors.add(new FieldError("days", "must be 1-" + properties.preview().maxDays()));
    }
    int version = request.version() == null
        ? catalog.latest(journey).orElseThrow(() -> ApiProblemException.notFound("Journey " + journey)).version()
        : request.version();
    if (catalog.version(journey, version).isEmpty()) {
      errors.add(new FieldError("version", "journey " + journey + " has no version " + version));
    }
    List<Injection> injections = injections(request.events(), days, errors);
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid preview", "The preview was not run", errors);
    }
    boolean acquired;
    try {
      acquired = slots.tryAcquire(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      acquired = false;
    }
    if (!acquired) {
      throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "Previews busy",
          "Another preview is running; try again in a few seconds", List.of());
    }
    try (PreviewRun run = new PreviewRun(journey, version, catalog.xml(journey, version), catalog.model(journey, version),
        request.customerId(), request.start() == null ? Map.of() : request.start(), workers, properties)) {
      return run.execute(Duration.ofDays(days), injections);
    } finally {
      slots.release();
    }
  }

  private static List<Injection> injections(List<Event> events, int days, List<FieldError> errors) {
    List<Injection> injections = new ArrayList<>();
    if (events == null) {
      return injections;
    }
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      String field = "events[" + i + "]";
      if (event.type() == null || !EVENT_TYPES.contains(event.type())) {
        errors.add(new FieldError(field + ".type", "must be one of " + EVENT_TYPES));
        continue;
      }
      Duration after = null;
      if (event.at() != null) {
        try {
          after = Duration.parse(event.at());
        } catch (DateTimeParseException e) {
          errors.add(new FieldError(field + ".at", "must be an ISO-8601 duration after the start, e.g. P2D or PT36H"));
          continue;
        }
      } else if (event.day() != null) {
        after = Duration.ofDays(event.day());
      } else {
        errors.add(new FieldError(field + ".at", "is required (or give day)"));
        continue;
      }
      if (after.isNegative() || after.compareTo(Duration.ofDays(days)) > 0) {
        errors.add(new FieldError(field + ".at", "must fall within the " + days + " days previewed"));
        continue;
      }
      injections.add(new Injection(after, event.type(), event.data() == null ? Map.of() : event.data()));
    }
    injections.sort(java.util.Comparator.comparing(Injection::after));
    return injections;
  }
}
