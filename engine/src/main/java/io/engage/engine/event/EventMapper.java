package io.engage.engine.event;

import java.time.Instant;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface EventMapper {

  /** Returns 1 when stored, 0 when an event with this id already exists. */
  int insertIfAbsent(
      @Param("eventId") String eventId,
      @Param("customerId") String customerId,
      @Param("type") String type,
      @Param("occurredAt") Instant occurredAt,
      @Param("receivedAt") Instant receivedAt,
      @Param("payload") String payload,
      @Param("source") String source);

  EventRow findByEventId(@Param("eventId") String eventId);

  /** Deletes up to {@code limit} events received before {@code cutoff} whose outbox work is done. */
  int deleteReceivedBefore(@Param("cutoff") Instant cutoff, @Param("limit") int limit);

  int reassignCustomer(@Param("from") String from, @Param("to") String to);

  record EventRow(String eventId, String customerId, String type, Instant occurredAt, Instant receivedAt, String payload, String source) {}
}
