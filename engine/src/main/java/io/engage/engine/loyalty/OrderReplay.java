package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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

  private final LoyaltyMapper mapper;
  private final Customers customers;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ZoneId businessZone;

  OrderReplay(LoyaltyMapper mapper, Customers customers, JdbcTemplate jdbc, ObjectMapper json,
      LoyaltyProperties properties) {
    this.mapper = mapper;
    this.customers = customers;
    this.jdbc = jdbc;
    this.json = json;
    this.businessZone = properties.zone();
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

  /**
   * An order with the context it was decided in. Its context says nothing was earned earlier that
   * day: what was depends on the version deciding, so the replaying caller adds it, by
   * {@code businessDay} (the epoch day in the business time zone, the day the daily cap counts).
   */
  public record ReplayedOrder(OrderFact order, OrderContext context, long businessDay) {}

  /**
   * Hands the paid orders of [from, to) to {@code batch}, at most {@code batchSize} at a time, each
   * with its first-order and birthday-month context, in no particular order.
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
    Map<String, ZoneId> zones = new HashMap<>();
    try {
      jdbc.query(connection -> {
        PreparedStatement statement = connection.prepareStatement(REPLAY_SQL, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(Integer.MIN_VALUE); // MySQL protocol: stream rows instead of buffering them all
        statement.setTimestamp(1, Timestamp.from(from));
        statement.setTimestamp(2, Timestamp.from(to));
        return statement;
      }, (RowCallbackHandler) row -> {
        page.add(replayed(row, firstOrders, zones));
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
        first.put(row.getString(1), row.getObject(2, OffsetDateTime.class).toInstant()),
        Timestamp.from(from), Timestamp.from(to));
    return first;
  }

  /** Reads the columns of REPLAY_SQL by position: by name costs a lookup per column and row. */
  private ReplayedOrder replayed(ResultSet row, Map<String, Instant> firstOrders, Map<String, ZoneId> zones)
      throws SQLException {
    String customerId = row.getString(2);
    // java.time getters skip the driver's Calendar round trip that getTimestamp and getDate make.
    Instant placedAt = row.getObject(7, OffsetDateTime.class).toInstant();
    LocalDate birthday = row.getObject(8, LocalDate.class);
    boolean birthdayMonth = birthday != null && birthday.getMonth()
        == placedAt.atZone(zones.computeIfAbsent(row.getString(9), ZoneId::of)).getMonth();
    return new ReplayedOrder(
        new OrderFact(customerId, row.getString(1), row.getBigDecimal(3), row.getString(5), row.getString(4),
            lines(row.getBytes(6))),
        new OrderContext(birthdayMonth, placedAt.equals(firstOrders.get(customerId)), 0),
        placedAt.atZone(businessZone).toLocalDate().toEpochDay());
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

  /**
   * The stored line items ({@code [{"sku", "category", "amount", "quantity"}]}) read with the
   * streaming parser: binding records through databind costs more than the rules that use them.
   */
  private List<OrderLine> lines(byte[] lineItems) {
    try (JsonParser parser = json.getFactory().createParser(lineItems)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalStateException("Stored order lines are not a JSON array");
      }
      List<OrderLine> lines = new ArrayList<>(2);
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        String sku = null;
        String category = null;
        BigDecimal amount = null;
        int quantity = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (field) {
            case "sku" -> sku = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
            case "category" -> category = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
            case "amount" -> amount = value == JsonToken.VALUE_NULL ? null
                : value == JsonToken.VALUE_STRING ? new BigDecimal(parser.getText()) : parser.getDecimalValue();
            case "quantity" -> quantity = parser.getValueAsInt();
            default -> parser.skipChildren();
          }
        }
        lines.add(new OrderLine(sku, category, amount, quantity));
      }
      return lines;
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Stored order lines are not JSON line items", e);
    }
  }
}
