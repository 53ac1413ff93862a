package io.engage.connectors.policy;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Providers of one channel in order of preference. A message goes to the first; on a transient
 * failure that proves nothing was accepted (connection refused, throttled, provider error,
 * credentials refused: {@link DeliveryResult.Failure#failoverSafe()}) it goes to the next. A
 * permanent failure is final (another provider would refuse the same number), and so is a timeout:
 * the first provider may have accepted the message, and only a retry on the same provider can be
 * recognised as a repeat. The result names the provider that gave it.
 */
public final class FailoverConnector implements ChannelConnector {

  /** Told of each provider call with its duration; the pipeline records attempts this way. */
  @FunctionalInterface
  public interface CallObserver {
    void onCall(ChannelConnector provider, DeliveryResult result, Duration duration);
  }

  private final List<ChannelConnector> providers;
  private final Channel channel;

  public FailoverConnector(List<? extends ChannelConnector> providers) {
    if (providers.isEmpty()) {
      throw new IllegalArgumentException("at least one provider");
    }
    this.providers = List.copyOf(providers);
    this.channel = this.providers.getFirst().channel();
    for (ChannelConnector provider : this.providers) {
      if (provider.channel() != channel) {
        throw new IllegalArgumentException(provider.provider() + " serves " + provider.channel() + ", not " + channel);
      }
    }
  }

  public FailoverConnector(ChannelConnector primary, ChannelConnector secondary) {
    this(List.of(primary, secondary));
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public String provider() {
    return providers.stream().map(ChannelConnector::provider).collect(Collectors.joining(">"));
  }

  public List<ChannelConnector> providers() {
    return providers;
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    return send(message, (provider, result, duration) -> { });
  }

  public DeliveryResult send(OutboundMessage message, CallObserver observer) {
    DeliveryResult result = null;
    for (ChannelConnector provider : providers) {
      long started = System.nanoTime();
      result = provider.send(message).withProvider(provider.provider());
      observer.onCall(provider, result, Duration.ofNanos(System.nanoTime() - started));
      if (result.outcome() != DeliveryResult.Outcome.TRANSIENT_FAILURE || !result.failure().failoverSafe()) {
        return result;
      }
    }
    return result;
  }
}
