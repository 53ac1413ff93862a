package io.engage.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.engage.connectors.DeliveryResult;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The pipeline's decisions, on scripted providers and a virtual clock. */
class DeliveryPipelineTest {

  private final VirtualTime time = new VirtualTime();
  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
  private final OutboundMessage sms = OutboundMessage.sms("j1:step:c1", "+8613800000001", "hi");

  private DeliveryPipeline.Builder pipeline(RetryPolicy policy) {
    return DeliveryPipeline.builder().retryPolicy(policy).sleeper(time).clock(time).random(new Random(3))
        .attemptListener(attempts::add);
  }

  private static RetryPolicy policy(int maxAttempts, Duration inline) {
    return new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofMinutes(1), inline);
  }

  @Test
  void retriesTransientFailuresWithBackoffUntilSent() {
    ScriptedConnector provider = new ScriptedConnector("gw", DeliveryResult.transientFailure("500"),
        DeliveryResult.transientFailure("500"), DeliveryResult.sent("m-1"));

    Delivery delivery = pipeline(policy(5, Duration.ofMinutes(1))).provider(provider).build().deliver(sms);

    assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(delivery.providerMessageId()).isEqualTo("m-1");
    assertThat(delivery.provider()).isEqualTo("gw");
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(provider.received).hasSize(3);
    assertThat(time.sleeps).hasSize(2);
    assertThat(time.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(time.sleeps.get(1)).isLessThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
    assertThat(attempts).extracting(a -> a.result().outcome()).containsExactly(DeliveryResult.Outcome.TRANSIENT_FAILURE,
        DeliveryResult.Outcome.TRANSIENT_FAILURE, DeliveryResult.Outcome.SENT);
    assertThat(attempts.getFirst().idempotencyKey()).isEqualTo("j1:step:c1");
  }

  @Test
  void aPermanentFailureIsNeitherRetriedNorFailedOver() {
    ScriptedConnector primary = new ScriptedConnector("a", DeliveryResult.invalidRecipient("no such number"));
    ScriptedConnector secondary = new ScriptedConnector("b", DeliveryResult.sent("x"));

    Delivery delivery = pipeline(policy(5, Duration.ofMinutes(1))).provider(primary).provider(secondary).build()
        .deliver(sms);

    assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(delivery.recipientDead()).isTrue();
    assertThat(delivery.reason()).isEqualTo("no such number");
    assertThat(secondary.received).isEmpty();
    assertThat(time.sleeps).isEmpty();
  }

  @Test
  void failsOverWhenThePrimaryProvablySentNothing() {
    ScriptedConnector primary = new ScriptedConnector("smpp", DeliveryResult.failed(Failure.CONNECTION, "refused"));
    ScriptedConnector secondary = new ScriptedConnector("http", DeliveryResult.sent("h-1"));

    Delivery delivery = pipeline(policy(5, Duration.ofMinutes(1))).provider(primary).provider(secondary).build()
        .deliver(sms);

    assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(delivery.provider()).isEqualTo("http");
    assertThat(delivery.attempts()).isEqualTo(1);
    assertThat(attempts).extracting(DeliveryAttempt::provider).containsExactly("smpp", "http");
    assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 1);
  }

  @Test
  void aTimeoutIsRetriedOnTheSameProviderNeverFailedOver() {
    ScriptedConnector primary = new ScriptedConnector("gw", DeliveryResult.failed(Failure.TIMEOUT, "read timed out"),
        DeliveryResult.sent("g-1"));
    ScriptedConnector secondary = new ScriptedConnector("other", DeliveryResult.sent("o-1"));

    Delivery delivery = pipeline(policy(5, Duration.ofMinutes(1))).provider(primary).provider(secondary).build()
        .deliver(sms);

    assertThat(delivery.provider()).isEqualTo("gw");
    assertThat(secondary.received).isEmpty();
    assertThat(primary.received).hasSize(2);
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheProvidersReason() {
    ScriptedConnector provider = new ScriptedConnector("gw", DeliveryResult.transientFailure("HTTP 503: maintenance"));

    Delivery delivery = pipeline(policy(3, Duration.ofMinutes(5))).provider(provider).build().deliver(sms);

    assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(delivery.reason()).isEqualTo("gave up after 3 attempts: HTTP 503: maintenance");
    assertThat(provider.received).hasSize(3);
  }

  @Test
  void aLongWaitIsHandedBackAndTheCountCarriesOver() {
    ScriptedConnector provider = new ScriptedConnector("gw",
        DeliveryResult.throttled("429", Duration.ofSeconds(30)), DeliveryResult.sent("g-2"));
    DeliveryPipeline pipeline = pipeline(policy(5, Duration.ofSeconds(5))).provider(provider).build();

    Delivery first = pipeline.deliver(sms);

    assertThat(first.status()).isEqualTo(Delivery.Status.RETRY_LATER);
    assertThat(first.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    assertThat(first.attempts()).isEqualTo(1);
    assertThat(time.sleeps).isEmpty();

    Delivery second = pipeline.deliver(sms, first.attempts());
    assertThat(second.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(second.attempts()).isEqualTo(2);
    assertThat(attempts).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
  }

  @Test
  void aProviderOverItsRateIsSkippedForTheNextWithoutACall() {
    ScriptedConnector primary = new ScriptedConnector("smpp", DeliveryResult.sent("s"));
    ScriptedConnector secondary = new ScriptedConnector("http", DeliveryResult.sent("h"));
    DeliveryPipeline pipeline = pipeline(policy(3, Duration.ZERO)).rateLimitWait(Duration.ZERO)
        .provider(primary, new RateLimiter(1, 1, time)).provider(secondary).build();

    Delivery first = pipeline.deliver(sms);
    Delivery second = pipeline.deliver(OutboundMessage.sms("k2", "+8613800000002", "hi"));

    assertThat(first.provider()).isEqualTo("smpp");
    assertThat(second.provider()).isEqualTo("http");
    assertThat(primary.received).containsExactly("j1:step:c1");
    assertThat(secondary.received).containsExactly("k2");
    DeliveryAttempt throttled = attempts.get(1);
    assertThat(throttled.provider()).isEqualTo("smpp");
    assertThat(throttled.result().failure()).isEqualTo(Failure.THROTTLED);
    assertThat(throttled.result().reason()).contains("local rate limit");
  }

  @Test
  void aFailingListenerChangesNothing() {
    ScriptedConnector provider = new ScriptedConnector("gw", DeliveryResult.sent("m"));
    DeliveryPipeline pipeline = DeliveryPipeline.builder().provider(provider)
        .attemptListener(a -> { throw new IllegalStateException("database down"); }).build();

    assertThat(pipeline.deliver(sms).status()).isEqualTo(Delivery.Status.SENT);
  }
}
