package io.engage.rules.referral;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The working fact for one referral: rules read the inputs and record rewards, refusals and notes. */
public final class ReferralEvaluation {

  private final ReferralFact fact;
  private final int sharedFingerprints;
  private final List<String> rulesFired = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private long referrerPoints;
  private long refereePoints;
  private boolean refused;

  ReferralEvaluation(ReferralFact fact) {
    this.fact = fact;
    Set<String> shared = new HashSet<>(fact.referrerFingerprints());
    shared.retainAll(fact.refereeFingerprints());
    this.sharedFingerprints = shared.size();
  }

  public boolean isSelfReferral() {
    return fact.referrerId() != null && fact.referrerId().equals(fact.refereeId());
  }

  /** How many hashed phone/device/address fingerprints both customers have. */
  public int getSharedFingerprints() {
    return sharedFingerprints;
  }

  public boolean isRefereeFirstPaidOrder() {
    return fact.refereeFirstPaidOrder();
  }

  public int getReferrerRewardsThisMonth() {
    return fact.referrerRewardsThisMonth();
  }

  public String getReferrerId() {
    return fact.referrerId();
  }

  /** Flags the referral: no points for anyone, whatever else fires. */
  public void refuse(String rule, String reason) {
    rulesFired.add(rule);
    notes.add(reason);
    refused = true;
  }

  public void rewardReferrer(String rule, long points) {
    rulesFired.add(rule);
    referrerPoints += points;
    notes.add("referrer +" + points);
  }

  public void rewardReferee(String rule, long points) {
    rulesFired.add(rule);
    refereePoints += points;
    notes.add("referee +" + points);
  }

  /** A rule that fired without points, e.g. a cap: its reason goes into the decision. */
  public void note(String rule, String reason) {
    rulesFired.add(rule);
    notes.add(reason);
  }

  ReferralDecision decision(String ruleSet, String version) {
    String reason = notes.isEmpty() ? "no referral rule applied" : String.join("; ", notes);
    return refused
        ? new ReferralDecision(ruleSet, version, 0, 0, true, reason, rulesFired)
        : new ReferralDecision(ruleSet, version, referrerPoints, refereePoints, false, reason, rulesFired);
  }
}
