package io.engage.connectors.policy;

/**
 * Told of every provider call the pipeline makes, on the sending thread, right after the call.
 * An exception thrown here is logged and does not change the delivery.
 */
@FunctionalInterface
public interface DeliveryAttemptListener {

  void onAttempt(DeliveryAttempt attempt);

  DeliveryAttemptListener IGNORE = attempt -> { };
}
