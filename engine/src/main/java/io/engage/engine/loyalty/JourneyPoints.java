package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.rules.birthday.BirthdayFact;
import io.engage.rules.birthday.BirthdayGiftDecision;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points a journey step awards ({@code engage:award-points}): the birthday gift from the active
 * birthday rule set by the customer's tier, or a fixed amount. One ledger entry per idempotency
 * key, usable at once (a gift has no return window), with the rule set version, rules fired and
 * inputs behind it.
 */
@Service
public class JourneyPoints {

  public static final String BIRTHDAY_GIFT = "birthday-gift";
  static final String BIRTHDAY_KIND = "BIRTHDAY";
  static final String JOURNEY_KIND = "JOURNEY";

  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ActiveRuleSets rules;
  private final PointsAccount account;
  private final ObjectMapper json;
  private final Clock clock;
  private final MeterRegistry meters;

  JourneyPoints(LoyaltyMapper mapper, Customers customers, ActiveRuleSets rules, PointsAccount account,
      ObjectMapper json, Clock clock, MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.account = account;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  /** What a journey asks for: {@code points} null means "from the rules" (birthday gift only). */
  public record Award(String idempotencyKey, String customerId, String reason, Long points, String journey,
      String elementId, String triggerId) {}

  /** The points an award would give and why, without writing anything (journey preview). */
  public record Decision(long points, String ruleSet, String ruleSetVersion, String explanation, List<String> rulesFired,
      String tier) {}

  /** Awards once per key; a repeat returns the points of the first award. */
  @Transactional
  public long award(Award award) {
    String kind = BIRTHDAY_GIFT.equals(award.reason()) ? BIRTHDAY_KIND : JOURNEY_KIND;
    Long existing = mapper.findLedgerPoints(award.idempotencyKey(), kind);
    if (existing != null) {
      return existing;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Customer customer = customers.lockOrCreate(award.customerId(), now);
    Decision decision = decide(award.reason(), award.points(), customer.tier(), award.journey());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("tier", customer.tier());
    inputs.put("reason", award.reason());
    inputs.put("journey", award.journey());
    inputs.put("element", award.elementId());
    if (award.triggerId() != null) {
      inputs.put("triggerId", award.triggerId());
    }
    LedgerEntry entry = new LedgerEntry(0, customer.id(), kind, decision.points(), award.idempotencyKey(), null,
        decision.ruleSet(), decision.ruleSetVersion(), decision.explanation(), decision.rulesFired(), now);
    if (mapper.insertLedgerEntry(entry, write(decision.rulesFired()), write(inputs)) == 1) {
      account.openAvailableLot(mapper.findLedgerId(award.idempotencyKey(), kind), customer.id(), decision.points(), now);
      meters.counter("engage.points.journey", "reason", BIRTHDAY_GIFT.equals(award.reason()) ? BIRTHDAY_GIFT : "fixed")
          .increment(decision.points());
    }
    return mapper.findLedgerPoints(award.idempotencyKey(), kind);
  }

  /** The decision for a customer's current tier; reads only. */
  public Decision preview(String customerId, String reason, Long points, String journey) {
    String tier = customers.find(customerId).map(Customer::tier).orElse(Customers.DEFAULT_TIER);
    return decide(reason, points, tier, journey);
  }

  private Decision decide(String reason, Long points, String tier, String journey) {
    if (points != null) {
      return new Decision(points, "journey", journey, "+" + points + ": " + reason + " (journey " + journey + ")",
          List.of("fixed points header"), tier);
    }
    if (!BIRTHDAY_GIFT.equals(reason)) {
      throw new IllegalArgumentException("Reason '" + reason + "' needs a 'points' header; only '" + BIRTHDAY_GIFT
          + "' takes its points from the rules");
    }
    BirthdayGiftDecision gift = rules.birthday().decide(new BirthdayFact("customer", tier));
    return new Decision(gift.points(), gift.ruleSet(), gift.version(), gift.explanation(), gift.rulesFired(), tier);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
