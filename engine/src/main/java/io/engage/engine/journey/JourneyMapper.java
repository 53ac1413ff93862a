package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface JourneyMapper {

  /** 1 when this is the first step seen of the instance. */
  int insertInstanceIfAbsent(
      @Param("processInstanceKey") long processInstanceKey, @Param("journey") String journey,
      @Param("version") int version, @Param("customerId") String customerId, @Param("at") Instant at);

  void markEnded(@Param("processInstanceKey") long processInstanceKey, @Param("at") Instant at);

  /** Ends an instance that will never record its own end (refused entry, cancelled, gone). */
  void markStatus(@Param("processInstanceKey") long processInstanceKey, @Param("status") String status,
      @Param("at") Instant at);

  void updateLastElement(@Param("processInstanceKey") long processInstanceKey, @Param("elementId") String elementId);

  void updateVersion(@Param("processInstanceKey") long processInstanceKey, @Param("version") int version);

  List<Long> findActiveKeys(@Param("journey") String journey, @Param("version") int version);

  void insertStepIfAbsent(
      @Param("processInstanceKey") long processInstanceKey, @Param("elementInstanceKey") long elementInstanceKey,
      @Param("elementId") String elementId, @Param("customerId") String customerId,
      @Param("journey") String journey, @Param("at") Instant at);

  List<JourneyInstance> findInstances(@Param("customerId") String customerId);

  List<JourneyStep> findSteps(@Param("processInstanceKey") long processInstanceKey);

  int moveInstances(@Param("from") String from, @Param("to") String to);

  int moveSteps(@Param("from") String from, @Param("to") String to);

  /** IGNORE: a trigger the survivor already had (the same birthday or holiday) stays the survivor's. */
  int moveTriggers(@Param("from") String from, @Param("to") String to);

  /** IGNORE: the survivor keeps its own variant in an experiment both were in. */
  int moveExperimentAssignments(@Param("from") String from, @Param("to") String to);

  int moveConversions(@Param("from") String from, @Param("to") String to);
}
