package io.engage.engine.messaging;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frequency cap and quiet hours in force: as set through the API (kept in the database, so
 * every node applies a change at once and it survives restarts), else the configuration's
 * defaults.
 */
@Component
class PolicySettings {

  private final PolicyMapper mapper;
  private final MessagingProperties properties;
  private final Clock clock;

  PolicySettings(PolicyMapper mapper, MessagingProperties properties, Clock clock) {
    this.mapper = mapper;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @param source {@code configuration} or {@code api}
   * @param quietHoursStart local time, HH:mm; the window may cross midnight
   */
  record Policy(int frequencyCapMaxMessages, Duration frequencyCapPeriod, boolean quietHoursEnabled,
      LocalTime quietHoursStart, LocalTime quietHoursEnd, String source, String updatedBy, Instant updatedAt) {

    QuietHours quietHours() {
      return quietHoursEnabled ? new QuietHours(quietHoursStart, quietHoursEnd)
          : new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }
  }

  /** What an editor sends: every field. */
  record PolicyChange(Integer frequencyCapMaxMessages, String frequencyCapPeriod, Boolean quietHoursEnabled,
      String quietHoursStart, String quietHoursEnd) {}

  Policy current() {
    PolicyMapper.PolicyRow row = mapper.find();
    if (row == null) {
      MessagingProperties.FrequencyCap cap = properties.frequencyCap();
      MessagingProperties.QuietHours quiet = properties.quietHours();
      return new Policy(cap.maxMessages(), cap.period(), quiet.enabled(), quiet.start(), quiet.end(), "configuration",
          null, null);
    }
    return new Policy(row.frequencyCapMax(), Duration.parse(row.frequencyCapPeriod()), row.quietHoursEnabled(),
        LocalTime.parse(row.quietHoursStart()), LocalTime.parse(row.quietHoursEnd()), "api", row.updatedBy(),
        row.updatedAt());
  }

  @Transactional
  Policy change(PolicyChange change, String user) {
    List<FieldError> errors = new ArrayList<>();
    if (change.frequencyCapMaxMessages() == null || change.frequencyCapMaxMessages() < 0
        || change.frequencyCapMaxMessages() > 1000) {
      errors.add(new FieldError("frequencyCapMaxMessages", "must be 0 (no cap) to 1000"));
    }
    Duration period = null;
    try {
      period = change.frequencyCapPeriod() == null ? null : Duration.parse(change.frequencyCapPeriod());
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (period == null || period.compareTo(Duration.ofHours(1)) < 0 || period.compareTo(Duration.ofDays(366)) > 0) {
      errors.add(new FieldError("frequencyCapPeriod", "must be an ISO-8601 duration from PT1H to P366D, e.g. P7D"));
    }
    if (change.quietHoursEnabled() == null) {
      errors.add(new FieldError("quietHoursEnabled", "is required"));
    }
    LocalTime start = time(change.quietHoursStart(), "quietHoursStart", errors);
    LocalTime end = time(change.quietHoursEnd(), "quietHoursEnd", errors);
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid policy", "Some fields are invalid", errors);
    }
    mapper.upsert(new PolicyMapper.PolicyRow(change.frequencyCapMaxMessages(), period.toString(),
        change.quietHoursEnabled(), start.toString(), end.toString(), user, clock.instant()));
    return current();
  }

  @Transactional
  Policy reset() {
    mapper.delete();
    return current();
  }

  private static LocalTime time(String value, String field, List<FieldError> errors) {
    try {
      if (value != null && value.matches("\\d{2}:\\d{2}")) {
        return LocalTime.parse(value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    errors.add(new FieldError(field, "must be a local time HH:mm, e.g. 21:00"));
    return null;
  }
}
