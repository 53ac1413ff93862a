package io.engage.connectors.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.engage.connectors.DeliveryResult.Failure;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.email.SmtpEmailConnector;
import io.engage.connectors.email.SmtpSettings;
import io.engage.connectors.http.StubHttpServer.Response;
import io.engage.connectors.sms.HttpSmsGatewayConnector;
import io.engage.connectors.sms.HttpSmsGatewayStub;
import io.engage.connectors.sms.HttpSmsSettings;
import io.engage.connectors.sms.SmppSettings;
import io.engage.connectors.sms.SmppSmsConnector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pipeline against real peers that fail and come back: no message lost (each ends SENT, or
 * FAILED with the provider's reason) and none duplicated (the peer holds exactly one copy).
 */
class DeliveryPipelineWithPeersTest {

  private final List<DeliveryAttempt> attempts = new CopyOnWriteArrayList<>();
  private HttpSmsGatewayStub gateway;

  @BeforeEach
  void start() throws IOException {
    gateway = new HttpSmsGatewayStub();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static RetryPolicy policy(int attempts) {
    return new RetryPolicy(attempts, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMinutes(1));
  }

  private HttpSmsGatewayConnector gatewayConnector(Duration timeout) {
    return new HttpSmsGatewayConnector(new HttpSmsSettings("http-sms", gateway.server.baseUrl(), "key-1",
        HttpSmsGatewayStub.SECRET, null, null, Duration.ofSeconds(1), timeout));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anEmailWaitsOutARelayThatIsDownAndArrivesOnce() throws Exception {
    ServerSetup setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail relay = new GreenMail(setup);
    try (SmtpEmailConnector smtp = new SmtpEmailConnector(new SmtpSettings("127.0.0.1", setup.getPort(), null, null,
        false, false, "no-reply@engage.test", Duration.ofSeconds(10)))) {
      // The relay is down at the first attempt and back (restarted) while the pipeline waits.
      Sleeper relayComesBack = delay -> {
        if (!relay.isRunning()) {
          relay.start();
        }
      };
      DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(4)).sleeper(relayComesBack)
          .attemptListener(attempts::add).provider(smtp).build();

      Delivery delivery = pipeline.deliver(OutboundMessage.email("j1:mail:c1", "ann@example.com", "双十一", "hi", null));

      assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
      assertThat(delivery.attempts()).isEqualTo(2);
      assertThat(attempts).extracting(a -> a.result().failure()).containsExactly(Failure.CONNECTION, Failure.NONE);
      assertThat(relay.getReceivedMessages()).hasSize(1);
      assertThat(relay.getReceivedMessages()[0].getMessageID()).isEqualTo(delivery.providerMessageId());
    } finally {
      relay.stop();
    }
  }

  @Test
  void throttledThenFailingThenAcceptedIsOneMessageAfterHonouringRetryAfter() {
    gateway.script.add(Response.json(429, "{\"code\":\"RATE_LIMITED\"}").withHeader("Retry-After", "2"));
    gateway.script.add(Response.json(500, "{\"code\":\"INTERNAL\"}"));
    VirtualTime time = new VirtualTime();
    DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(5)).sleeper(time).clock(time)
        .random(new Random(1)).attemptListener(attempts::add).provider(gatewayConnector(Duration.ofSeconds(10))).build();

    Delivery delivery = pipeline.deliver(OutboundMessage.sms("j2:sms:c2", "+8613800000001", "您好"));

    assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
    assertThat(delivery.attempts()).isEqualTo(3);
    assertThat(time.sleeps.getFirst()).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(attempts).extracting(a -> a.result().failure())
        .containsExactly(Failure.THROTTLED, Failure.PROVIDER_ERROR, Failure.NONE);
    assertThat(attempts).allSatisfy(a -> assertThat(a.duration()).isPositive());
    assertThat(gateway.accepted).hasValue(1);
  }

  @Test
  void anSmscThatIsDownFailsOverToTheHttpGatewayAndTheAttemptsSayWho() throws IOException {
    try (SmppSmsConnector smpp = new SmppSmsConnector(new SmppSettings("smpp", "127.0.0.1", freePort(), "engage", "pw",
        null, "10690000", Duration.ofSeconds(1), null, null, Duration.ofSeconds(30), true), null)) {
      DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(3)).attemptListener(attempts::add)
          .provider(smpp).provider(gatewayConnector(Duration.ofSeconds(10))).build();

      Delivery delivery = pipeline.deliver(OutboundMessage.sms("j3:sms:c3", "+8613800000001", "您好"));

      assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
      assertThat(delivery.provider()).isEqualTo("http-sms");
      assertThat(attempts).extracting(DeliveryAttempt::provider).containsExactly("smpp", "http-sms");
      assertThat(attempts.getFirst().result().failure()).isEqualTo(Failure.CONNECTION);
      assertThat(gateway.accepted).hasValue(1);
    }
  }

  @Test
  void aGatewayThatNeverRecoversEndsFailedWithItsOwnReason() {
    for (int i = 0; i < 3; i++) {
      gateway.script.add(Response.json(503, "{\"code\":\"MAINTENANCE\"}"));
    }
    VirtualTime time = new VirtualTime();
    DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(3)).sleeper(time)
        .provider(gatewayConnector(Duration.ofSeconds(10))).build();

    Delivery delivery = pipeline.deliver(OutboundMessage.sms("j4:sms:c4", "+8613800000001", "您好"));

    assertThat(delivery.status()).isEqualTo(Delivery.Status.FAILED);
    assertThat(delivery.reason()).isEqualTo("gave up after 3 attempts: HTTP 503: {\"code\":\"MAINTENANCE\"}");
    assertThat(gateway.accepted).hasValue(0);
  }

  @Test
  void aTimeoutIsNotFailedOverAndTheRetryIsRecognisedAsARepeat() throws IOException {
    try (HttpSmsGatewayStub secondary = new HttpSmsGatewayStub()) {
      gateway.delayAcceptedMillis = 1_000;
      VirtualTime time = new VirtualTime();
      Sleeper gatewaySpeedsUp = delay -> gateway.delayAcceptedMillis = 0;
      DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(3)).sleeper(gatewaySpeedsUp)
          .clock(time).attemptListener(attempts::add).provider(gatewayConnector(Duration.ofMillis(300)))
          .provider(new HttpSmsGatewayConnector(new HttpSmsSettings("backup", secondary.server.baseUrl(), "key-1",
              HttpSmsGatewayStub.SECRET, null, null, null, null)))
          .build();

      Delivery delivery = pipeline.deliver(OutboundMessage.sms("j5:sms:c5", "+8613800000001", "您好"));

      assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
      assertThat(delivery.provider()).isEqualTo("http-sms");
      assertThat(attempts).extracting(a -> a.result().failure()).containsExactly(Failure.TIMEOUT, Failure.NONE);
      assertThat(gateway.accepted).as("one copy at the gateway that timed out").hasValue(1);
      assertThat(secondary.accepted).hasValue(0);
    }
  }

  @Test
  void manyConcurrentMessagesThroughAFlakyGatewayArriveExactlyOnceEach() throws Exception {
    gateway.failEveryNth = 3;
    DeliveryPipeline pipeline = DeliveryPipeline.builder().retryPolicy(policy(6)).sleeper(delay -> { })
        .provider(gatewayConnector(Duration.ofSeconds(10)), new RateLimiter(500, 50, System::nanoTime)).build();

    List<Future<Delivery>> deliveries = new ArrayList<>();
    try (var pool = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 60; i++) {
        OutboundMessage sms = OutboundMessage.sms("j6:sms:c" + i, "+86138000000" + (10 + i), "第" + i + "条");
        deliveries.add(pool.submit(() -> pipeline.deliver(sms)));
      }
    }
    for (Future<Delivery> delivery : deliveries) {
      assertThat(delivery.get().status()).isEqualTo(Delivery.Status.SENT);
    }
    assertThat(gateway.accepted).hasValue(60);
    assertThat(gateway.byReference).hasSize(60);
  }
}
