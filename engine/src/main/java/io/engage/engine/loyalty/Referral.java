package io.engage.engine.loyalty;

import java.time.Instant;

/** How a referee's referral was decided: GRANTED with points, or REFUSED with the reason. */
public record Referral(
    String refereeId, String referrerId, String referralCode, String status, String reason, long referrerPoints,
    long refereePoints, String ruleSetVersion, String eventId, Instant decidedAt) {}
