package io.engage.engine.customer;

import io.engage.engine.platform.web.ApiProblemException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The customer feature's public API: profiles, consent, the current tier, tags and identity. */
@Service
public class Customers {

  /** The tier of a new customer; the tier rules move customers from here. */
  public static final String DEFAULT_TIER = "BASIC";

  /** Tags are short keys: lower-case letters, digits and - _ . : */
  public static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");

  private final CustomerMapper mapper;
  private final ApplicationEventPublisher publisher;
  private final ContactLookup lookup;

  Customers(CustomerMapper mapper, ApplicationEventPublisher publisher, ContactLookup lookup) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.lookup = lookup;
  }

  public Optional<CustomerIdentity> identity(String id) {
    return Optional.ofNullable(mapper.findIdentity(id));
  }

  public List<CustomerTag> tags(String customerId) {
    return mapper.findTags(customerId);
  }

  /** Adds the tag once; returns false when the customer already had it. */
  @Transactional
  public boolean addTag(String customerId, String tag, String source, Instant now) {
    requireTag(tag);
    if (mapper.findById(customerId) == null) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
    boolean added = mapper.insertTag(customerId, tag, source, now) == 1;
    if (added) {
      publisher.publishEvent(new CustomerProfileChanged(customerId, "tag"));
    }
    return added;
  }

  @Transactional
  public boolean removeTag(String customerId, String tag) {
    boolean removed = mapper.deleteTag(customerId, tag) == 1;
    if (removed) {
      publisher.publishEvent(new CustomerProfileChanged(customerId, "tag"));
    }
    return removed;
  }

  private static void requireTag(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid tag",
          "A tag is 1-64 lower-case letters, digits and . _ : - (starting with a letter or digit)",
          List.of(new io.engage.engine.platform.web.FieldError("tag", "must match " + TAG.pattern())));
    }
  }

  /** A live profile holding a verified contact point another live profile holds too. */
  public record ContactMatch(String kind, String lookupKey, String customerId) {}

  /** Live profiles that share a verified email or phone, grouped by key, oldest registration first. */
  public List<ContactMatch> verifiedDuplicates(int limit) {
    return mapper.findVerifiedDuplicates(limit).stream()
        .map(m -> new ContactMatch(m.kind(), m.lookupKey(), m.customerId()))
        .toList();
  }

  /** Marks the profile's email and/or phone as verified (or not); null leaves a flag as it is. */
  @Transactional
  public void setVerified(String customerId, Boolean emailVerified, Boolean phoneVerified) {
    Customer customer = mapper.findByIdForUpdate(customerId);
    if (customer == null) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
    mapper.updateContactPoints(customerId, lookup.emailKey(customer.email()), lookup.phoneKey(customer.phone()),
        emailVerified, phoneVerified);
    publisher.publishEvent(new CustomerProfileChanged(customerId, "verification"));
  }

  /**
   * Imports profiles that do not exist yet, in one multi-row statement; returns the ids that were
   * new. Existing profiles are left as they are (a re-run of the same file changes nothing).
   */
  @Transactional
  public Set<String> importProfiles(List<ImportedProfile> profiles, String defaultZone, Instant now) {
    if (profiles.isEmpty()) {
      return Set.of();
    }
    Set<String> existing = new HashSet<>(mapper.findExisting(profiles.stream().map(ImportedProfile::id).toList()));
    List<CustomerMapper.ProfileRow> rows = profiles.stream()
        .filter(p -> !existing.contains(p.id()))
        .map(p -> new CustomerMapper.ProfileRow(p, lookup.emailKey(p.email()), lookup.phoneKey(p.phone())))
        .toList();
    if (!rows.isEmpty()) {
      mapper.insertProfiles(rows, now, defaultZone);
    }
    Set<String> created = new HashSet<>();
    rows.forEach(row -> created.add(row.profile().id()));
    return created;
  }

  /** Creates guest profiles (no personal data) for the ids that have none, e.g. customers of imported orders. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int ensureGuests(Collection<String> ids, String zone, Instant now) {
    return ids.isEmpty() ? 0 : mapper.insertGuests(ids, zone, now);
  }

  public Optional<Customer> find(String id) {
    return Optional.ofNullable(mapper.findById(id));
  }

  /** Live profiles holding this phone number exactly as stored (e.g. "+8613800000001"). */
  public List<String> withPhone(String phone) {
    String key = lookup.phoneKey(phone);
    return key == null ? List.of() : mapper.findLiveIdsByPhoneLookup(key);
  }

  /** By id prefix, or by exact email or phone (their keyed hashes: the columns are encrypted). */
  public List<CustomerSummary> search(String query, int limit) {
    String trimmed = query == null ? "" : query.trim();
    String prefix = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return mapper.search(prefix, lookup.emailKey(trimmed), lookup.phoneKey(trimmed), limit);
  }

  public List<Consent> consents(String customerId) {
    return mapper.findConsents(customerId);
  }

  /** Every consent decision, oldest first, with its source and time. */
  public List<Consent> consentHistory(String customerId) {
    return mapper.findConsentHistory(customerId);
  }

  /**
   * Erases the profile's personal data (and that of every profile merged into it): the sealed
   * columns, the lookups, birthday and verification are cleared, every consent is withdrawn with
   * source {@code erasure}. The rows stay, so orders, points and the ledger keep their customer.
   * Returns the ids erased; a repeat erases again and changes nothing more.
   */
  @Transactional
  public List<String> erase(String customerId, Instant now) {
    if (mapper.findByIdForUpdate(customerId) == null) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
    List<String> ids = new java.util.ArrayList<>();
    ids.add(customerId);
    ids.addAll(mapper.findMergedFrom(customerId));
    for (String id : ids) {
      mapper.eraseProfile(id, now);
      for (Consent consent : mapper.findConsents(id)) {
        if (consent.granted()) {
          mapper.recordConsent(new Consent(id, consent.channel(), false, "erasure", now));
        }
      }
    }
    publisher.publishEvent(new CustomerProfileChanged(customerId, "erasure"));
    return ids;
  }

  public boolean hasConsent(String customerId, String channel) {
    return consents(customerId).stream()
        .anyMatch(consent -> consent.channel().equalsIgnoreCase(channel) && consent.granted());
  }

  /**
   * Records a consent decision for one channel (EMAIL, SMS, PUSH, WECHAT), e.g. an unsubscribe or
   * a hard bounce from messaging; {@code source} says where it came from.
   */
  @Transactional
  public void recordConsent(String customerId, String channel, boolean granted, String source, Instant at) {
    mapper.recordConsent(new Consent(customerId, channel.toUpperCase(java.util.Locale.ROOT), granted, source, at));
  }

  /**
   * The customer, locked for the rest of the transaction; created as a guest profile (no personal
   * data, default tier) when an event arrives for a customer not yet registered.
   */
  @Transactional
  public Customer lockOrCreate(String id, Instant now) {
    Customer customer = mapper.findByIdForUpdate(id);
    if (customer != null) {
      return customer;
    }
    mapper.insertIfAbsent(new Customer(id, null, null, null, null, null, "Asia/Shanghai", "zh-CN", "EMAIL",
        DEFAULT_TIER, null, null, null, now, now));
    return mapper.findByIdForUpdate(id);
  }

  @Transactional
  public void changeTier(String id, String tier, Instant now) {
    mapper.updateTier(id, tier, now);
  }

  /** A customer as the daily journey scans need them: when it is 09:00 for them, and their birthday. */
  public record ScheduleCandidate(String id, java.time.LocalDate birthday, String timeZone) {}

  /** Customers whose birthday falls on one of these days ("MM-dd"), by id after {@code afterId}. */
  public List<ScheduleCandidate> withBirthdayOn(java.util.Collection<java.time.MonthDay> days, String afterId, int limit) {
    List<String> monthDays = days.stream().map(d -> "%02d-%02d".formatted(d.getMonthValue(), d.getDayOfMonth())).toList();
    return monthDays.isEmpty() ? List.of() : mapper.findWithBirthdayOn(monthDays, afterId, limit);
  }

  /** Customers who agreed to marketing on their preferred channel, by id after {@code afterId}. */
  public List<ScheduleCandidate> optedIn(String afterId, int limit) {
    return mapper.findOptedIn(afterId, limit);
  }
}
