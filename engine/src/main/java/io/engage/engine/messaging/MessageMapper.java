package io.engage.engine.messaging;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MessageMapper {

  int insertIfAbsent(Message message);

  Message findByKeyForUpdate(@Param("key") String idempotencyKey);

  void settle(
      @Param("id") long id, @Param("status") String status, @Param("reason") String reason,
      @Param("recipient") String recipient, @Param("subject") String subject,
      @Param("providerMessageId") String providerMessageId, @Param("sentAt") Instant sentAt);

  void recordFailedAttempt(@Param("id") long id, @Param("reason") String reason);

  List<Message> findByCustomer(@Param("customerId") String customerId, @Param("limit") int limit);
}
