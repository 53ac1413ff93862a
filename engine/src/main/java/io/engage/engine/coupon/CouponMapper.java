package io.engage.engine.coupon;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CouponMapper {

  /** 1 when stored; 0 when the idempotency key (or, rarely, the code) exists already. */
  int insertIfAbsent(@Param("coupon") Coupon coupon, @Param("idempotencyKey") String idempotencyKey);

  Coupon findByKey(@Param("idempotencyKey") String idempotencyKey);

  int countByCode(@Param("code") String code);

  List<Coupon> findByCustomer(@Param("customerId") String customerId, @Param("limit") int limit);

  /** Moves a merged profile's coupons to the survivor; their codes and idempotency keys stay. */
  int moveCoupons(@Param("from") String from, @Param("to") String to);
}
