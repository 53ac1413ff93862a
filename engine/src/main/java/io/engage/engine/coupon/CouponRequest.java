package io.engage.engine.coupon;

import java.math.BigDecimal;

/** What a journey step asks to issue; the same idempotency key always yields the same coupon. */
public record CouponRequest(
    String idempotencyKey, String customerId, String campaign, BigDecimal value, BigDecimal minSpend, int validDays,
    String journey, Long processInstanceKey, String elementId) {}
