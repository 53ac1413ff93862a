package io.engage.engine.customer;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer feature's public API: profiles, consent and the current tier. */
@Service
public class Customers {

  /** The tier of a new customer; the tier rules move customers from here. */
  public static final String DEFAULT_TIER = "BASIC";

  private final CustomerMapper mapper;

  Customers(CustomerMapper mapper) {
    this.mapper = mapper;
  }

  public Optional<Customer> find(String id) {
    return Optional.ofNullable(mapper.findById(id));
  }

  public List<CustomerSummary> search(String query, int limit) {
    String trimmed = query == null ? "" : query.trim();
    String prefix = trimmed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return mapper.search(trimmed, prefix, limit);
  }

  public List<Consent> consents(String customerId) {
    return mapper.findConsents(customerId);
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
    mapper.upsertConsent(new Consent(customerId, channel.toUpperCase(java.util.Locale.ROOT), granted, source, at));
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
