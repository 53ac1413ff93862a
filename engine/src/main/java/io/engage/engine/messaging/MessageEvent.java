package io.engage.engine.messaging;

import java.time.Instant;

/**
 * What a customer (or the provider) did with a message after it was sent: {@code message.opened},
 * {@code message.clicked} (detail: the link), {@code message.delivered}, {@code message.bounced},
 * {@code consent.withdrawn} (detail: the channel).
 */
public record MessageEvent(long id, String customerId, Long messageId, String type, String detail,
    Instant occurredAt) {

  public static final String OPENED = "message.opened";
  public static final String CLICKED = "message.clicked";
  public static final String DELIVERED = "message.delivered";
  public static final String DELIVERY_FAILED = "message.delivery-failed";
  public static final String BOUNCED = "message.bounced";
  public static final String CONSENT_WITHDRAWN = "consent.withdrawn";
}
