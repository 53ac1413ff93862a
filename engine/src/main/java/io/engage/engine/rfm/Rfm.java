package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RFM, as of a reference date D in the RFM zone (default today):
 * <ul>
 *   <li>paid order: status PAID and not fully refunded; its amount counts net of partial refunds;
 *   <li>recency_days = D - local date of the last paid order; frequency = number of paid orders;
 *       monetary = sum of their amounts (2 decimals);
 *   <li>over the n customers with at least one paid order: R = ceil(5 * #(recency_days >= mine) / n),
 *       F = ceil(5 * #(frequency <= mine) / n), M = ceil(5 * #(monetary <= mine) / n), so equal
 *       values always get equal scores;
 *   <li>segment: the first {@link RfmProperties#segments()} rule matching (R, FM);
 *   <li>CLV = monetary x 365 / max(tenure_days, clvMinTenureDays) x clvLifetimeYears, i.e. the
 *       customer's yearly spend so far (average order value x orders per year) over the expected
 *       lifetime; tenure_days = D - local date of the first paid order + 1.
 * </ul>
 * Computed in the database with window functions and stored per customer with its as-of date.
 */
@Service
public class Rfm {

  /** The segment of a score pair no rule covers (only with a custom, incomplete map). */
  public static final String UNCLASSIFIED = "unclassified";

  private static final Logger log = LoggerFactory.getLogger(Rfm.class);
  private final RfmMapper mapper;
  private final RfmProperties properties;
  private final Clock clock;

  Rfm(RfmMapper mapper, RfmProperties properties, Clock clock) {
    this.mapper = mapper;
    this.properties = properties;
    this.clock = clock;
  }

  /** {@code phases}: milliseconds per step, in order, for the log and the benchmark. */
  public record Recomputed(LocalDate asOf, long customersWithOrders, long scored, long millis, Map<String, Long> phases) {}

  /** Today in the RFM zone. */
  public LocalDate today() {
    return clock.instant().atZone(properties.zone()).toLocalDate();
  }

  /**
   * Rebuilds the order statistics of every customer and scores them as of {@code asOf} (null: today).
   * For a past date the scores come straight from the orders placed before the end of that day.
   * The caller makes sure one node runs this at a time.
   */
  public Recomputed recompute(LocalDate asOf) {
    long start = System.nanoTime();
    Phases phases = new Phases();
    LocalDate today = today();
    LocalDate date = asOf == null ? today : asOf;
    Instant began = clock.instant();
    List<String[]> ranges = phases.supply("ranges", this::ranges);
    phases.run("stats: create", () -> {
      mapper.dropStatsNext();
      mapper.createStatsNext();
    });
    long withOrders = phases.count("stats: fill from orders", () -> inParallel(ranges, range -> mapper.fillStatsNext(began, range[0], range[1])));

    Instant dayEnd = date.plusDays(1).atStartOfDay(properties.zone()).toInstant();
    long offset = properties.zone().getRules().getOffset(date.atStartOfDay(properties.zone()).toInstant()).getTotalSeconds();
    boolean fromStats = !date.isBefore(today);
    if (!fromStats) {
      phases.run("scores: statistics as of " + date, () -> {
        mapper.dropStatsAsOf();
        mapper.createStatsAsOf();
        mapper.fillStatsAsOf(dayEnd, began);
      });
    }
    phases.run("scores: steps R, F, M", () -> {
      mapper.clearScoreSteps();
      inParallel(DIMENSIONS, dimension -> mapper.fillScoreSteps(dimension[0], date, offset, fromStats));
    });
    phases.run("scores: create", () -> {
      mapper.dropRfmNext();
      mapper.createRfmNext();
      mapper.dropRfmNextIndexes();
    });
    Instant computedAt = clock.instant();
    long scored = phases.count("scores: fill", () -> inParallel(ranges, range -> mapper.fillRfmNext(date, offset, fromStats,
        properties.segments(), properties.clvLifetimeYears(), properties.clvMinTenureDays(), computedAt, range[0], range[1])));
    phases.run("scores: indexes", mapper::addRfmNextIndexes);
    phases.run("swap", () -> {
      mapper.swapStats();
      mapper.carryOverFreshStats(began);
      mapper.dropStatsOld();
      mapper.swapRfm();
      mapper.dropRfmOld();
      if (!fromStats) {
        mapper.dropStatsAsOf();
      }
    });
    long millis = (System.nanoTime() - start) / 1_000_000;
    log.info("RFM as of {}: {} customers with paid orders, {} scored in {} ms; {}", date, withOrders, scored, millis, phases);
    return new Recomputed(date, withOrders, scored, millis, phases.millis());
  }

  private static final List<String[]> DIMENSIONS = List.of(new String[] {"R"}, new String[] {"F"}, new String[] {"M"});

  /**
   * Ranges [from, to) of customer ids (null: open end) of about equal size in the current statistics,
   * one per thread; a single open range when one thread is configured or there are few customers.
   */
  private List<String[]> ranges() {
    int threads = Math.max(1, properties.threads());
    long customers = threads == 1 ? 0 : mapper.countStatsRows();
    List<String> bounds = new ArrayList<>();
    if (customers >= 10_000L * threads) {
      for (int i = 1; i < threads; i++) {
        String id = mapper.findCustomerIdAt(customers * i / threads);
        if (id != null && (bounds.isEmpty() || !bounds.getLast().equals(id))) {
          bounds.add(id);
        }
      }
    }
    List<String[]> ranges = new ArrayList<>();
    for (int i = 0; i <= bounds.size(); i++) {
      ranges.add(new String[] {i == 0 ? null : bounds.get(i - 1), i == bounds.size() ? null : bounds.get(i)});
    }
    return ranges;
  }

  /** Runs the statement once per range, each on its own connection at the same time; the sum of the row counts. */
  private long inParallel(List<String[]> ranges, ToLongFunction<String[]> statement) {
    if (ranges.size() == 1) {
      return statement.applyAsLong(ranges.getFirst());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(ranges.size(), Thread.ofPlatform().name("rfm-", 1).factory())) {
      List<Future<Long>> results = new ArrayList<>();
      for (String[] range : ranges) {
        results.add(pool.submit(() -> statement.applyAsLong(range)));
      }
      long total = 0;
      for (Future<Long> result : results) {
        total += result.get();
      }
      return total;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("RFM recompute interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }

  /** Brings the order statistics of these customers up to date (after their orders changed). */
  @Transactional
  public void refreshStats(Collection<String> customerIds) {
    if (customerIds.isEmpty()) {
      return;
    }
    mapper.refreshStats(customerIds, clock.instant());
    mapper.deleteStatsWithoutPaidOrders(customerIds);
  }

  /** A paid order new to the database: its customer, when it was placed, its amount (nothing refunded). */
  public record NewPaidOrder(String customerId, Instant placedAt, BigDecimal amount) {}

  /**
   * Adds orders just stored (e.g. imported history) to their customers' statistics without reading
   * the customers' other orders: exact for orders that are new, paid and not refunded, which is what
   * the caller guarantees. Runs in the caller's transaction, in customer id order.
   */
  @Transactional
  public void addNewPaidOrders(Collection<NewPaidOrder> orders) {
    Map<String, OrderStats> increments = new TreeMap<>();
    for (NewPaidOrder order : orders) {
      increments.merge(order.customerId(), new OrderStats(order.customerId(), order.placedAt(), order.placedAt(), 1, order.amount()),
          (a, b) -> new OrderStats(a.customerId(), a.firstPaidAt().isBefore(b.firstPaidAt()) ? a.firstPaidAt() : b.firstPaidAt(),
              a.lastPaidAt().isAfter(b.lastPaidAt()) ? a.lastPaidAt() : b.lastPaidAt(), a.paidOrders() + b.paidOrders(),
              a.paidAmount().add(b.paidAmount())));
    }
    List<OrderStats> rows = List.copyOf(increments.values());
    Instant now = clock.instant();
    for (int from = 0; from < rows.size(); from += 1000) {
      mapper.addToStats(rows.subList(from, Math.min(rows.size(), from + 1000)), now);
    }
  }

  public Optional<OrderStats> stats(String customerId) {
    return Optional.ofNullable(mapper.findStats(customerId));
  }

  public Optional<CustomerRfm> find(String customerId) {
    return Optional.ofNullable(mapper.findRfm(customerId));
  }

  public List<CustomerRfm> page(String segment, Integer r, Integer f, String after, int limit) {
    return mapper.findRfmPage(segment, r, f, after, limit);
  }

  public RfmSummary summary() {
    RfmMapper.AsOf latest = mapper.latest();
    Map<String, String> names = properties.segments().stream()
        .collect(Collectors.toMap(RfmProperties.SegmentRule::key, RfmProperties.SegmentRule::name, (a, b) -> a));
    List<RfmSummary.SegmentCount> segments = mapper.segmentCounts().stream()
        .map(row -> new RfmSummary.SegmentCount(row.segment(), names.getOrDefault(row.segment(), row.segment()),
            row.customers(), row.monetary()))
        .toList();
    return new RfmSummary(latest.asOf(), latest.computedAt(), latest.customers(), mapper.grid(), segments);
  }

  /** The named segments, in the order they are matched. */
  public List<RfmProperties.SegmentRule> segmentRules() {
    return properties.segments();
  }

  /** A merged profile's RFM row and statistics go; the survivor's statistics include its orders now. */
  @Transactional
  public void forgetMerged(String mergedId, String survivorId) {
    mapper.deleteCustomer(mergedId);
    mapper.deleteCustomerStats(mergedId);
    refreshStats(List.of(survivorId));
  }

  /** Whether any customer has a paid order (in the order statistics). */
  public boolean hasPaidOrders() {
    return mapper.countStats() > 0;
  }

  /** The benchmark's baseline: a plain per-customer scan of every order. */
  public long baselineScan() {
    return mapper.baselineScan();
  }

}
