package io.engage.engine.platform.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.process.test.engine.InMemoryEngine;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
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
  private final Clock clock;

  private LoopbackZeebeEngine(ZeebeTestEngine engine, int port) {
    this.engine = engine;
    this.port = port;
    this.clock = engineClock(engine);
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

  /**
   * The engine's own clock as a {@link Clock}: it moves with {@link #increaseTime}, so code that
   * reads "now" from it agrees with Zeebe's timers and job backoffs on a virtual clock.
   */
  public Clock clock() {
    return clock;
  }

  /** Moves the engine clock: timers due within the span fire at once (tests, preview). */
  public void increaseTime(Duration duration) {
    engine.increaseTime(duration);
  }

  public ZeebeTestEngine engine() {
    return engine;
  }

  /**
   * The engine's ControlledActorClock publishes its time only when the actor scheduler refreshes it
   * (getTimeMillis lags); this reads the same two values its refresh reads: a pinned point in time,
   * or the system time plus the offset that increaseTime adds to.
   */
  private static Clock engineClock(ZeebeTestEngine engine) {
    try {
      Field clockField = InMemoryEngine.class.getDeclaredField("clock");
      clockField.setAccessible(true);
      ControlledActorClock source = (ControlledActorClock) clockField.get(engine);
      AtomicLong pinned = field(source, "currentTime");
      AtomicLong offset = field(source, "currentOffset");
      return new EngineClock(() -> pinned.get() > 0 ? pinned.get() : System.currentTimeMillis() + offset.get(),
          ZoneOffset.UTC);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("Cannot read the in-memory Zeebe engine's clock", e);
    }
  }

  private static AtomicLong field(ControlledActorClock clock, String name) throws ReflectiveOperationException {
    Field field = ControlledActorClock.class.getDeclaredField(name);
    field.setAccessible(true);
    return (AtomicLong) field.get(clock);
  }

  /** Epoch milliseconds from the engine's clock, in UTC unless asked for another zone. */
  private static final class EngineClock extends Clock {
    private final LongSupplier millis;
    private final ZoneId zone;

    EngineClock(LongSupplier millis, ZoneId zone) {
      this.millis = millis;
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
      return new EngineClock(millis, newZone);
    }

    @Override
    public long millis() {
      return millis.getAsLong();
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis());
    }
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
