package io.engage.engine.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * Lifecycle stages and their history (the facts they are decided on come from {@link FactsReader});
 * it writes only the lifecycle tables.
 */
@Mapper
interface LifecycleMapper {

  long countLive(@Param("zone") String zone);

  String findIdAt(@Param("zone") String zone, @Param("offset") long offset);

  List<CustomerStage> lockStages(@Param("ids") Collection<String> ids);

  int upsertStages(@Param("changes") List<StageChange> changes);

  int insertHistory(@Param("changes") List<StageChange> changes);

  record StageChange(String customerId, String fromStage, String toStage, String reason, String eventId, Instant at,
      Instant pinnedAt) {}

  CustomerStage findStage(@Param("customerId") String customerId);

  CustomerStage lockStage(@Param("customerId") String customerId);

  List<StageHistoryEntry> findHistory(@Param("customerId") String customerId, @Param("limit") int limit);

  List<String> findZones();

  LocalDate findZoneRun(@Param("zone") String zone);

  void upsertZoneRun(@Param("zone") String zone, @Param("localDate") LocalDate localDate, @Param("now") Instant now);

  List<StageCount> countByStage();

  record StageCount(String stage, long customers) {}

  int moveHistory(@Param("from") String from, @Param("to") String to);

  int deleteStage(@Param("customerId") String customerId);
}
