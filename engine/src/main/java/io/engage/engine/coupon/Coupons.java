package io.engage.engine.coupon;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The coupon feature's public API: issue once per idempotency key, and list a customer's coupons. */
@Service
public class Coupons {

  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int CODE_LENGTH = 10;

  private final CouponMapper mapper;
  private final Clock clock;
  private final MeterRegistry meters;
  private final SecureRandom random = new SecureRandom();

  Coupons(CouponMapper mapper, Clock clock, MeterRegistry meters) {
    this.mapper = mapper;
    this.clock = clock;
    this.meters = meters;
  }

  /** Issues the coupon, or returns the one already issued for this key. */
  @Transactional
  public Coupon issue(CouponRequest request) {
    Coupon existing = mapper.findByKey(request.idempotencyKey());
    if (existing != null) {
      return existing;
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Coupon coupon = new Coupon(0, newCode(), request.customerId(), request.campaign(), request.value(),
        request.minSpend(), Coupon.ISSUED, request.journey(), request.processInstanceKey(), request.elementId(), now,
        now.plus(Duration.ofDays(request.validDays())));
    if (mapper.insertIfAbsent(coupon, request.idempotencyKey()) == 1) {
      meters.counter("engage.coupons.issued", "campaign", request.campaign()).increment();
    }
    // A concurrent delivery of the same job may have won the insert: its coupon is the one.
    return mapper.findByKey(request.idempotencyKey());
  }

  public List<Coupon> forCustomer(String customerId, int limit) {
    Instant now = clock.instant();
    return mapper.findByCustomer(customerId, limit).stream().map(coupon -> coupon.asOf(now)).toList();
  }

  private String newCode() {
    while (true) {
      StringBuilder code = new StringBuilder(CODE_LENGTH);
      for (int i = 0; i < CODE_LENGTH; i++) {
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      if (mapper.countByCode(code.toString()) == 0) {
        return code.toString();
      }
    }
  }
}
