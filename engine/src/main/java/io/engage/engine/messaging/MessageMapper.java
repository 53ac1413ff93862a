package io.engage.engine.messaging;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface MessageMapper {

  /** A message as first recorded; {@code vars} is JSON (personal data: it may hold anything). */
  record NewMessage(String idempotencyKey, String customerId, String audience, String staffRole, String origin,
      String requestedChannel, String template, String category, String recipient, String vars, String journey,
      Long processInstanceKey, String elementId, Instant createdAt) {}

  int insertIfAbsent(NewMessage message);

  Message findById(@Param("id") long id);

  Message findByKey(@Param("key") String idempotencyKey);

  Message findByKeyForUpdate(@Param("key") String idempotencyKey);

  /** Locks the message unless another node holds it (then null). */
  Message findByIdForUpdateSkipLocked(@Param("id") long id);

  /** A row, not a bare String: MyBatis maps a lone String column with the default handler, not the sealed one. */
  record StoredVars(String vars) {}

  StoredVars findVars(@Param("id") long id);

  void settle(@Param("id") long id, @Param("status") String status, @Param("reason") String reason,
      @Param("channel") String channel, @Param("recipient") String recipient, @Param("subject") String subject,
      @Param("locale") String locale, @Param("templateVersion") Integer templateVersion,
      @Param("provider") String provider, @Param("providerMessageId") String providerMessageId,
      @Param("attempts") int attempts, @Param("sentAt") Instant sentAt, @Param("now") Instant now);

  void defer(@Param("id") long id, @Param("reason") String reason, @Param("channel") String channel,
      @Param("attempts") int attempts, @Param("nextAttemptAt") Instant nextAttemptAt, @Param("now") Instant now);

  /** After an unexpected error: try again later rather than at once. */
  /** The queued messages of one journey instance, locked. */
  List<Message> lockQueuedOfInstance(@Param("processInstanceKey") long processInstanceKey);

  void postpone(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt);

  /** SENT to DELIVERED or FAILED by the provider's receipt; returns the rows changed (0 or 1). */
  int applyReceipt(@Param("provider") String provider, @Param("providerMessageId") String providerMessageId,
      @Param("status") String status, @Param("reason") String reason, @Param("at") Instant at);

  Message findByProviderMessageId(@Param("provider") String provider,
      @Param("providerMessageId") String providerMessageId);

  long countMarketingSentSince(@Param("customerId") String customerId, @Param("since") Instant since,
      @Param("excludeId") long excludeId);

  List<Long> findDue(@Param("now") Instant now, @Param("limit") int limit);

  List<Message> findByCustomer(@Param("customerId") String customerId, @Param("limit") int limit);

  void lockCustomerRow(@Param("customerId") String customerId);

  String lockCustomer(@Param("customerId") String customerId);

  void insertAttempt(MessageAttempt attempt);

  List<MessageAttempt> findAttempts(@Param("messageId") long messageId);

  record ReceiptRow(long id, String provider, String providerMessageId, String status, String reason,
      Instant receivedAt) {}

  void insertReceipt(@Param("provider") String provider, @Param("providerMessageId") String providerMessageId,
      @Param("status") String status, @Param("reason") String reason, @Param("at") Instant at);

  List<ReceiptRow> findPendingReceipts(@Param("since") Instant since, @Param("limit") int limit);

  void markReceiptApplied(@Param("id") long id, @Param("at") Instant at);

  void insertEvent(MessageEvent event);

  List<MessageEvent> findEventsByCustomer(@Param("customerId") String customerId, @Param("limit") int limit);

  List<MessageEvent> findEventsByMessage(@Param("messageId") long messageId);

  int moveMessages(@Param("from") String from, @Param("to") String to);

  int moveEvents(@Param("from") String from, @Param("to") String to);

  int moveDevices(@Param("from") String from, @Param("to") String to);

  /** IGNORE: a survivor with its own WeChat binding keeps it. */
  int moveWeChatBinding(@Param("from") String from, @Param("to") String to);

  int moveAddressBlocks(@Param("from") String from, @Param("to") String to);
}
