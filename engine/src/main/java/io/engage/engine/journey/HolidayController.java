package io.engage.engine.journey;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/journeys/holidays")
@Tag(name = "Journeys", description = "Journey deployment, versions, pause, migration, experiments, preview")
class HolidayController {

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  private final HolidayCalendar calendar;
  private final HolidayMapper mapper;
  private final Clock clock;

  HolidayController(HolidayCalendar calendar, HolidayMapper mapper, Clock clock) {
    this.calendar = calendar;
    this.mapper = mapper;
    this.clock = clock;
  }

  /** {@code date} for one day, or with {@code annual: true} the same month and day every year. */
  record NewHoliday(String key, String name, String date, Boolean annual) {}

  @Operation(summary = "The holiday calendar of a year (default: this year), with 春节 and 中秋 from the lunar calendar")
  @GetMapping
  List<Holiday> list(@RequestParam(required = false) Integer year) {
    int wanted = year == null ? LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).getYear() : year;
    if (wanted < 1900 || wanted > 2100) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "year must be 1900-2100",
          List.of(new FieldError("year", "must be between 1900 and 2100")));
    }
    return calendar.year(wanted);
  }

  @Operation(summary = "Add a holiday (a date, or an annual date) that the holiday-greetings journey greets on")
  @PostMapping
  ResponseEntity<Holiday> add(@RequestBody NewHoliday body, Principal user) {
    List<FieldError> errors = new ArrayList<>();
    if (body.key() == null || !KEY.matcher(body.key()).matches()) {
      errors.add(new FieldError("key", "must be 1-40 lower-case letters, digits or -, e.g. member-day"));
    }
    if (body.name() == null || body.name().isBlank() || body.name().length() > 64) {
      errors.add(new FieldError("name", "is required, at most 64 characters"));
    }
    LocalDate date = null;
    try {
      date = body.date() == null ? null : LocalDate.parse(body.date());
    } catch (DateTimeException e) {
      // reported below
    }
    if (date == null) {
      errors.add(new FieldError("date", "is required, a date like 2026-08-08"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid holiday", "The holiday was not added", errors);
    }
    boolean annual = Boolean.TRUE.equals(body.annual());
    HolidayMapper.HolidayRow row = new HolidayMapper.HolidayRow(body.key(), body.name().trim(),
        annual ? Holiday.ANNUAL : Holiday.ONCE, annual ? null : date.getYear(), date.getMonthValue(),
        date.getDayOfMonth(), false);
    if (mapper.insertIfAbsent(row, user.getName(), Instant.now()) == 0) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Holiday exists", "A holiday with key " + body.key()
          + " exists; delete it first to change it", List.of(new FieldError("key", "is taken")));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(new Holiday(row.holidayKey(), row.name(), row.rule(),
        row.year(), row.month(), row.day(), false, date));
  }

  @Operation(summary = "Remove a holiday from the calendar (shipped ones too)")
  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String key) {
    if (mapper.delete(key) == 0) {
      throw ApiProblemException.notFound("Holiday " + key);
    }
    return ResponseEntity.noContent().build();
  }
}
