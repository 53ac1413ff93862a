package io.engage.connectors;

/** Delivers messages on one channel through one provider. Implementations are thread-safe. */
public interface ChannelConnector {

  Channel channel();

  /**
   * A short name for the provider behind this connector ("smtp", "smpp", "apns", ...), recorded
   * with every attempt and used to tell a primary from a secondary of the same channel.
   */
  default String provider() {
    return getClass().getSimpleName();
  }

  /** Never throws for a provider's failure: the result says whether a retry can help. */
  DeliveryResult send(OutboundMessage message);
}
