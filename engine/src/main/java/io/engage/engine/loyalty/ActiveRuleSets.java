package io.engage.engine.loyalty;

import io.engage.rules.ShippedRuleSets;
import io.engage.rules.points.PointsRules;
import io.engage.rules.tiers.TierRules;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The points and tier rule sets in force on this node. Each decision reads the reference once, so
 * a swap never mixes two versions within one evaluation.
 */
@Component
class ActiveRuleSets {

  private final AtomicReference<PointsRules> points = new AtomicReference<>();
  private final AtomicReference<TierRules> tiers = new AtomicReference<>();

  ActiveRuleSets() {
    points.set(new PointsRules(ShippedRuleSets.points()));
    tiers.set(new TierRules(ShippedRuleSets.tiers()));
  }

  PointsRules points() {
    return points.get();
  }

  TierRules tiers() {
    return tiers.get();
  }
}
