package io.engage.engine.messaging;

import java.time.Instant;

/** A message Engage sent or tried to send, with its status and, when not sent, the reason. */
public record Message(
    long id,
    String idempotencyKey,
    String customerId,
    String channel,
    String template,
    String category,
    String recipient,
    String subject,
    String status,
    String reason,
    String providerMessageId,
    String journey,
    Long processInstanceKey,
    String elementId,
    int attempts,
    Instant createdAt,
    Instant sentAt) {

  public static final String QUEUED = "QUEUED";
  public static final String SENT = "SENT";
  public static final String FAILED = "FAILED";
  public static final String SUPPRESSED = "SUPPRESSED";

  boolean settled() {
    return !QUEUED.equals(status);
  }
}
