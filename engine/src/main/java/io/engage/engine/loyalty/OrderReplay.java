package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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
  private final JdbcTemplate jdbc;
  private final ObjectReader linesReader;

  OrderReplay(LoyaltyMapper mapper, Customers customers, JdbcTemplate jdbc, ObjectMapper json) {
    this.mapper = mapper;
    this.customers = customers;
    this.jdbc = jdbc;
    this.linesReader = json.readerFor(LINES);
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
   *
   * <p>One streamed query (the driver hands rows over as they arrive) feeds a second thread that
   * runs {@code batch}, so reading the next rows overlaps deciding the last ones.
   */
  public void orders(Instant from, Instant to, int batchSize, Consumer<List<ReplayedOrder>> batch) {
    BlockingQueue<List<ReplayedOrder>> pages = new ArrayBlockingQueue<>(2);
    // Its own thread, not the common pool: on two cores that pool has one worker, which the
    // caller's own parallel work would then have to share.
    CompletableFuture<Void> consumer = new CompletableFuture<>();
    Thread.ofPlatform().name("order-replay").daemon().start(() -> {
      try {
        for (List<ReplayedOrder> page = pages.take(); !page.isEmpty(); page = pages.take()) {
          batch.accept(page);
        }
        consumer.complete(null);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        consumer.completeExceptionally(e);
      } catch (RuntimeException e) {
        consumer.completeExceptionally(e);
      }
    });
    List<ReplayedOrder> page = new ArrayList<>(batchSize);
    Map<String, Instant> firstOrders = firstOrders(from, to);
    try {
      jdbc.query(connection -> {
        PreparedStatement statement = connection.prepareStatement(REPLAY_SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE); // MySQL protocol: stream rows instead of buffering them all
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        return statement;
      }, (RowCallbackHandler) row -> {
        page.add(replayed(row, firstOrders));
        if (page.size() == batchSize) {
          put(pages, new ArrayList<>(page), consumer);
          page.clear();
        }
      });
      if (!page.isEmpty()) {
        put(pages, new ArrayList<>(page), consumer);
      }
    } finally {
      put(pages, List.of(), consumer);
    }
    consumer.join();
  }

  // Plain and index-friendly on MySQL and MariaDB alike; each customer's first order comes from
  // FIRST_ORDERS_SQL, read beforehand (a derived-table join here made MariaDB 10.11 plan badly).
  private static final String REPLAY_SQL = """
      SELECT o.order_id, o.customer_id, o.amount - o.refunded_amount AS amount, o.channel,
             COALESCE(o.tier, 'BASIC') AS tier, o.line_items, o.placed_at, c.birthday, c.time_zone
        FROM customer_order o
        JOIN customer c ON c.id = o.customer_id
       WHERE o.placed_at >= ? AND o.placed_at < ? AND o.refunded_amount < o.amount
      """;

  private static final String FIRST_ORDERS_SQL = """
      SELECT customer_id, MIN(placed_at) AS first_at FROM customer_order
       WHERE customer_id IN (SELECT DISTINCT customer_id FROM customer_order WHERE placed_at >= ? AND placed_at < ?)
       GROUP BY customer_id
      """;

  /** When each customer with orders in [from, to) placed their first order ever. */
  private Map<String, Instant> firstOrders(Instant from, Instant to) {
    Map<String, Instant> first = new HashMap<>();
    jdbc.query(FIRST_ORDERS_SQL, (RowCallbackHandler) row ->
        first.put(row.getString("customer_id"), row.getTimestamp("first_at").toInstant()),
        Timestamp.from(from), Timestamp.from(to));
    return first;
  }

  private ReplayedOrder replayed(ResultSet row, Map<String, Instant> firstOrders) throws SQLException {
    String customerId = row.getString("customer_id");
    Instant placedAt = row.getTimestamp("placed_at").toInstant();
    java.sql.Date birthday = row.getDate("birthday");
    boolean birthdayMonth = birthday != null && birthday.toLocalDate().getMonth()
        == placedAt.atZone(java.time.ZoneId.of(row.getString("time_zone"))).getMonth();
    return new ReplayedOrder(
        new OrderFact(customerId, row.getString("order_id"), row.getBigDecimal("amount"), row.getString("tier"),
            row.getString("channel"), lines(row.getString("line_items"))),
        new OrderContext(birthdayMonth, placedAt.equals(firstOrders.get(customerId)), 0));
  }

  /** Waits for room in the queue, unless the consumer has already failed. */
  private static void put(BlockingQueue<List<ReplayedOrder>> pages, List<ReplayedOrder> page, CompletableFuture<Void> consumer) {
    try {
      while (!pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
        if (consumer.isDone()) {
          consumer.join(); // rethrows the consumer's failure
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while replaying orders", e);
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
      return linesReader.readValue(lineItems);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored order lines are not JSON", e);
    }
  }
}
