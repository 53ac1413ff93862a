package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.springframework.stereotype.Service;

/** The loyalty feature's public read API: balance, ledger with explanations, tier history, orders. */
@Service
public class Loyalty {

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private final LoyaltyMapper mapper;
  private final ObjectMapper json;

  Loyalty(LoyaltyMapper mapper, ObjectMapper json) {
    this.mapper = mapper;
    this.json = json;
  }

  public long balance(String customerId) {
    return mapper.balance(customerId);
  }

  /** Points that can be redeemed now: in lots whose return window has closed and that have not expired. */
  public long available(String customerId) {
    return mapper.availablePoints(customerId, java.time.Instant.now());
  }

  /** Points still inside their order's return window. */
  public long pending(String customerId) {
    return mapper.pendingPoints(customerId, java.time.Instant.now());
  }

  public List<LedgerEntry> ledger(String customerId, int limit) {
    return mapper.findLedger(customerId, limit).stream()
        .map(row -> new LedgerEntry(row.id(), row.customerId(), row.kind(), row.points(), row.sourceEventId(),
            row.orderId(), row.ruleSet(), row.ruleSetVersion(), row.explanation(), parse(row.rulesFired()), row.createdAt()))
        .toList();
  }

  /** The manual tier override, if one is set (it may have ended). */
  public java.util.Optional<TierOverride> tierOverride(String customerId) {
    return java.util.Optional.ofNullable(mapper.findOverride(customerId));
  }

  /** How the customer's own referral (as referee) was decided, if it was. */
  public java.util.Optional<Referral> referral(String customerId) {
    return java.util.Optional.ofNullable(mapper.findReferral(customerId));
  }

  public List<TierChange> tierHistory(String customerId) {
    return mapper.findTierHistory(customerId);
  }

  public List<Order> orders(String customerId, int limit) {
    return mapper.findOrders(customerId, limit);
  }

  private List<String> parse(String rulesFired) {
    try {
      return json.readValue(rulesFired, STRINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Ledger rules_fired is not a JSON array", e);
    }
  }
}
