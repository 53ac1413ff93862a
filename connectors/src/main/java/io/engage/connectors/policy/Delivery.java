package io.engage.connectors.policy;

import io.engage.connectors.DeliveryResult;
import java.time.Duration;

/**
 * Where a message stands after {@link DeliveryPipeline#deliver}: sent, failed for good, or to be
 * tried again later (the message stays queued; call again after {@link #retryAfter} with
 * {@link #attempts} as the previous attempts).
 *
 * @param last the last provider answer (its provider, id, reason, failure kind); for SENT the one
 *     that sent
 * @param attempts attempts made so far in all, this call's included
 */
public record Delivery(Status status, DeliveryResult last, int attempts, Duration retryAfter) {

  public enum Status { SENT, FAILED, RETRY_LATER }

  public String provider() {
    return last.provider();
  }

  public String providerMessageId() {
    return last.providerMessageId();
  }

  /** The provider's reason, prefixed with "gave up after N attempts" when retries ran out. */
  public String reason() {
    if (status == Status.FAILED && last.outcome() == DeliveryResult.Outcome.TRANSIENT_FAILURE) {
      return "gave up after " + attempts + " attempts: " + last.reason();
    }
    return last.reason();
  }

  public DeliveryResult.Failure failure() {
    return last.failure();
  }

  /** Whether the engine should mark the recipient's address or token dead. */
  public boolean recipientDead() {
    return last.recipientDead();
  }
}
