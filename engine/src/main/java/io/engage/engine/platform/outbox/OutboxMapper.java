package io.engage.engine.platform.outbox;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

  void insert(@Param("topic") String topic, @Param("eventId") String eventId, @Param("now") Instant now);

  /** Ids of a topic's due rows, oldest first, read without locks. */
  List<Long> findDueIds(@Param("topic") String topic, @Param("now") Instant now, @Param("limit") int limit);

  /** Locks one row by primary key if it is still pending; null when done or held by another node. */
  OutboxRow lockIfPending(@Param("id") long id);

  void markDone(@Param("id") long id, @Param("now") Instant now);

  void markFailedAttempt(
      @Param("id") long id,
      @Param("nextAttemptAt") Instant nextAttemptAt,
      @Param("error") String error,
      @Param("parked") boolean parked);

  long countPending(@Param("topic") String topic);
}
