package io.engage.engine.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.engine.event.EngineEvents;
import io.engage.engine.event.EventType;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.rfm.Rfm;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lifecycle stages: decided from each customer's facts ({@link StageRules}), changed with a history
 * row (time, from, to, reason) and, when the customer had a stage before, a {@code lifecycle.changed}
 * event in the same transaction (so journeys hear of every change, exactly once). The first
 * assessment of a customer and changes caused by imported history are recorded but not published:
 * history must not start journeys.
 */
@Service
public class Lifecycle {

  private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);
  private final LifecycleMapper mapper;
  private final FactsReader facts;
  private final StageRules rules;
  private final EngineEvents events;
  private final Rfm rfm;
  private final LifecycleProperties properties;
  private final TransactionTemplate transactions;
  private final TransactionTemplate runTransactions;
  private final Clock clock;
  private final MeterRegistry meters;

  Lifecycle(LifecycleMapper mapper, FactsReader facts, StageRules rules, EngineEvents events, Rfm rfm, LifecycleProperties properties,
      TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
    this.mapper = mapper;
    this.facts = facts;
    this.rules = rules;
    this.events = events;
    this.rfm = rfm;
    this.properties = properties;
    this.transactions = transactions;
    // The runs' batches lock only the rows they change: no gap locks, so ranges never block each other.
    this.runTransactions = new TransactionTemplate(transactions.getTransactionManager());
    this.runTransactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    this.clock = clock;
    this.meters = meters;
  }

  /** Whether changes are published to journeys. */
  public enum Publish { YES, NO }

  public Optional<CustomerStage> stage(String customerId) {
    return Optional.ofNullable(mapper.findStage(customerId));
  }

  public List<StageHistoryEntry> history(String customerId, int limit) {
    return mapper.findHistory(customerId, limit);
  }

  public List<LifecycleMapper.StageCount> counts() {
    return mapper.countByStage();
  }

  /**
   * Re-decides these customers now (after their orders or profile changed), in the caller's
   * transaction; returns how many changed stage.
   */
  @Transactional
  public int reassess(Collection<String> customerIds, String cause, Publish publish) {
    if (customerIds.isEmpty()) {
      return 0;
    }
    Instant now = clock.instant();
    List<LifecycleMapper.StageChange> changes = new ArrayList<>();
    for (LifecycleFacts customer : facts.byIds(customerIds)) {
      change(customer, now, cause).ifPresent(changes::add);
    }
    return write(changes, publish);
  }

  /** Orders (and registrations) move a customer at once. */
  @Transactional
  public int onCustomerActivity(String customerId, String cause, Publish publish) {
    rfm.refreshStats(List.of(customerId));
    return reassess(List.of(customerId), cause, publish);
  }

  /** {@code phases}: milliseconds of reading and deciding, and of writing the changes. */
  public record RunResult(long customers, long changed, long millis, Map<String, Long> phases) {}

  /** Every live customer, each on their own local date. The caller makes sure one node runs this. */
  public RunResult assessAll() {
    return assess(null);
  }

  /**
   * The time-driven part of the daily run: each time zone whose local date has moved on since its
   * last run is assessed once, just after its local midnight. Returns the zones run.
   */
  public List<String> runDueZones() {
    Instant now = clock.instant();
    List<String> ran = new ArrayList<>();
    for (String zone : mapper.findZones()) {
      LocalDate localToday = now.atZone(rules.zone(zone)).toLocalDate();
      LocalDate last = mapper.findZoneRun(zone);
      if (last == null || last.isBefore(localToday)) {
        assess(zone);
        transactions.executeWithoutResult(status -> mapper.upsertZoneRun(zone, localToday, now));
        ran.add(zone);
      }
    }
    return ran;
  }

  /**
   * The one path of the daily zone run and the full recompute: the customers (of one zone, or all)
   * are split into id ranges, one per thread; each range streams its facts on its own connection,
   * decides each customer with the same {@link #change} the order path uses, and writes the changes
   * in batches, each in its own transaction.
   */
  private RunResult assess(String zone) {
    long start = System.nanoTime();
    Instant now = clock.instant();
    List<String> bounds = splitPoints(zone);
    List<RangeResult> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(bounds.size() + 1, Thread.ofPlatform().name("lifecycle-", 1).factory())) {
      List<Future<RangeResult>> ranges = new ArrayList<>();
      for (int i = 0; i <= bounds.size(); i++) {
        String from = i == 0 ? null : bounds.get(i - 1);
        String to = i == bounds.size() ? null : bounds.get(i);
        ranges.add(pool.submit(() -> assessRange(zone, from, to, now)));
      }
      for (Future<RangeResult> range : ranges) {
        results.add(range.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("lifecycle run interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
    long seen = results.stream().mapToLong(RangeResult::seen).sum();
    long changed = results.stream().mapToLong(RangeResult::changed).sum();
    long millis = (System.nanoTime() - start) / 1_000_000;
    Map<String, Long> phases = new LinkedHashMap<>();
    phases.put("ranges", (long) results.size());
    phases.put("read and decide (sum over ranges)", results.stream().mapToLong(RangeResult::readMillis).sum());
    phases.put("write changes (sum over ranges)", results.stream().mapToLong(RangeResult::writeMillis).sum());
    meters.counter("engage.lifecycle.assessed").increment(seen);
    log.info("Lifecycle {}: {} customers, {} changed in {} ms; {}", zone == null ? "all zones" : zone, seen, changed, millis, phases);
    return new RunResult(seen, changed, millis, phases);
  }

  private record RangeResult(long seen, long changed, long readMillis, long writeMillis) {}

  private RangeResult assessRange(String zone, String from, String to, Instant now) {
    long start = System.nanoTime();
    long[] seen = {0};
    long[] changed = {0};
    long[] writeNanos = {0};
    List<LifecycleMapper.StageChange> pending = new ArrayList<>(properties.batchSize());
    facts.stream(zone, from, to, customer -> {
      seen[0]++;
      change(customer, now, "daily run").ifPresent(pending::add);
      if (pending.size() >= properties.batchSize()) {
        long writeStart = System.nanoTime();
        changed[0] += flush(pending);
        writeNanos[0] += System.nanoTime() - writeStart;
      }
    });
    long writeStart = System.nanoTime();
    changed[0] += flush(pending);
    writeNanos[0] += System.nanoTime() - writeStart;
    long total = System.nanoTime() - start;
    return new RangeResult(seen[0], changed[0], (total - writeNanos[0]) / 1_000_000, writeNanos[0] / 1_000_000);
  }

  /** Ids that cut the customers into {@code threads} ranges of about equal size (none for a small run). */
  private List<String> splitPoints(String zone) {
    int threads = Math.max(1, properties.threads());
    if (threads == 1) {
      return List.of();
    }
    long live = mapper.countLive(zone);
    if (live < (long) threads * properties.batchSize() * 10) {
      return List.of();
    }
    List<String> bounds = new ArrayList<>();
    for (int i = 1; i < threads; i++) {
      String id = mapper.findIdAt(zone, live * i / threads);
      if (id != null && (bounds.isEmpty() || !bounds.getLast().equals(id))) {
        bounds.add(id);
      }
    }
    return bounds;
  }

  private int flush(List<LifecycleMapper.StageChange> pending) {
    if (pending.isEmpty()) {
      return 0;
    }
    List<LifecycleMapper.StageChange> batch = List.copyOf(pending);
    pending.clear();
    Integer written = runTransactions.execute(status -> write(batch, Publish.YES));
    return written == null ? 0 : written;
  }

  /**
   * Sets the stage by hand or from a journey (e.g. win-back sets churned); it is pinned until the
   * customer's next paid order. Setting the stage the customer already has changes nothing, which
   * makes a re-delivered job harmless.
   */
  @Transactional
  public boolean setStage(String customerId, LifecycleStage stage, String reason) {
    if (facts.byIds(List.of(customerId)).isEmpty()) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
    CustomerStage current = mapper.lockStage(customerId);
    if (current != null && current.stage().equals(stage.wireName())) {
      return false;
    }
    Instant now = clock.instant();
    String from = current == null ? null : current.stage();
    return write(List.of(new LifecycleMapper.StageChange(customerId, from, stage.wireName(), reason,
        eventId(customerId, stage.wireName(), now), now, now)), Publish.YES) > 0;
  }

  private Optional<LifecycleMapper.StageChange> change(LifecycleFacts facts, Instant now, String cause) {
    StageRules.Decision decision = rules.decide(facts, now);
    String to = decision.stage().wireName();
    if (to.equals(facts.currentStage())) {
      return Optional.empty();
    }
    String reason = cause + ": " + decision.reason();
    return Optional.of(new LifecycleMapper.StageChange(facts.customerId(), facts.currentStage(), to,
        reason.length() > 512 ? reason.substring(0, 512) : reason, eventId(facts.customerId(), to, now), now, null));
  }

  /**
   * Writes the changes whose customer still has the stage the change was decided from (the rows are
   * locked first): a decision made on facts read before another path changed the stage is dropped,
   * so a change is recorded and published once, never twice or out of date. Returns how many were
   * written. Runs in the caller's transaction.
   */
  int write(List<LifecycleMapper.StageChange> changes, Publish publish) {
    if (changes.isEmpty()) {
      return 0;
    }
    Map<String, String> current = new HashMap<>();
    for (CustomerStage stage : mapper.lockStages(changes.stream().map(LifecycleMapper.StageChange::customerId).toList())) {
      current.put(stage.customerId(), stage.stage());
    }
    List<LifecycleMapper.StageChange> recorded = new ArrayList<>(changes.size());
    for (LifecycleMapper.StageChange change : changes) {
      if (!Objects.equals(current.get(change.customerId()), change.fromStage())) {
        continue;
      }
      boolean published = publish == Publish.YES && change.fromStage() != null;
      recorded.add(published ? change : withoutEvent(change));
      if (published) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("stage", change.toStage());
        data.put("previousStage", change.fromStage());
        data.put("reason", change.reason());
        events.record(change.eventId(), change.customerId(), EventType.LIFECYCLE_CHANGED, change.at(), data);
        meters.counter("engage.lifecycle.changed", "stage", change.toStage()).increment();
      }
    }
    if (!recorded.isEmpty()) {
      mapper.upsertStages(recorded);
      mapper.insertHistory(recorded);
    }
    return recorded.size();
  }

  private static LifecycleMapper.StageChange withoutEvent(LifecycleMapper.StageChange change) {
    return new LifecycleMapper.StageChange(change.customerId(), change.fromStage(), change.toStage(), change.reason(), null,
        change.at(), change.pinnedAt());
  }

  private static String eventId(String customerId, String stage, Instant at) {
    return "lifecycle:" + customerId + ":" + stage + ":" + at.toEpochMilli();
  }

  /** A merged profile's stage history moves to the survivor, whose stage is decided again. */
  @Transactional
  public void mergeInto(String mergedId, String survivorId) {
    mapper.moveHistory(mergedId, survivorId);
    mapper.deleteStage(mergedId);
    reassess(List.of(survivorId), "merge of " + mergedId, Publish.YES);
  }
}
