package io.engage.engine.security;

import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for machines: random 256-bit keys stored only as their SHA-256 (a key this long needs no
 * salt or slow hash: it cannot be guessed from a dictionary), shown once when created, scoped,
 * optionally expiring, revocable. The last-used time is written at most once a minute per key, so a
 * busy integration does not turn every event into a row update.
 */
@Service
public class ApiKeys {

  static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  private static final String PREFIX = "eng_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AccountMapper mapper;
  private final AuditTrail audit;
  private final Clock wallClock = Clock.systemUTC();

  ApiKeys(AccountMapper mapper, AuditTrail audit) {
    this.mapper = mapper;
    this.audit = audit;
  }

  /** A key as the admin list shows it: never the key itself. */
  public record ApiKeyView(long id, String name, List<String> scopes, Instant createdAt, String createdBy,
      Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {}

  /** A key just created: the only time {@code key} is shown. */
  public record CreatedKey(String key, ApiKeyView apiKey) {}

  /** Registers a known key (the demo key) unless it is already registered. */
  @Transactional
  public void ensureApiKey(String name, String rawKey, Set<ApiKeyScope> scopes) {
    mapper.insertKeyIfAbsent(name, Hashes.sha256Hex(rawKey), Role.INTEGRATION.name(), join(scopes), now());
  }

  @Transactional
  CreatedKey create(String name, List<String> scopeNames, Instant expiresAt, String createdBy) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank() || name.length() > 64) {
      errors.add(new FieldError("name", "is required, at most 64 characters"));
    }
    Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
    if (scopeNames == null || scopeNames.isEmpty()) {
      errors.add(new FieldError("scopes", "name at least one of " + knownScopes()));
    } else {
      for (int i = 0; i < scopeNames.size(); i++) {
        Optional<ApiKeyScope> scope = ApiKeyScope.fromWireName(scopeNames.get(i));
        if (scope.isEmpty()) {
          errors.add(new FieldError("scopes[" + i + "]", "unknown scope; known: " + knownScopes()));
        } else {
          scopes.add(scope.get());
        }
      }
    }
    Instant now = now();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      errors.add(new FieldError("expiresAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid API key", "Some fields are invalid", errors);
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    AccountMapper.NewKey row = new AccountMapper.NewKey(null, name.trim(), Hashes.sha256Hex(key),
        Role.INTEGRATION.name(), join(scopes), now, expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS),
        createdBy);
    mapper.insertKey(row);
    audit.record(AuditEvent.of("api-key.created", "api-key", String.valueOf(row.id()))
        .with("name", row.name()).with("scopes", row.scopes()).with("expiresAt", expiresAt));
    return new CreatedKey(key, view(mapper.findKey(row.id())));
  }

  List<ApiKeyView> list() {
    return mapper.listKeys().stream().map(ApiKeys::view).toList();
  }

  @Transactional
  void revoke(long id) {
    if (mapper.findKey(id) == null) {
      throw ApiProblemException.notFound("API key " + id);
    }
    if (mapper.revokeKey(id, now()) > 0) {
      audit.record(AuditEvent.of("api-key.revoked", "api-key", String.valueOf(id)));
    }
  }

  /** The key's caller, when it exists, is not revoked and has not expired. */
  @Transactional
  Optional<KeyCaller> authenticate(String rawKey) {
    Instant now = now();
    AccountMapper.ApiKeyRow row = mapper.findActiveKey(Hashes.sha256Hex(rawKey), now);
    if (row == null) {
      return Optional.empty();
    }
    if (row.lastUsedAt() == null || row.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
      mapper.touchKey(row.id(), now, now.minus(LAST_USED_PRECISION));
    }
    Set<ApiKeyScope> scopes = parse(row.scopes());
    List<SimpleGrantedAuthority> authorities = Arrays.stream(row.roles().split(","))
        .map(String::trim).filter(role -> !role.isEmpty())
        .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    return Optional.of(new KeyCaller(row.name(), authorities, scopes));
  }

  /** Who is calling with a key: its name, roles and scopes. */
  record KeyCaller(String name, List<SimpleGrantedAuthority> authorities, Set<ApiKeyScope> scopes) {}

  private static ApiKeyView view(AccountMapper.ApiKeyListRow row) {
    return new ApiKeyView(row.id(), row.name(), parse(row.scopes()).stream().map(ApiKeyScope::wireName).toList(),
        row.createdAt(), row.createdBy(), row.expiresAt(), row.lastUsedAt(), row.revokedAt());
  }

  private static Set<ApiKeyScope> parse(String scopes) {
    Set<ApiKeyScope> parsed = EnumSet.noneOf(ApiKeyScope.class);
    for (String name : scopes.split(",")) {
      ApiKeyScope.fromWireName(name.trim()).ifPresent(parsed::add);
    }
    return parsed;
  }

  private static String join(Set<ApiKeyScope> scopes) {
    return scopes.stream().map(ApiKeyScope::wireName).collect(Collectors.joining(","));
  }

  private static String knownScopes() {
    return Arrays.stream(ApiKeyScope.values()).map(ApiKeyScope::wireName).collect(Collectors.joining(", "));
  }

  private Instant now() {
    return wallClock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
