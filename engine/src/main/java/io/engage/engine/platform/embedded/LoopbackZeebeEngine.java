package io.engage.engine.platform.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zeebe's in-memory engine, in-process, with its unauthenticated gRPC gateway reachable from this
 * host only.
 *
 * <p>{@link EngineFactory} builds the gateway's server with {@code ServerBuilder.forPort}, which
 * listens on every interface. Before the engine starts, the server is replaced by one bound to the
 * loopback address that serves the same gateway. {@code LoopbackZeebeEngineTest} fails if a later
 * version of the engine changes the fields this relies on.
 */
public final class LoopbackZeebeEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LoopbackZeebeEngine.class);

  private final ZeebeTestEngine engine;
  private final int port;

  private LoopbackZeebeEngine(ZeebeTestEngine engine, int port) {
    this.engine = engine;
    this.port = port;
  }

  static LoopbackZeebeEngine start(int requestedPort) {
    int port = requestedPort == 0 ? EmbeddedDatabase.freePort() : requestedPort;
    ZeebeTestEngine engine = EngineFactory.create(port);
    bindToLoopback(engine, port);
    engine.start();
    log.info("In-memory Zeebe engine listening on 127.0.0.1:{}", port);
    return new LoopbackZeebeEngine(engine, port);
  }

  /**
   * A separate engine on a free loopback port, with its own state and clock (journey previews).
   * The caller closes it.
   */
  public static LoopbackZeebeEngine startIsolated() {
    return start(0);
  }

  private static void bindToLoopback(ZeebeTestEngine engine, int port) {
    try {
      Field serverField = InMemoryEngine.class.getDeclaredField("grpcServer");
      Field gatewayField = InMemoryEngine.class.getDeclaredField("gateway");
      serverField.setAccessible(true);
      gatewayField.setAccessible(true);
      BindableService gateway = (BindableService) gatewayField.get(engine);
      Server loopbackServer =
          NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
              .addService(gateway)
              .build();
      serverField.set(engine, loopbackServer);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "Cannot bind the in-memory Zeebe gateway to loopback; refusing to expose it on all interfaces", e);
    }
  }

  public int port() {
    return port;
  }

  /** Moves the engine clock: timers due within the span fire at once (tests, preview). */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  Map<String, Object> springProperties() {
    return Map.of(
        "camunda.client.grpc-address", "http://127.0.0.1:" + port,
        "camunda.client.rest-address", "http://127.0.0.1:" + port,
        "camunda.client.prefer-rest-over-grpc", "false");
  }

  @Override
  public void close() {
    log.info("Stopping the in-memory Zeebe engine");
    engine.stop();
  }

  @Override
  public String toString() {
    return "in-memory Zeebe engine on 127.0.0.1:" + port;
  }
}
