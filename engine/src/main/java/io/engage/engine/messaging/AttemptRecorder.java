package io.engage.engine.messaging;

import io.engage.connectors.policy.DeliveryAttempt;
import io.engage.connectors.policy.DeliveryAttemptListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the provider calls the delivery pipeline makes for the message being sent on this
 * thread, so they are stored in the transaction that settles the message. The pipeline calls its
 * listener on the sending thread, right after each call.
 */
final class AttemptRecorder implements DeliveryAttemptListener {

  private final ThreadLocal<List<DeliveryAttempt>> current = new ThreadLocal<>();

  @Override
  public void onAttempt(DeliveryAttempt attempt) {
    List<DeliveryAttempt> attempts = current.get();
    if (attempts != null) {
      attempts.add(attempt);
    }
  }

  /** Runs a delivery and hands back every provider call it made. */
  <T> Recorded<T> record(java.util.function.Supplier<T> delivery) {
    List<DeliveryAttempt> attempts = new ArrayList<>();
    current.set(attempts);
    try {
      return new Recorded<>(delivery.get(), attempts);
    } finally {
      current.remove();
    }
  }

  record Recorded<T>(T result, List<DeliveryAttempt> attempts) {}
}
