package io.engage.rules.referral;

import java.util.List;

/**
 * The points of a referral for both sides. {@code refused} flags a suspected abuse (the reason
 * says which) for review; a referral that simply earns nothing, e.g. a later order, is not refused.
 */
public record ReferralDecision(
    String ruleSet, String version, long referrerPoints, long refereePoints, boolean refused, String reason,
    List<String> rulesFired) {

  public ReferralDecision {
    rulesFired = List.copyOf(rulesFired);
  }
}
