package io.engage.engine.platform.identity;

/**
 * Resolves a customer id that may belong to a merged profile to the id of the profile that
 * survived the merge. Lives here so that the event feature can redirect incoming events without
 * depending on the customer feature (which depends on events).
 */
public interface CustomerAliases {

  /** The surviving customer's id, or {@code customerId} itself when it was never merged. */
  String canonicalId(String customerId);
}
