package io.engage.engine.coupon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/{customerId}/coupons")
@Tag(name = "Coupons", description = "Coupons issued to a customer by journeys")
class CouponController {

  private final Coupons coupons;

  CouponController(Coupons coupons) {
    this.coupons = coupons;
  }

  @Operation(summary = "A customer's coupons, newest first, with their status (ISSUED or EXPIRED)")
  @GetMapping
  List<Coupon> list(@PathVariable String customerId) {
    return coupons.forCustomer(customerId, 200);
  }
}
