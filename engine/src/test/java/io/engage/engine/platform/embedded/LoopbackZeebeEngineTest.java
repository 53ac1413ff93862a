package io.engage.engine.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-memory engine's unauthenticated gateway answers on loopback and nowhere else. */
class LoopbackZeebeEngineTest {

  static LoopbackZeebeEngine engine;

  @BeforeAll
  static void start() {
    engine = LoopbackZeebeEngine.start(0);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void servesClientsOnLoopback() {
    try (CamundaClient client = CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.port()))
        .preferRestOverGrpc(false)
        .build()) {
      assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  @Test
  void itsClockMovesWithTheEngineClock() {
    Instant before = engine.clock().instant();
    engine.increaseTime(Duration.ofHours(5));
    assertThat(Duration.between(before, engine.clock().instant()))
        .isBetween(Duration.ofHours(5), Duration.ofHours(5).plusSeconds(30));
  }

  @Test
  void refusesConnectionsOnOtherAddressesOfThisHost() throws IOException {
    Optional<InetAddress> external = nonLoopbackAddress();
    assumeTrue(external.isPresent(), "this host has no non-loopback address to try");
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), engine.port()), 2000))
          .isInstanceOf(IOException.class);
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
