package io.engage.engine.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locks a username for {@code duration} after {@code maxFailures} failed logins in a row (failures
 * further apart than {@code duration} start the count again). Kept in the database, so every engine
 * node behind a load balancer refuses the name alike, and a restart does not unlock it.
 */
@Service
class LoginLockout {

  /** @param maxFailures failed logins that lock the name; @param duration how long it stays locked */
  @ConfigurationProperties("engage.security.lockout")
  record LockoutProperties(Integer maxFailures, Duration duration) {
    LockoutProperties {
      maxFailures = maxFailures == null ? 5 : maxFailures;
      duration = duration == null ? Duration.ofMinutes(15) : duration;
    }
  }

  private static final int MAX_NAME = 128;
  private final LoginLockoutMapper mapper;
  private final LockoutProperties properties;
  private final Clock wallClock = Clock.systemUTC();

  LoginLockout(LoginLockoutMapper mapper, LockoutProperties properties) {
    this.mapper = mapper;
    this.properties = properties;
  }

  /** Until when the name is locked, if it is now. */
  Optional<Instant> lockedUntil(String username) {
    Instant until = mapper.lockedUntil(key(username));
    return until != null && until.isAfter(now()) ? Optional.of(until) : Optional.empty();
  }

  /** Counts a failure; the lock's end when this failure locked the name. */
  @Transactional
  Optional<Instant> failed(String username) {
    String key = key(username);
    Instant now = now();
    mapper.insertIfAbsent(key, now);
    LoginLockoutMapper.Failures row = mapper.lockRow(key);
    boolean sameRun = row.failures() > 0 && row.lastFailureAt().isAfter(now.minus(properties.duration()));
    int failures = sameRun ? row.failures() + 1 : 1;
    Instant lockedUntil = failures >= properties.maxFailures() ? now.plus(properties.duration()) : null;
    // A locked name starts a fresh count when the lock ends.
    mapper.update(key, lockedUntil == null ? failures : 0, now, lockedUntil);
    return Optional.ofNullable(lockedUntil);
  }

  @Transactional
  void succeeded(String username) {
    mapper.delete(key(username));
  }

  int maxFailures() {
    return properties.maxFailures();
  }

  private static String key(String username) {
    String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
  }

  private Instant now() {
    return wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
