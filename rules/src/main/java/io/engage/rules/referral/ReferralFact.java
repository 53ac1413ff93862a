package io.engage.rules.referral;

import java.util.Set;

/**
 * A referee's paid order seen from the referral programme. Fingerprints are hashes of phone,
 * device and address, prefixed or not by kind as the caller likes: the rules only compare them.
 */
public record ReferralFact(
    String referrerId, String refereeId, boolean refereeFirstPaidOrder, int referrerRewardsThisMonth,
    Set<String> referrerFingerprints, Set<String> refereeFingerprints) {

  public ReferralFact {
    referrerFingerprints = referrerFingerprints == null ? Set.of() : Set.copyOf(referrerFingerprints);
    refereeFingerprints = refereeFingerprints == null ? Set.of() : Set.copyOf(refereeFingerprints);
  }
}
