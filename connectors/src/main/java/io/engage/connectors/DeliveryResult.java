package io.engage.connectors;

/** What the provider said: sent (with its id), or failed for now, or failed for good, and why. */
public record DeliveryResult(Outcome outcome, String providerMessageId, String reason) {

  public enum Outcome {
    SENT,
    /** Worth retrying later: connection refused, timeout, throttled, 4xx SMTP reply. */
    TRANSIENT_FAILURE,
    /** Retrying cannot help: invalid recipient, rejected content. */
    PERMANENT_FAILURE
  }

  public static DeliveryResult sent(String providerMessageId) {
    return new DeliveryResult(Outcome.SENT, providerMessageId, null);
  }

  public static DeliveryResult transientFailure(String reason) {
    return new DeliveryResult(Outcome.TRANSIENT_FAILURE, null, reason);
  }

  public static DeliveryResult permanentFailure(String reason) {
    return new DeliveryResult(Outcome.PERMANENT_FAILURE, null, reason);
  }
}
