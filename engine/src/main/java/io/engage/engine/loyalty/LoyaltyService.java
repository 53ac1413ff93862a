package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.rules.points.OrderContext;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsDecision;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ActiveRuleSets rules;
  private final PointsAccount account;
  private final TierService tiers;
  private final ReferralService referrals;
  private final LoyaltyProperties properties;
  private final ObjectMapper json;
  private final MeterRegistry meters;

  LoyaltyService(LoyaltyMapper mapper, Customers customers, ActiveRuleSets rules, PointsAccount account,
      TierService tiers, ReferralService referrals, LoyaltyProperties properties, ObjectMapper json,
      MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.rules = rules;
    this.account = account;
    this.tiers = tiers;
    this.referrals = referrals;
    this.properties = properties;
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
    boolean firstOrder = mapper.countOtherPaidOrders(customer.id(), order.orderId()) == 0;
    awardPoints(customer, order, lines, firstOrder);
    if (firstOrder) {
      referrals.onFirstPaidOrder(customer, order);
    }
    tiers.reevaluate(customer, order.placedAt(), order.eventId());
    return true;
  }

  private void awardPoints(Customer customer, Order order, List<OrderLine> lines, boolean firstOrder) {
    OrderFact fact = new OrderFact(customer.id(), order.orderId(), order.amount(), customer.tier(), order.channel(), lines);
    OrderContext context = context(customer, order, firstOrder);
    PointsDecision decision = rules.points().decide(fact, context);
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("orderId", order.orderId());
    inputs.put("amount", order.amount());
    inputs.put("tier", customer.tier());
    inputs.put("channel", order.channel());
    inputs.put("lines", lines);
    inputs.put("context", context);
    inputs.put("contributions", decision.contributions());
    LedgerEntry entry = new LedgerEntry(0, customer.id(), EARN, decision.points(), order.eventId(), order.orderId(),
        decision.ruleSet(), decision.version(), decision.explanation(), decision.rulesFired(), Instant.now());
    if (mapper.insertLedgerEntry(entry, write(decision.rulesFired()), write(inputs)) == 1) {
      account.openLot(mapper.findLedgerId(order.eventId(), EARN), customer.id(), order.orderId(), decision.points(),
          order.placedAt());
      meters.counter("engage.points.earned").increment(decision.points());
    }
  }

  /** Birthday month (in the customer's time zone), first order, and what orders of that day earned. */
  private OrderContext context(Customer customer, Order order, boolean firstOrder) {
    ZoneId customerZone = ZoneId.of(customer.timeZone());
    boolean birthdayMonth = customer.birthday() != null
        && customer.birthday().getMonth() == order.placedAt().atZone(customerZone).getMonth();
    LocalDate day = order.placedAt().atZone(properties.zone()).toLocalDate();
    Instant dayStart = day.atStartOfDay(properties.zone()).toInstant();
    long earnedToday = Math.max(0, mapper.orderPointsPlacedBetween(customer.id(), dayStart,
        day.plusDays(1).atStartOfDay(properties.zone()).toInstant()));
    return new OrderContext(birthdayMonth, firstOrder, earnedToday);
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
    tiers.reevaluate(customer, at, eventId);
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

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
