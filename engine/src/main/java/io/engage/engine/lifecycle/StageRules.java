package io.engage.engine.lifecycle;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Decides a customer's stage from their facts at an instant, counting days in the customer's own
 * time zone, so a customer crosses a threshold at their local midnight. In order: no paid order ->
 * potential; churned; at-risk; new; loyal; active. A pinned stage (set by a journey or by hand)
 * holds until a paid order placed after it.
 */
@Component
class StageRules {

  record Decision(LifecycleStage stage, String reason) {}

  private final LifecycleProperties properties;
  private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();
  private final long factorNumerator;
  private final long factorDenominator;

  StageRules(LifecycleProperties properties) {
    this.properties = properties;
    BigDecimal factor = properties.atRiskIntervalFactor().stripTrailingZeros();
    int scale = Math.max(0, factor.scale());
    this.factorNumerator = factor.movePointRight(scale).longValueExact();
    this.factorDenominator = BigDecimal.ONE.movePointRight(scale).longValueExact();
  }

  Decision decide(LifecycleFacts facts, Instant now) {
    LifecycleStage current = facts.currentStage() == null ? null : LifecycleStage.fromWireName(facts.currentStage()).orElse(null);
    if (current != null && facts.pinnedAt() != null && (facts.lastPaidAt() == null || !facts.lastPaidAt().isAfter(facts.pinnedAt()))) {
      return new Decision(current, "pinned");
    }
    if (facts.paidOrders() == 0 || facts.lastPaidAt() == null) {
      return new Decision(LifecycleStage.POTENTIAL, "no paid order yet");
    }
    ZoneId zone = zone(facts.timeZone());
    LocalDate today = now.atZone(zone).toLocalDate();
    long sinceLast = ChronoUnit.DAYS.between(facts.lastPaidAt().atZone(zone).toLocalDate(), today);
    long sinceFirst = ChronoUnit.DAYS.between(facts.firstPaidAt().atZone(zone).toLocalDate(), today);
    if (sinceLast >= properties.churnedDays()) {
      return new Decision(LifecycleStage.CHURNED, "no paid order for " + sinceLast + " days (churned at " + properties.churnedDays() + ")");
    }
    if (atRisk(facts, sinceLast, sinceFirst)) {
      return new Decision(LifecycleStage.AT_RISK, "no paid order for " + sinceLast + " days (at risk after "
          + atRiskThresholdText(facts, sinceFirst) + ")");
    }
    if (sinceFirst < properties.newDays()) {
      return new Decision(LifecycleStage.NEW, "first paid order " + sinceFirst + " days ago");
    }
    boolean loyalByScore = facts.fScore() != null && facts.fScore() >= properties.loyalFrequencyScore();
    if (loyalByScore || (facts.tier() != null && properties.loyalTiers().contains(facts.tier()))) {
      return new Decision(LifecycleStage.LOYAL, loyalByScore ? "frequency score " + facts.fScore() : "tier " + facts.tier());
    }
    return new Decision(LifecycleStage.ACTIVE, "last paid order " + sinceLast + " days ago");
  }

  /**
   * More than max(atRiskMinDays, factor x mean interval) days since the last order. The mean
   * interval is (last - first) / (orders - 1) in days; compared in integers: with factor p/q,
   * sinceLast > p/q x span/(n-1)  <=>  sinceLast x q x (n-1) > p x span.
   */
  private boolean atRisk(LifecycleFacts facts, long sinceLast, long sinceFirst) {
    if (sinceLast <= properties.atRiskMinDays()) {
      return false;
    }
    if (facts.paidOrders() < 2) {
      return true;
    }
    long span = sinceFirst - sinceLast;
    return sinceLast * factorDenominator * (facts.paidOrders() - 1) > factorNumerator * span;
  }

  private String atRiskThresholdText(LifecycleFacts facts, long sinceFirst) {
    if (facts.paidOrders() < 2) {
      return properties.atRiskMinDays() + " days";
    }
    return "max(" + properties.atRiskMinDays() + ", " + properties.atRiskIntervalFactor().toPlainString()
        + " x mean interval) days";
  }

  ZoneId zone(String timeZone) {
    if (timeZone == null) {
      return properties.defaultZone();
    }
    return zones.computeIfAbsent(timeZone, id -> {
      try {
        return ZoneId.of(id);
      } catch (DateTimeException e) {
        return properties.defaultZone();
      }
    });
  }
}
