package io.engage.rules.bench;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleSource;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.OrderLine;
import io.engage.rules.points.PointsDecision;
import io.engage.rules.points.PointsRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Point decisions per second, with the explanation (contributions per rule) recorded, for a batch
 * of 10,000 orders in one stateless session — the way simulations run. The baseline is the same
 * arithmetic hand-written in Java, measured in the same run, so the ratio is what Drools costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PointsDecisionBenchmark {

  static final int BATCH = 10_000;
  private static final String[] TIERS = {"BASIC", "SILVER", "GOLD", "PLUS"};
  private static final String[] CATEGORIES = {"books", "fresh", "electronics", "apparel"};

  private PointsRules rules;
  private PointsRules joinRules;
  private List<OrderFact> orders;

  @Setup
  public void setUp() {
    rules = new PointsRules(ShippedRuleSets.points());
    joinRules = new PointsRules(CompiledRuleSet.compile("points", "join", List.of(new RuleSource("points-category-join.drl",
        resource("/io/engage/rules/points/points-category-join.drl")))));
    Random random = new Random(42);
    orders = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      List<OrderLine> lines = new ArrayList<>();
      BigDecimal total = BigDecimal.ZERO;
      for (int l = 0; l < 1 + random.nextInt(3); l++) {
        BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(100_000), 2);
        lines.add(new OrderLine("sku", CATEGORIES[random.nextInt(CATEGORIES.length)], amount, 1));
        total = total.add(amount);
      }
      orders.add(new OrderFact("c-" + random.nextInt(100_000), "o-" + i, total, TIERS[random.nextInt(4)], "app", lines));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void drools1Thread(Blackhole sink) {
    sink.consume(rules.decideAll(orders));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void drools2Threads(Blackhole sink) {
    sink.consume(rules.decideAll(orders));
  }

  /** The same rules as stored before spentIn: category bonuses join one CategorySpend fact per category. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void droolsCategoryJoin1Thread(Blackhole sink) {
    sink.consume(joinRules.decideAll(orders));
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void javaBaseline1Thread(Blackhole sink) {
    for (OrderFact order : orders) {
      sink.consume(handWritten(order));
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Threads(2)
  public void javaBaseline2Threads(Blackhole sink) {
    for (OrderFact order : orders) {
      sink.consume(handWritten(order));
    }
  }

  private static String resource(String path) {
    try (var in = PointsDecisionBenchmark.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The shipped points rules written by hand, with the same explanation parts. */
  static PointsDecision handWritten(OrderFact order) {
    List<io.engage.rules.points.Contribution> parts = new ArrayList<>(3);
    long base = order.amount().setScale(0, RoundingMode.FLOOR).longValue();
    parts.add(new io.engage.rules.points.Contribution("Base points", base, "base " + base));
    BigDecimal factor = switch (order.tier()) {
      case "SILVER" -> new BigDecimal("1.2");
      case "GOLD" -> new BigDecimal("1.5");
      case "PLUS" -> new BigDecimal("2");
      default -> null;
    };
    if (factor != null) {
      long extra = BigDecimal.valueOf(base).multiply(factor.subtract(BigDecimal.ONE)).setScale(0, RoundingMode.FLOOR).longValue();
      parts.add(new io.engage.rules.points.Contribution("Tier multiplier", extra, order.tier() + " x" + factor + " +" + extra));
    }
    BigDecimal books = BigDecimal.ZERO;
    for (OrderLine line : order.lines()) {
      if (line.category().equals("books")) {
        books = books.add(line.amount());
      }
    }
    long bonus = books.multiply(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).longValue();
    if (bonus > 0) {
      parts.add(new io.engage.rules.points.Contribution("Category bonus books", bonus, "books +" + bonus));
    }
    long total = parts.stream().mapToLong(io.engage.rules.points.Contribution::points).sum();
    return new PointsDecision("points", "hand", order.customerId(), order.orderId(), total, parts);
  }
}
