package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsDecision;
import io.engage.rules.tiers.TierDecision;
import io.engage.rules.tiers.TierFact;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earns points for a paid order and re-evaluates the tier, storing the why of each decision. Keyed
 * by the event id, so handling an event again changes nothing.
 */
@Service
class LoyaltyService {

  static final String EARN = "EARN";
  private static final Duration TIER_WINDOW = Duration.ofDays(365);

  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ActiveRuleSets rules;
  private final PointsAccount account;
  private final ObjectMapper json;
  private final MeterRegistry meters;

  LoyaltyService(LoyaltyMapper mapper, Customers customers, ActiveRuleSets rules, PointsAccount account,
      ObjectMapper json, MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.account = account;
    this.json = json;
    this.meters = meters;
  }

  /** Records the order; returns false (and does nothing else) when the order was already recorded. */
  @Transactional
  public boolean recordPaidOrder(Order order, List<OrderLine> lines) {
    Customer customer = customers.lockOrCreate(order.customerId(), Instant.now());
    if (mapper.insertOrderIfAbsent(order, write(lines), customer.tier()) == 0) {
      return false;
    }
    awardPoints(customer, order, lines);
    reevaluateTier(customer, order);
    return true;
  }

  private void awardPoints(Customer customer, Order order, List<OrderLine> lines) {
    OrderFact fact = new OrderFact(customer.id(), order.orderId(), order.amount(), customer.tier(), order.channel(), lines);
    PointsDecision decision = rules.points().decide(fact);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("orderId", order.orderId());
    inputs.put("amount", order.amount());
    inputs.put("tier", customer.tier());
    inputs.put("channel", order.channel());
    inputs.put("lines", lines);
    inputs.put("contributions", decision.contributions());
    LedgerEntry entry = new LedgerEntry(0, customer.id(), EARN, decision.points(), order.eventId(), order.orderId(),
        decision.ruleSet(), decision.version(), decision.explanation(), decision.rulesFired(), Instant.now());
    if (mapper.insertLedgerEntry(entry, write(decision.rulesFired()), write(inputs)) == 1) {
      account.openLot(mapper.findLedgerId(order.eventId(), EARN), customer.id(), order.orderId(), decision.points(),
          order.placedAt());
      meters.counter("engage.points.earned").increment(decision.points());
    }
  }

  /**
   * Reverses the points of a refund in proportion to the amount refunded so far, so partial refunds
   * add up exactly to a full one. An unknown order is a failure the outbox retries (its
   * order.placed may still be on its way), not a silent skip.
   */
  @Transactional
  public void refund(String eventId, String orderId, BigDecimal amount, Instant at) {
    LoyaltyMapper.OrderForRefund order = mapper.lockOrder(orderId);
    if (order == null) {
      throw new IllegalStateException("Refund " + eventId + " for unknown order " + orderId);
    }
    if (mapper.findLedgerId(eventId, PointsAccount.REVERSAL) != null) {
      return;
    }
    BigDecimal refundable = order.amount().subtract(order.refundedAmount());
    BigDecimal refunded = amount.min(refundable);
    if (refunded.signum() <= 0) {
      return;
    }
    mapper.addRefunded(orderId, refunded);
    long earned = mapper.sumOrderPoints(orderId, EARN);
    long reversedBefore = -mapper.sumOrderPoints(orderId, PointsAccount.REVERSAL);
    BigDecimal share = order.refundedAmount().add(refunded).divide(order.amount(), 10, RoundingMode.HALF_EVEN);
    long reversedTotal = BigDecimal.valueOf(earned).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact();
    long reverse = reversedTotal - reversedBefore;
    account.reverse(order.customerId(), orderId, eventId, reverse,
        "-" + reverse + ": refund of " + refunded.toPlainString() + " of " + order.amount().toPlainString()
            + " on order " + orderId, Instant.now());
    Customer customer = customers.lockOrCreate(order.customerId(), Instant.now());
    reevaluateTier(customer, new Order(orderId, order.customerId(), eventId, order.amount(), null, null, null, at));
  }

  @Transactional
  public long redeem(String customerId, String key, long points, String reason) {
    customers.find(customerId).orElseThrow(() -> ApiProblemException.notFound("Customer " + customerId));
    customers.lockOrCreate(customerId, Instant.now()); // one redemption per customer at a time
    Long existing = mapper.findLedgerId("redeem:" + key, PointsAccount.REDEEM);
    if (existing != null) {
      return existing;
    }
    long id = account.redeem(customerId, key, points, reason, Instant.now());
    meters.counter("engage.points.redeemed").increment(points);
    return id;
  }

  @Transactional
  public int expireDue(Instant now) {
    int expired = account.expireDue(now, 500);
    meters.counter("engage.points.lots.expired").increment(expired);
    return expired;
  }

  private void reevaluateTier(Customer customer, Order order) {
    Instant until = order.placedAt();
    LoyaltyMapper.Spend spend = mapper.paidSpendSince(customer.id(), until.minus(TIER_WINDOW), until);
    TierDecision decision = rules.tiers().decide(new TierFact(customer.id(), customer.tier(), spend.amount(), spend.orders()));
    if (!decision.changed()) {
      return;
    }
    Instant now = Instant.now();
    customers.changeTier(customer.id(), decision.tier(), now);
    mapper.insertTierChange(new TierChange(customer.id(), customer.tier(), decision.tier(), decision.reason(),
        decision.ruleSet(), decision.version(), order.eventId(), now));
    meters.counter("engage.tier.changes", "to", decision.tier()).increment();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
