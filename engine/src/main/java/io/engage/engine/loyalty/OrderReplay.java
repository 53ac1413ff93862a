package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.rules.points.OrderFact;
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
  private final ObjectMapper json;

  OrderReplay(LoyaltyMapper mapper, ObjectMapper json) {
    this.mapper = mapper;
    this.json = json;
  }

  /** Hands the paid orders of [from, to) to {@code batch}, at most {@code batchSize} at a time. */
  public void orders(Instant from, Instant to, int batchSize, Consumer<List<OrderFact>> batch) {
    String after = "";
    while (true) {
      List<LoyaltyMapper.OrderForReplay> page = mapper.findOrdersForReplay(from, to, after, batchSize);
      if (page.isEmpty()) {
        return;
      }
      batch.accept(page.stream()
          .map(o -> new OrderFact(o.customerId(), o.orderId(), o.amount(), o.tier(), o.channel(), lines(o.lineItems())))
          .toList());
      after = page.getLast().orderId();
    }
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
