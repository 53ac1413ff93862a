package io.engage.engine.messaging;

/** The provider could not take the message now; trying again later may succeed. */
public class TransientDeliveryException extends RuntimeException {

  public TransientDeliveryException(String reason) {
    super(reason);
  }
}
