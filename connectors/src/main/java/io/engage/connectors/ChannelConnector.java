package io.engage.connectors;

/** Delivers messages on one channel through one provider. Implementations are thread-safe. */
public interface ChannelConnector {

  Channel channel();

  /** Never throws for a provider's failure: the result says whether a retry can help. */
  DeliveryResult send(OutboundMessage message);
}
