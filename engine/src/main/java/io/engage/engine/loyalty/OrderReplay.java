package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.Customer;
import io.engage.engine.customer.Customers;
import io.engage.rules.points.OrderContext;
import io.engage.rules.points.OrderFact;
import io.engage.rules.referral.ReferralFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import io.engage.rules.points.OrderLine;
import io.engage.rules.tiers.TierFact;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * Real orders and spend as rule facts, for replaying a period through another rule set version
 * (simulation). Reads in keyset pages, so a period of millions of orders never sits in memory.
 */
@Service
public class OrderReplay {

  private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {};
  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final ObjectMapper json;

  OrderReplay(LoyaltyMapper mapper, Customers customers, ObjectMapper json) {
    this.mapper = mapper;
    this.customers = customers;
    this.json = json;
  }

  /**
   * The referrals decided in [from, to) as facts again: today's profiles give the fingerprints,
   * and each referrer's count of rewards that month is rebuilt in decision order (as granted then).
   */
  public List<ReferralFact> referrals(Instant from, Instant to) {
    Map<String, Integer> grantedPerReferrerMonth = new HashMap<>();
    List<ReferralFact> facts = new ArrayList<>();
    for (Referral referral : mapper.findReferralsBetween(from, to)) {
      Customer referrer = customers.find(referral.referrerId()).orElse(null);
      Customer referee = customers.find(referral.refereeId()).orElse(null);
      if (referrer == null || referee == null) {
        continue;
      }
      String month = referral.referrerId() + "@" + referral.decidedAt().toString().substring(0, 7);
      int before = grantedPerReferrerMonth.getOrDefault(month, 0);
      facts.add(new ReferralFact(referrer.id(), referee.id(), true, before,
          ReferralService.fingerprints(referrer), ReferralService.fingerprints(referee)));
      if (referral.referrerPoints() > 0) {
        grantedPerReferrerMonth.put(month, before + 1);
      }
    }
    return facts;
  }

  /** Orders with the context they were decided in. */
  public record ReplayedOrder(OrderFact order, OrderContext context) {}

  /**
   * Hands the paid orders of [from, to) to {@code batch}, at most {@code batchSize} at a time, each
   * with its first-order and birthday-month context. The daily cap's running total is not rebuilt
   * (it depends on each version's own decisions): every order is capped as if first that day.
   */
  public void orders(Instant from, Instant to, int batchSize, Consumer<List<ReplayedOrder>> batch) {
    String after = "";
    while (true) {
      List<LoyaltyMapper.OrderForReplay> page = mapper.findOrdersForReplay(from, to, after, batchSize);
      if (page.isEmpty()) {
        return;
      }
      batch.accept(page.stream()
          .map(o -> new ReplayedOrder(
              new OrderFact(o.customerId(), o.orderId(), o.amount(), o.tier(), o.channel(), lines(o.lineItems())),
              new OrderContext(birthdayMonth(o), o.firstOrder(), 0)))
          .toList());
      after = page.getLast().orderId();
    }
  }

  private static boolean birthdayMonth(LoyaltyMapper.OrderForReplay order) {
    return order.birthday() != null && order.birthday().getMonth()
        == order.placedAt().atZone(java.time.ZoneId.of(order.timeZone())).getMonth();
  }

  /** Each customer's paid spend and order count in [from, to), with the tier they hold now. */
  public List<TierFact> spend(Instant from, Instant to) {
    return mapper.spendByCustomer(from, to).stream()
        .map(s -> new TierFact(s.customerId(), s.tier(), s.amount(), s.orders()))
        .toList();
  }

  private List<OrderLine> lines(String lineItems) {
    try {
      return json.readValue(lineItems, LINES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored order lines are not JSON", e);
    }
  }
}
