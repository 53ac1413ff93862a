package io.engage.engine.messaging;

import io.engage.engine.platform.pii.PersonalData;
import java.time.Instant;

/**
 * A message Engage sent, is about to send, or decided not to send, with the reason.
 *
 * <p>Status lifecycle: {@code QUEUED} (waiting for its first attempt, a retry, or the end of quiet
 * hours; the reason says which) then {@code SENT} (a provider accepted it), later {@code DELIVERED}
 * or {@code FAILED} from the provider's receipt; or {@code FAILED} (the provider refused it, or
 * retries ran out) or {@code SUPPRESSED} (policy: no consent, unsubscribed, capped, no or invalid
 * address, unknown customer) without a send.
 *
 * @param customerId null for a staff notification
 * @param audience {@code CUSTOMER} or {@code STAFF}
 * @param origin {@code journey}, {@code api} or {@code staff}: who asked for it
 * @param channel the channel it went (or goes) on; {@code requestedChannel} what was asked
 *     ({@code preferred} resolves to the customer's preferred reachable channel)
 * @param attempts delivery rounds so far (a failover to a secondary provider shares its round)
 * @param nextAttemptAt when a queued message is tried next
 */
public record Message(
    long id,
    String idempotencyKey,
    String customerId,
    String audience,
    String staffRole,
    String origin,
    String channel,
    String requestedChannel,
    String template,
    Integer templateVersion,
    String locale,
    String category,
    @PersonalData String recipient,
    @PersonalData String subject,
    String status,
    String reason,
    String provider,
    String providerMessageId,
    String journey,
    Long processInstanceKey,
    String elementId,
    int attempts,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant sentAt,
    Instant deliveredAt) {

  public static final String QUEUED = "QUEUED";
  public static final String SENT = "SENT";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";
  public static final String SUPPRESSED = "SUPPRESSED";

  public static final String MARKETING = "marketing";
  public static final String TRANSACTIONAL = "transactional";

  static final String CUSTOMER = "CUSTOMER";
  static final String STAFF = "STAFF";

  /** Whether nothing more will be tried: sent (or delivered), failed or suppressed. */
  public boolean settled() {
    return !QUEUED.equals(status);
  }

  boolean marketing() {
    return MARKETING.equals(category);
  }
}
