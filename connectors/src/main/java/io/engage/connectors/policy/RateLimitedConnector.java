package io.engage.connectors.policy;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.time.Duration;

/**
 * Holds a provider to its rate. A message that finds no permit within the wait is not sent and
 * comes back THROTTLED, which lets the pipeline fail over or retry later.
 */
final class RateLimitedConnector implements ChannelConnector {

  private final ChannelConnector delegate;
  private final RateLimiter limiter;
  private final Duration maxWait;
  private final Sleeper sleeper;

  RateLimitedConnector(ChannelConnector delegate, RateLimiter limiter, Duration maxWait, Sleeper sleeper) {
    this.delegate = delegate;
    this.limiter = limiter;
    this.maxWait = maxWait;
    this.sleeper = sleeper;
  }

  @Override
  public Channel channel() {
    return delegate.channel();
  }

  @Override
  public String provider() {
    return delegate.provider();
  }

  @Override
  public DeliveryResult send(OutboundMessage message) {
    try {
      if (!limiter.acquire(maxWait, sleeper)) {
        return DeliveryResult.throttled("local rate limit of " + limiter.permitsPerSecond() + "/s for "
            + delegate.provider(), limiter.timeUntilAvailable());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.throttled("interrupted while waiting for the rate limit", Duration.ZERO);
    }
    return delegate.send(message);
  }
}
