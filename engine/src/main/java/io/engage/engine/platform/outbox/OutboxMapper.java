package io.engage.engine.platform.outbox;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

  void insert(@Param("topic") String topic, @Param("eventId") String eventId, @Param("now") Instant now);

  /** Locks the next due row of a topic, skipping rows other nodes hold. */
  OutboxRow claimNextDue(@Param("topic") String topic, @Param("now") Instant now);

  void markDone(@Param("id") long id, @Param("now") Instant now);

  void markFailedAttempt(
      @Param("id") long id,
      @Param("nextAttemptAt") Instant nextAttemptAt,
      @Param("error") String error,
      @Param("parked") boolean parked);

  long countPending(@Param("topic") String topic);
}
