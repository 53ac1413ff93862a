package io.engage.engine.loyalty;

import io.engage.engine.rulesadmin.ActiveRules;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.activity.ActivityRules;
import io.engage.rules.birthday.BirthdayGiftRules;
import io.engage.rules.points.PointsRules;
import io.engage.rules.referral.ReferralRules;
import io.engage.rules.tiers.TierRules;
import org.springframework.stereotype.Component;

/** The loyalty rule sets in force now; each call reads the active version once. */
@Component
class ActiveRuleSets {

  private final ActiveRules active;

  ActiveRuleSets(ActiveRules active) {
    this.active = active;
  }

  PointsRules points() {
    return new PointsRules(active.get(ShippedRuleSets.POINTS));
  }

  TierRules tiers() {
    return new TierRules(active.get(ShippedRuleSets.TIERS));
  }

  ReferralRules referral() {
    return new ReferralRules(active.get(ShippedRuleSets.REFERRAL));
  }

  BirthdayGiftRules birthday() {
    return new BirthdayGiftRules(active.get(ShippedRuleSets.BIRTHDAY));
  }

  ActivityRules activity() {
    return new ActivityRules(active.get(ShippedRuleSets.ACTIVITY));
  }
}
