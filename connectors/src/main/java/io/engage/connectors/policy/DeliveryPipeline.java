package io.engage.connectors.policy;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message through its channel's providers with the rate limit, retries and failover applied,
 * and reports every provider call to a {@link DeliveryAttemptListener}. Thread-safe; one instance
 * serves the engine.
 *
 * <p>One call of {@link #deliver} makes attempts until the message is sent, fails for good, runs
 * out of attempts, or the next wait would exceed {@link RetryPolicy#maxInlineWait()}; then it
 * returns {@link Delivery.Status#RETRY_LATER} with the wait, and the caller calls again later with
 * the attempts made so far. Each attempt goes to the first provider and fails over down the list on
 * failures that prove nothing was sent (see {@link FailoverConnector}).
 *
 * <p>The pipeline sends what it is given: the caller makes sure a key is delivered once (the engine
 * keeps one locked row per idempotency key), and connectors pass the key on to providers that
 * recognise repeats.
 */
public final class DeliveryPipeline {

  private static final Logger log = LoggerFactory.getLogger(DeliveryPipeline.class);

  private final Map<Channel, FailoverConnector> routes;
  private final RetryPolicy retryPolicy;
  private final DeliveryAttemptListener listener;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RandomGenerator random;

  private DeliveryPipeline(Builder builder) {
    Map<Channel, FailoverConnector> routes = new EnumMap<>(Channel.class);
    builder.providers.forEach((channel, providers) -> routes.put(channel, new FailoverConnector(providers)));
    this.routes = routes;
    this.retryPolicy = builder.retryPolicy;
    this.listener = builder.listener;
    this.sleeper = builder.sleeper;
    this.clock = builder.clock;
    this.random = builder.random;
  }

  public static Builder builder() {
    return new Builder();
  }

  public boolean serves(Channel channel) {
    return routes.containsKey(channel);
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** A message's first delivery. */
  public Delivery deliver(OutboundMessage message) {
    return deliver(message, 0);
  }

  /**
   * Delivers a message that has had {@code previousAttempts} attempts already (0 for a new one).
   *
   * @throws IllegalArgumentException when no provider serves the message's channel
   */
  public Delivery deliver(OutboundMessage message, int previousAttempts) {
    FailoverConnector route = routes.get(message.channel());
    if (route == null) {
      throw new IllegalArgumentException("no provider configured for " + message.channel());
    }
    int attempts = previousAttempts;
    Duration waited = Duration.ZERO;
    while (true) {
      int attempt = ++attempts;
      DeliveryResult result = route.send(message, (provider, answer, duration) ->
          report(new DeliveryAttempt(message.idempotencyKey(), message.channel(), provider.provider(), attempt, answer,
              clock.instant().minus(duration), duration)));
      switch (result.outcome()) {
        case SENT:
          return new Delivery(Delivery.Status.SENT, result, attempts, null);
        case PERMANENT_FAILURE:
          return new Delivery(Delivery.Status.FAILED, result, attempts, null);
        case TRANSIENT_FAILURE:
          break;
      }
      if (!retryPolicy.allowsAnotherAfter(attempts)) {
        return new Delivery(Delivery.Status.FAILED, result, attempts, null);
      }
      Duration delay = retryPolicy.delayBeforeRetry(attempts, result.retryAfter(), random);
      if (waited.plus(delay).compareTo(retryPolicy.maxInlineWait()) > 0) {
        return new Delivery(Delivery.Status.RETRY_LATER, result, attempts, delay);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Delivery(Delivery.Status.RETRY_LATER, result, attempts, delay);
      }
      waited = waited.plus(delay);
    }
  }

  private void report(DeliveryAttempt attempt) {
    try {
      listener.onAttempt(attempt);
    } catch (RuntimeException e) {
      log.warn("Attempt listener failed for {} attempt {}", attempt.idempotencyKey(), attempt.attempt(), e);
    }
  }

  public static final class Builder {
    private final Map<Channel, List<ChannelConnector>> providers = new EnumMap<>(Channel.class);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private DeliveryAttemptListener listener = DeliveryAttemptListener.IGNORE;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random = new Random();
    private Duration rateLimitWait = Duration.ofSeconds(1);

    private Builder() {}

    /** Adds a provider for its channel, after those added before (the first is the primary). */
    public Builder provider(ChannelConnector connector) {
      providers.computeIfAbsent(connector.channel(), c -> new ArrayList<>()).add(connector);
      return this;
    }

    /** Adds a provider held to a rate; a message waits up to {@link #rateLimitWait} for a permit. */
    public Builder provider(ChannelConnector connector, RateLimiter limiter) {
      return provider(new RateLimitedConnector(connector, limiter, rateLimitWait, sleeper));
    }

    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    public Builder attemptListener(DeliveryAttemptListener listener) {
      this.listener = listener;
      return this;
    }

    /** How long a message may wait for a rate-limit permit before it counts as throttled (1 s). */
    public Builder rateLimitWait(Duration wait) {
      this.rateLimitWait = wait;
      return this;
    }

    /** For tests: a virtual clock's sleeper (set before adding rate-limited providers). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    public DeliveryPipeline build() {
      if (providers.isEmpty()) {
        throw new IllegalStateException("no providers");
      }
      return new DeliveryPipeline(this);
    }
  }
}
