package io.engage.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LoyaltyMapper {

  int insertOrderIfAbsent(@Param("order") Order order, @Param("lineItems") String lineItems);

  List<Order> findOrders(@Param("customerId") String customerId, @Param("limit") int limit);

  Spend paidSpendSince(@Param("customerId") String customerId, @Param("since") Instant since, @Param("until") Instant until);

  int insertLedgerEntry(
      @Param("entry") LedgerEntry entry, @Param("rulesFired") String rulesFired, @Param("inputs") String inputs);

  List<LedgerRow> findLedger(@Param("customerId") String customerId, @Param("limit") int limit);

  long balance(@Param("customerId") String customerId);

  int insertTierChange(TierChange change);

  List<TierChange> findTierHistory(@Param("customerId") String customerId);

  record Spend(BigDecimal amount, int orders) {}

  record LedgerRow(
      long id, String customerId, String kind, long points, String sourceEventId, String orderId, String ruleSet,
      String ruleSetVersion, String explanation, String rulesFired, Instant createdAt) {}
}
