package io.engage.engine.journey;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiment assignments and journey conversions. The first assignment of a customer in an
 * experiment is stored and stands, so changing the split later does not move anyone already in.
 */
@Service
class Experiments {

  private final ExperimentMapper mapper;
  private final Clock clock;
  private final MeterRegistry meters;

  Experiments(ExperimentMapper mapper, Clock clock, MeterRegistry meters) {
    this.mapper = mapper;
    this.clock = clock;
    this.meters = meters;
  }

  @Transactional
  String assign(SplitTest test, String customerId, String journey, long processInstanceKey) {
    String stored = mapper.findVariant(test.experiment(), customerId);
    if (stored != null) {
      return stored;
    }
    int bucket = SplitTest.bucket(test.experiment(), customerId);
    String variant = test.variantOf(bucket);
    if (mapper.insertAssignmentIfAbsent(test.experiment(), customerId, journey, variant, bucket, processInstanceKey,
        clock.instant().truncatedTo(ChronoUnit.MILLIS)) == 1) {
      meters.counter("engage.experiments.assigned", "experiment", test.experiment(), "variant", variant).increment();
    }
    return mapper.findVariant(test.experiment(), customerId);
  }

  @Transactional
  void recordConversion(String journey, String goal, String customerId, long processInstanceKey, String orderId) {
    if (mapper.insertConversionIfAbsent(journey, goal, customerId, processInstanceKey, orderId,
        clock.instant().truncatedTo(ChronoUnit.MILLIS)) == 1) {
      meters.counter("engage.journeys.conversions", "journey", journey, "goal", goal).increment();
    }
  }

  record VariantStats(String variant, long customers, long converted, double conversionRate) {}

  record ExperimentStats(String experiment, long customers, List<VariantStats> variants) {}

  record JourneyExperiments(String journey, Map<String, Long> conversionsByGoal, List<ExperimentStats> experiments) {}

  JourneyExperiments report(String journey) {
    Map<String, List<VariantStats>> byExperiment = new LinkedHashMap<>();
    for (ExperimentMapper.VariantCount count : mapper.countVariants(journey)) {
      byExperiment.computeIfAbsent(count.experiment(), k -> new ArrayList<>()).add(new VariantStats(count.variant(),
          count.customers(), count.converted(), count.customers() == 0 ? 0 : (double) count.converted() / count.customers()));
    }
    List<ExperimentStats> experiments = byExperiment.entrySet().stream()
        .map(e -> new ExperimentStats(e.getKey(), e.getValue().stream().mapToLong(VariantStats::customers).sum(), e.getValue()))
        .toList();
    Map<String, Long> goals = new LinkedHashMap<>();
    mapper.countConversions(journey).forEach(g -> goals.put(g.goal(), g.conversions()));
    return new JourneyExperiments(journey, goals, experiments);
  }
}
