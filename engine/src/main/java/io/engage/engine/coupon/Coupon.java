package io.engage.engine.coupon;

import java.math.BigDecimal;
import java.time.Instant;

/** A coupon issued to a customer. {@code status} is ISSUED, or EXPIRED once past its expiry. */
public record Coupon(
    long id, String code, String customerId, String campaign, BigDecimal value, BigDecimal minSpend, String status,
    String journey, Long processInstanceKey, String elementId, Instant issuedAt, Instant expiresAt) {

  public static final String ISSUED = "ISSUED";
  public static final String EXPIRED = "EXPIRED";

  /** The status as of {@code now}: an issued coupon past its expiry is expired. */
  Coupon asOf(Instant now) {
    if (ISSUED.equals(status) && !expiresAt.isAfter(now)) {
      return new Coupon(id, code, customerId, campaign, value, minSpend, EXPIRED, journey, processInstanceKey,
          elementId, issuedAt, expiresAt);
    }
    return this;
  }
}
