package io.engage.engine.coupon;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The merged profile's coupons (issued, redeemed or expired) move to the survivor with their codes. */
@Component
@Order(22)
class CouponMergeStep implements CustomerMergeStep {

  private final CouponMapper mapper;

  CouponMergeStep(CouponMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "coupons";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("coupons", mapper.moveCoupons(mergedId, survivorId));
    return moved;
  }
}
