package io.engage.engine.loyalty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LoyaltyMapper {

  int insertOrderIfAbsent(@Param("order") Order order, @Param("lineItems") String lineItems, @Param("tier") String tier);


  List<CustomerSpend> spendByCustomer(@Param("from") Instant from, @Param("to") Instant to);

  int countOtherPaidOrders(@Param("customerId") String customerId, @Param("orderId") String orderId);

  /** Points already earned from the customer's orders placed in [from, to). */
  long orderPointsPlacedBetween(@Param("customerId") String customerId, @Param("from") Instant from, @Param("to") Instant to);

  /** Points of one kind written in [from, to) (activity caps per day). */
  long pointsOfKindBetween(@Param("customerId") String customerId, @Param("kind") String kind,
      @Param("from") Instant from, @Param("to") Instant to);

  TierChange findLastChangeTo(@Param("customerId") String customerId, @Param("tier") String tier);

  TierOverride findOverride(@Param("customerId") String customerId);

  void upsertOverride(TierOverride override);

  int deleteOverride(@Param("customerId") String customerId);

  String findCustomerIdByReferralCode(@Param("code") String code);

  int countGrantedReferrals(@Param("referrerId") String referrerId, @Param("from") Instant from, @Param("to") Instant to);

  int insertReferralIfAbsent(Referral referral);

  Referral findReferral(@Param("refereeId") String refereeId);

  /** Referral decisions of [from, to), oldest first, for replaying them through another version. */
  List<Referral> findReferralsBetween(@Param("from") Instant from, @Param("to") Instant to);

  List<String> findExistingOrderIds(@Param("ids") List<String> ids);

  record ImportedOrderRow(ImportedOrder order, String lineItems) {}

  int insertImportedOrders(@Param("rows") List<ImportedOrderRow> rows, @Param("sourceId") String sourceId);

  int moveOrders(@Param("from") String from, @Param("to") String to);

  int moveLedger(@Param("from") String from, @Param("to") String to);

  int moveLots(@Param("from") String from, @Param("to") String to);

  int moveTierHistory(@Param("from") String from, @Param("to") String to);

  int moveOverride(@Param("from") String from, @Param("to") String to);

  int moveReferral(@Param("from") String from, @Param("to") String to);

  int moveReferrer(@Param("from") String from, @Param("to") String to);

  record CustomerSpend(String customerId, String tier, BigDecimal amount, int orders) {}


  List<Order> findOrders(@Param("customerId") String customerId, @Param("limit") int limit);

  Spend paidSpendSince(@Param("customerId") String customerId, @Param("since") Instant since, @Param("until") Instant until);

  int insertLedgerEntry(
      @Param("entry") LedgerEntry entry, @Param("rulesFired") String rulesFired, @Param("inputs") String inputs);

  List<LedgerRow> findLedger(@Param("customerId") String customerId, @Param("limit") int limit);

  long balance(@Param("customerId") String customerId);

  int insertTierChange(TierChange change);

  List<TierChange> findTierHistory(@Param("customerId") String customerId);

  Long findLedgerId(@Param("sourceEventId") String sourceEventId, @Param("kind") String kind);

  Long findLedgerPoints(@Param("sourceEventId") String sourceEventId, @Param("kind") String kind);

  void insertLot(PointsLot lot);

  /** Available lots (returned window closed, not expired, points left), oldest expiry first, locked. */
  List<PointsLot> lockAvailableLots(@Param("customerId") String customerId, @Param("now") Instant now);

  PointsLot lockLotOfOrder(@Param("orderId") String orderId);

  /** Lots past their expiry that still hold points; rows other nodes are expiring are skipped. */
  List<PointsLot> lockExpiredLots(@Param("now") Instant now, @Param("limit") int limit);

  void takeFromLot(@Param("lotId") long lotId, @Param("points") long points);

  void insertAllocation(@Param("ledgerId") long ledgerId, @Param("lotId") long lotId, @Param("points") long points);

  long availablePoints(@Param("customerId") String customerId, @Param("now") Instant now);

  long pendingPoints(@Param("customerId") String customerId, @Param("now") Instant now);

  OrderForRefund lockOrder(@Param("orderId") String orderId);

  void addRefunded(@Param("orderId") String orderId, @Param("amount") BigDecimal amount);

  long sumOrderPoints(@Param("orderId") String orderId, @Param("kind") String kind);

  record OrderForRefund(String orderId, String customerId, BigDecimal amount, BigDecimal refundedAmount) {}

  record Spend(BigDecimal amount, int orders) {}

  record LedgerRow(
      long id, String customerId, String kind, long points, String sourceEventId, String orderId, String ruleSet,
      String ruleSetVersion, String explanation, String rulesFired, Instant createdAt) {}
}
