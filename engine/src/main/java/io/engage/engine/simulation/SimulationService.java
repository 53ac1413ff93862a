package io.engage.engine.simulation;

import io.engage.engine.loyalty.LoyaltyProperties;
import io.engage.engine.loyalty.OrderReplay;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.engage.engine.rulesadmin.ActiveRules;
import io.engage.engine.rulesadmin.RuleSetService;
import io.engage.engine.simulation.SimulationReport.CustomerDiff;
import io.engage.rules.CompiledRuleSet;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.PointsRules;
import io.engage.rules.referral.ReferralDecision;
import io.engage.rules.referral.ReferralFact;
import io.engage.rules.referral.ReferralRules;
import io.engage.rules.tiers.TierDecision;
import io.engage.rules.tiers.TierFact;
import io.engage.rules.tiers.TierRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Replays the real orders (points) or spend (tiers) of a period through the active version and a
 * draft, in bulk: batches of 10,000 facts, one stateless session per batch, the two versions on the
 * two cores side by side.
 */
@Service
class SimulationService {

  static final int BATCH = 10_000;
  private static final List<String> TIER_ORDER = List.of("BASIC", "SILVER", "GOLD", "PLUS");
  private static final Comparator<CustomerDiff> MOST_AFFECTED =
      Comparator.comparingLong((CustomerDiff d) -> -Math.abs(d.delta())).thenComparing(CustomerDiff::customerId);

  private final ActiveRules active;
  private final RuleSetService versions;
  private final OrderReplay replay;
  private final LoyaltyProperties loyalty;

  SimulationService(ActiveRules active, RuleSetService versions, OrderReplay replay, LoyaltyProperties loyalty) {
    this.active = active;
    this.versions = versions;
    this.replay = replay;
    this.loyalty = loyalty;
  }

  SimulationReport simulate(String ruleSet, int draftVersion, Instant from, Instant to, int page, int size) {
    if (!from.isBefore(to)) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid period", "'from' must be before 'to'",
          List.of(new FieldError("from", "must be before to")));
    }
    CompiledRuleSet draft = versions.compiled(ruleSet, draftVersion);
    CompiledRuleSet current = active.get(ruleSet);
    return switch (ruleSet) {
      case ShippedRuleSets.POINTS -> points(current, draft, from, to, page, size);
      case ShippedRuleSets.TIERS -> tiers(current, draft, from, to, page, size);
      case ShippedRuleSets.REFERRAL -> referrals(current, draft, from, to, page, size);
      default -> throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Not simulated",
          "Rule set " + ruleSet + " cannot be simulated over orders", List.of(new FieldError("ruleSet", "not simulated")));
    };
  }

  private SimulationReport points(CompiledRuleSet current, CompiledRuleSet draft, Instant from, Instant to, int page,
      int size) {
    long started = System.nanoTime();
    PointsRules activeRules = new PointsRules(current);
    PointsRules draftRules = new PointsRules(draft);
    Map<String, CustomerReplay> byCustomer = new HashMap<>();
    long[] orders = {0};
    long[] batches = {0};
    ExecutorService second = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("simulation-active").factory());
    try {
      replay.orders(from, to, BATCH, batch -> {
        DayBatch days = DayBatch.of(batch, byCustomer, ++batches[0]);
        // Totals only: a simulation compares points and explains no single order.
        CompletableFuture<Void> activeDone =
            CompletableFuture.runAsync(() -> days.decide(activeRules, CustomerReplay.ACTIVE), second);
        days.decide(draftRules, CustomerReplay.DRAFT);
        activeDone.join();
        orders[0] += batch.size();
      });
    } finally {
      second.shutdownNow();
    }
    List<CustomerDiff> diffs = new ArrayList<>(byCustomer.size());
    long activeTotal = 0;
    long draftTotal = 0;
    for (Map.Entry<String, CustomerReplay> entry : byCustomer.entrySet()) {
      CustomerReplay c = entry.getValue();
      activeTotal += c.activePoints;
      draftTotal += c.draftPoints;
      diffs.add(new CustomerDiff(entry.getKey(), c.orders, c.activePoints, c.draftPoints,
          c.draftPoints - c.activePoints, null, null));
    }
    long delta = draftTotal - activeTotal;
    var totals = new SimulationReport.Totals(orders[0], byCustomer.size(), activeTotal, draftTotal, delta,
        loyalty.pointValue().multiply(BigDecimal.valueOf(delta)));
    return report(current, draft, from, to, totals, null, diffs, page, size, started, orders[0] * 2);
  }

  /** Referral rewards granted and refused by each version, and the points they would cost. */
  private SimulationReport referrals(CompiledRuleSet current, CompiledRuleSet draft, Instant from, Instant to, int page,
      int size) {
    long started = System.nanoTime();
    ReferralRules activeRules = new ReferralRules(current);
    ReferralRules draftRules = new ReferralRules(draft);
    int[] granted = new int[2];
    int[] refused = new int[2];
    long activePoints = 0;
    long draftPoints = 0;
    List<CustomerDiff> diffs = new ArrayList<>();
    List<ReferralFact> facts = replay.referrals(from, to);
    for (ReferralFact fact : facts) {
      ReferralDecision a = activeRules.decide(fact);
      ReferralDecision d = draftRules.decide(fact);
      count(a, 0, granted, refused);
      count(d, 1, granted, refused);
      long activeTotal = a.referrerPoints() + a.refereePoints();
      long draftTotal = d.referrerPoints() + d.refereePoints();
      activePoints += activeTotal;
      draftPoints += draftTotal;
      diffs.add(new CustomerDiff(fact.refereeId(), 1, activeTotal, draftTotal, draftTotal - activeTotal, null, null));
    }
    long delta = draftPoints - activePoints;
    var totals = new SimulationReport.Totals(facts.size(), facts.size(), activePoints, draftPoints, delta,
        loyalty.pointValue().multiply(BigDecimal.valueOf(delta)));
    var referrals = new SimulationReport.Referrals(granted[0], refused[0], granted[1], refused[1]);
    SimulationReport report = report(current, draft, from, to, totals, null, diffs, page, size, started, facts.size() * 2L);
    return report.withReferrals(referrals);
  }

  private static void count(ReferralDecision decision, int version, int[] granted, int[] refused) {
    if (decision.refused()) {
      refused[version]++;
    } else if (decision.referrerPoints() + decision.refereePoints() > 0) {
      granted[version]++;
    }
  }

  /** Tier moves as of {@code to}, on the 12 months of spend before it. */
  private SimulationReport tiers(CompiledRuleSet current, CompiledRuleSet draft, Instant from, Instant to, int page,
      int size) {
    long started = System.nanoTime();
    List<TierFact> facts = replay.spend(to.minus(Duration.ofDays(365)), to);
    TierRules activeRules = new TierRules(current);
    TierRules draftRules = new TierRules(draft);
    int up = 0;
    int down = 0;
    Map<String, Integer> upInto = new TreeMap<>();
    Map<String, Integer> downInto = new TreeMap<>();
    List<CustomerDiff> diffs = new ArrayList<>();
    for (TierFact fact : facts) {
      TierDecision a = activeRules.decide(fact);
      TierDecision d = draftRules.decide(fact);
      int move = Integer.compare(TIER_ORDER.indexOf(d.tier()), TIER_ORDER.indexOf(a.tier()));
      if (move > 0) {
        up++;
        upInto.merge(d.tier(), 1, Integer::sum);
      } else if (move < 0) {
        down++;
        downInto.merge(d.tier(), 1, Integer::sum);
      }
      if (move != 0) {
        diffs.add(new CustomerDiff(fact.customerId(), fact.paidOrders12m(), 0, 0, move, a.tier(), d.tier()));
      }
    }
    var moves = new SimulationReport.TierMoves(up, down, facts.size() - up - down, upInto, downInto);
    var totals = new SimulationReport.Totals(0, facts.size(), 0, 0, 0, BigDecimal.ZERO);
    return report(current, draft, from, to, totals, moves, diffs, page, size, started, facts.size() * 2L);
  }

  private static SimulationReport report(CompiledRuleSet current, CompiledRuleSet draft, Instant from, Instant to,
      SimulationReport.Totals totals, SimulationReport.TierMoves moves, List<CustomerDiff> diffs, int page, int size,
      long startedNanos, long decisions) {
    List<CustomerDiff> changed = diffs.stream().filter(d -> d.delta() != 0).sorted(MOST_AFFECTED).toList();
    int first = Math.min(changed.size(), page * size);
    var pageOfDiffs = new SimulationReport.Page(page, size, changed.size(),
        changed.subList(first, Math.min(changed.size(), first + size)));
    long millis = Math.max(1, (System.nanoTime() - startedNanos) / 1_000_000);
    return new SimulationReport(current.name(), current.version(), draft.version(), from, to, totals, moves, null,
        changed.subList(0, Math.min(10, changed.size())), pageOfDiffs,
        new SimulationReport.Stats(millis, decisions * 1000 / millis));
  }
}
