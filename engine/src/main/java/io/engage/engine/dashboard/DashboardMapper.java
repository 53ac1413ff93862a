package io.engage.engine.dashboard;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Aggregates over loyalty's ledger, messaging's messages and journey's instances, read in SQL
 * because they span millions of rows; never writes.
 */
@Mapper
interface DashboardMapper {

  /** One row per slice, in slice order, zeros included. */
  List<PointsRow> pointsPerSlice(@Param("slices") List<DateRange.Slice> slices);

  record PointsRow(int sliceIndex, long issued, long redeemed, long expired, long reversed) {}

  List<MessageCounts.Count> messagesPerChannelAndStatus(@Param("start") Instant start, @Param("end") Instant end);

  List<JourneyRow> journeyVersions(@Param("now") Instant now);

  record JourneyRow(String journey, int version, long entered, long active, long completed, long exited,
      long converted) {}
}
