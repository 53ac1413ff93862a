package io.engage.engine.rfm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * RFM and order statistics. Reads {@code customer_order} (loyalty's table) in SQL because the
 * aggregates over millions of orders belong in the database; it never writes there.
 */
@Mapper
interface RfmMapper {

  void dropStatsNext();

  void createStatsNext();

  /** The paid-order aggregates of the customers in [from, to) (null: open end). */
  long fillStatsNext(@Param("now") Instant now, @Param("from") String from, @Param("to") String to);

  /** The customer id at this position in id order in the current statistics (null past the end). */
  String findCustomerIdAt(@Param("offset") long offset);

  void swapStats();

  /** Rows refreshed per customer while the full rebuild ran are newer than the rebuild's: keep them. */
  int carryOverFreshStats(@Param("since") Instant since);

  void dropStatsOld();

  void dropRfmNext();

  void createRfmNext();

  void dropRfmNextIndexes();

  void addRfmNextIndexes();

  void dropStatsAsOf();

  void createStatsAsOf();

  long fillStatsAsOf(@Param("asOfEnd") Instant asOfEnd, @Param("now") Instant now);

  int clearScoreSteps();

  /** The score of each distinct value of one dimension: "R" (recency days), "F" or "M". */
  long fillScoreSteps(@Param("dimension") String dimension, @Param("asOf") LocalDate asOf, @Param("offset") long offsetSeconds,
      @Param("fromStats") boolean fromStats);

  long fillRfmNext(@Param("asOf") LocalDate asOf, @Param("offset") long offsetSeconds, @Param("fromStats") boolean fromStats,
      @Param("segments") List<RfmProperties.SegmentRule> segments, @Param("lifetimeYears") BigDecimal lifetimeYears,
      @Param("minTenure") int minTenureDays, @Param("now") Instant now, @Param("from") String from, @Param("to") String to);

  void swapRfm();

  void dropRfmOld();

  int refreshStats(@Param("ids") Collection<String> customerIds, @Param("now") Instant now);

  int addToStats(@Param("stats") List<OrderStats> increments, @Param("now") Instant now);

  int deleteStatsWithoutPaidOrders(@Param("ids") Collection<String> customerIds);

  OrderStats findStats(@Param("customerId") String customerId);

  CustomerRfm findRfm(@Param("customerId") String customerId);

  List<CustomerRfm> findRfmPage(@Param("segment") String segment, @Param("r") Integer r, @Param("f") Integer f,
      @Param("after") String after, @Param("limit") int limit);

  List<RfmSummary.Cell> grid();

  List<SegmentRow> segmentCounts();

  record SegmentRow(String segment, long customers, BigDecimal monetary) {}

  AsOf latest();

  long countStats();

  long countStatsRows();

  record AsOf(LocalDate asOf, Instant computedAt, long customers) {}

  int deleteCustomer(@Param("customerId") String customerId);

  int deleteCustomerStats(@Param("customerId") String customerId);

  /** Plain scan of every order, the benchmark's baseline: {@code COUNT(*), SUM(amount) GROUP BY customer_id}. */
  long baselineScan();
}
