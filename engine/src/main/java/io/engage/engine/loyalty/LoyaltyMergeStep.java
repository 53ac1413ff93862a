package io.engage.engine.loyalty;

import io.engage.engine.customer.CustomerMergeStep;
import io.engage.engine.customer.Customers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loyalty's part of a merge: orders, the points ledger with its lots (so the survivor's balance is
 * the sum of both, lot by lot), tier history and referrals move to the survivor; then the
 * survivor's tier is decided again on the combined spend. A tier override or referral decision the
 * survivor already has is kept, and the merged one stays recorded under the merged id.
 */
@Component
@Order(10)
class LoyaltyMergeStep implements CustomerMergeStep {

  private final LoyaltyMapper mapper;
  private final TierService tiers;
  private final Customers customers;
  private final Clock clock;

  LoyaltyMergeStep(LoyaltyMapper mapper, TierService tiers, Customers customers, Clock clock) {
    this.mapper = mapper;
    this.tiers = tiers;
    this.customers = customers;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "loyalty";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("orders", mapper.moveOrders(mergedId, survivorId));
    moved.put("points", mapper.balance(mergedId));
    moved.put("ledgerEntries", mapper.moveLedger(mergedId, survivorId));
    moved.put("pointsLots", mapper.moveLots(mergedId, survivorId));
    moved.put("tierChanges", mapper.moveTierHistory(mergedId, survivorId));
    moved.put("tierOverride", mapper.findOverride(survivorId) == null && mapper.moveOverride(mergedId, survivorId) == 1
        ? "moved" : "survivor's kept");
    moved.put("referral", mapper.findReferral(survivorId) == null && mapper.moveReferral(mergedId, survivorId) == 1
        ? "moved" : "survivor's kept");
    moved.put("referralsGiven", mapper.moveReferrer(mergedId, survivorId));
    tiers.reevaluate(customers.lockOrCreate(survivorId, clock.instant()), clock.instant(), "merge:" + mergedId);
    return moved;
  }
}
