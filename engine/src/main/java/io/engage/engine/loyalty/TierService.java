package io.engage.engine.loyalty;

import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.engage.rules.tiers.TierContext;
import io.engage.rules.tiers.TierDecision;
import io.engage.rules.tiers.TierFact;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-evaluates tiers on 12-month spend with the grace period before a downgrade, and keeps manual
 * overrides explicit: an override has an end date, a reason and an author, and every tier change it
 * causes is in the tier history.
 */
@Service
class TierService {

  static final Set<String> TIERS = Set.of("BASIC", "SILVER", "GOLD", "PLUS");
  private static final Duration WINDOW = Duration.ofDays(365);

  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ActiveRuleSets rules;
  private final LoyaltyProperties properties;
  private final MeterRegistry meters;

  TierService(LoyaltyMapper mapper, Customers customers, ActiveRuleSets rules, LoyaltyProperties properties,
      MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.properties = properties;
    this.meters = meters;
  }

  /** Decides the tier as of {@code asOf}; a change is recorded under {@code sourceId}. */
  void reevaluate(Customer customer, Instant asOf, String sourceId) {
    LoyaltyMapper.Spend spend = mapper.paidSpendSince(customer.id(), asOf.minus(WINDOW), asOf);
    LocalDate today = asOf.atZone(properties.zone()).toLocalDate();
    TierChange reached = mapper.findLastChangeTo(customer.id(), customer.tier());
    LocalDate lastUpgrade = reached == null ? null : reached.changedAt().atZone(properties.zone()).toLocalDate();
    TierOverride override = mapper.findOverride(customer.id());
    TierContext context = override == null || override.untilDate().isBefore(today)
        ? TierContext.on(today, lastUpgrade)
        : new TierContext(today, lastUpgrade, override.tier(), override.untilDate());
    TierDecision decision = rules.tiers().decide(new TierFact(customer.id(), customer.tier(), spend.amount(), spend.orders()), context);
    if (!decision.changed()) {
      return;
    }
    Instant now = Instant.now();
    customers.changeTier(customer.id(), decision.tier(), now);
    mapper.insertTierChange(new TierChange(customer.id(), customer.tier(), decision.tier(), decision.reason(),
        decision.ruleSet(), decision.version(), sourceId, now));
    meters.counter("engage.tier.changes", "to", decision.tier()).increment();
  }

  @Transactional
  public TierOverride setOverride(String customerId, String tier, LocalDate until, String reason, String actor) {
    if (!TIERS.contains(tier)) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Unknown tier", "Tier must be one of " + TIERS,
          List.of(new FieldError("tier", "must be one of " + TIERS)));
    }
    if (until.isBefore(Instant.now().atZone(properties.zone()).toLocalDate())) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Override in the past", "The override would already have ended",
          List.of(new FieldError("until", "must be today or later")));
    }
    Customer customer = lockExisting(customerId);
    Instant now = Instant.now();
    mapper.upsertOverride(new TierOverride(customerId, tier, until, reason, actor, now));
    reevaluate(customer, now, "override:" + actor + ":" + now.toEpochMilli());
    return mapper.findOverride(customerId);
  }

  @Transactional
  public void removeOverride(String customerId, String actor) {
    Customer customer = lockExisting(customerId);
    if (mapper.deleteOverride(customerId) == 0) {
      throw ApiProblemException.notFound("A tier override for customer " + customerId);
    }
    Instant now = Instant.now();
    reevaluate(customer, now, "override-removed:" + actor + ":" + now.toEpochMilli());
  }

  private Customer lockExisting(String customerId) {
    customers.find(customerId).orElseThrow(() -> ApiProblemException.notFound("Customer " + customerId));
    return customers.lockOrCreate(customerId, Instant.now());
  }
}
