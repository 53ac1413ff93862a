package io.engage.connectors;

import java.time.Duration;
import java.util.Objects;

/**
 * What the provider said about one attempt: sent (with its id), failed for now, or failed for good;
 * why ({@link #reason}, the provider's own words where it gave any), and what kind of failure it was
 * ({@link #failure}), which decides whether a retry or another provider can help.
 *
 * @param provider the provider that answered; connectors leave it null, {@link
 *     io.engage.connectors.policy.FailoverConnector} and the pipeline fill it in
 * @param retryAfter how long the provider asked us to wait (429 Retry-After, quota resets); null
 *     when it said nothing
 */
public record DeliveryResult(Outcome outcome, String providerMessageId, String reason, Failure failure,
    Duration retryAfter, String provider) {

  public enum Outcome {
    SENT,
    /** Worth retrying later: connection refused, timeout, throttled, 4xx SMTP reply, 5xx HTTP. */
    TRANSIENT_FAILURE,
    /** Retrying cannot help: invalid recipient, dead token, rejected content. */
    PERMANENT_FAILURE
  }

  /** The kind of failure; {@link #NONE} for a sent message. */
  public enum Failure {
    NONE(false, false),
    /** Nothing reached the provider: connection refused, unknown host, TLS handshake, no SMPP bind. */
    CONNECTION(true, true),
    /**
     * The request went out and no answer came in time: the provider may have accepted it. Retried on
     * the same provider (which may recognise the idempotency key), never failed over.
     */
    TIMEOUT(true, false),
    /** The provider refused for now because of a rate or quota (HTTP 429, ESME_RTHROTTLED, 45009). */
    THROTTLED(true, true),
    /** The provider failed (5xx, system error) and said nothing was sent. */
    PROVIDER_ERROR(true, true),
    /** Our credentials were refused: an operator must fix the configuration; messages wait. */
    AUTHENTICATION(true, true),
    /** The address, number, device token or openid does not exist (any more): mark it dead. */
    INVALID_RECIPIENT(false, false),
    /** The recipient exists but will not take it (WeChat follower unsubscribed, blocked). */
    RECIPIENT_REFUSED(false, false),
    /** The provider refused this message itself: content, size, template, sender. */
    REJECTED(false, false);

    private final boolean transientFailure;
    private final boolean failoverSafe;

    Failure(boolean transientFailure, boolean failoverSafe) {
      this.transientFailure = transientFailure;
      this.failoverSafe = failoverSafe;
    }

    /** Whether this kind is a {@link Outcome#TRANSIENT_FAILURE}. */
    public boolean isTransient() {
      return transientFailure;
    }

    /**
     * True when the provider certainly did not accept the message, so sending it through another
     * provider cannot deliver it twice.
     */
    public boolean failoverSafe() {
      return failoverSafe;
    }
  }

  public DeliveryResult {
    Objects.requireNonNull(outcome, "outcome");
    if (failure == null) {
      failure = switch (outcome) {
        case SENT -> Failure.NONE;
        case TRANSIENT_FAILURE -> Failure.PROVIDER_ERROR;
        case PERMANENT_FAILURE -> Failure.REJECTED;
      };
    }
    if (outcome == Outcome.SENT ? failure != Failure.NONE
        : failure == Failure.NONE || failure.isTransient() != (outcome == Outcome.TRANSIENT_FAILURE)) {
      throw new IllegalArgumentException(failure + " does not fit outcome " + outcome);
    }
  }

  /** The original shape: the kind of failure follows from the outcome. */
  public DeliveryResult(Outcome outcome, String providerMessageId, String reason) {
    this(outcome, providerMessageId, reason, null, null, null);
  }

  public static DeliveryResult sent(String providerMessageId) {
    return new DeliveryResult(Outcome.SENT, providerMessageId, null, Failure.NONE, null, null);
  }

  public static DeliveryResult transientFailure(String reason) {
    return new DeliveryResult(Outcome.TRANSIENT_FAILURE, null, reason, Failure.PROVIDER_ERROR, null, null);
  }

  public static DeliveryResult permanentFailure(String reason) {
    return new DeliveryResult(Outcome.PERMANENT_FAILURE, null, reason, Failure.REJECTED, null, null);
  }

  /** A failure of the given kind; the outcome follows from it. */
  public static DeliveryResult failed(Failure failure, String reason) {
    return failed(failure, reason, null);
  }

  public static DeliveryResult failed(Failure failure, String reason, Duration retryAfter) {
    if (failure == Failure.NONE) {
      throw new IllegalArgumentException("a failure needs a kind");
    }
    Outcome outcome = failure.isTransient() ? Outcome.TRANSIENT_FAILURE : Outcome.PERMANENT_FAILURE;
    return new DeliveryResult(outcome, null, reason, failure, retryAfter, null);
  }

  public static DeliveryResult throttled(String reason, Duration retryAfter) {
    return failed(Failure.THROTTLED, reason, retryAfter);
  }

  public static DeliveryResult invalidRecipient(String reason) {
    return failed(Failure.INVALID_RECIPIENT, reason);
  }

  public boolean sent() {
    return outcome == Outcome.SENT;
  }

  /**
   * True when the engine should mark the address, number, device token or openid dead so it is not
   * used again (APNs Unregistered / BadDeviceToken, FCM UNREGISTERED, JPush 1011, SMPP invalid
   * destination, WeChat invalid openid).
   */
  public boolean recipientDead() {
    return failure == Failure.INVALID_RECIPIENT;
  }

  /** The same result, naming the provider that gave it (kept if one is already named). */
  public DeliveryResult withProvider(String name) {
    return provider != null ? this : new DeliveryResult(outcome, providerMessageId, reason, failure, retryAfter, name);
  }
}
