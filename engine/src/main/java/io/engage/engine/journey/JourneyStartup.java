package io.engage.engine.journey;

import io.camunda.client.api.response.Process;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.crypto.Hashes;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the journeys into Zeebe at start-up, before the outbox publishes anything:
 * <ol>
 *   <li>the stored versions: on the in-memory engine (which starts empty) every version in order,
 *       so version numbers match the database; on a real cluster (which remembers) only each
 *       journey's latest version, which Zeebe treats as a duplicate when it has it already;
 *   <li>each shipped BPMN file whose content no stored version has, as a new version.
 * </ol>
 * If Zeebe cannot be reached, it keeps trying in the background.
 */
@Component
class JourneyStartup implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(JourneyStartup.class);
  private static final Duration RETRY = Duration.ofSeconds(10);

  private final JourneyCatalog catalog;
  private final boolean embeddedEngine;
  private final TransactionTemplate transactions;
  private volatile boolean running;
  private volatile boolean done;

  JourneyStartup(JourneyCatalog catalog, ObjectProvider<LoopbackZeebeEngine> embedded, TransactionTemplate transactions) {
    this.catalog = catalog;
    this.embeddedEngine = embedded.getIfAvailable() != null;
    this.transactions = transactions;
  }

  @Override
  public void start() {
    running = true;
    try {
      deployAll();
    } catch (RuntimeException e) {
      log.error("Could not deploy the journeys to Zeebe; retrying every {}s", RETRY.toSeconds(), e);
      Thread.ofPlatform().daemon().name("journey-deploy-retry").start(this::retry);
    }
  }

  private void retry() {
    while (running && !done) {
      try {
        Thread.sleep(RETRY);
        deployAll();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("Journeys still not deployed: {}", e.getMessage());
      }
    }
  }

  private synchronized void deployAll() {
    if (done) {
      return;
    }
    Map<String, JourneyVersion> latest = new LinkedHashMap<>();
    for (JourneyVersion version : catalog.allVersions()) {
      if (embeddedEngine) {
        Process process = transactions.execute(status -> catalog.redeploy(version));
        if (process.getVersion() != version.version()) {
          log.warn("Journey {} version {} came back from Zeebe as version {}", version.journey(), version.version(),
              process.getVersion());
        }
      }
      latest.put(version.journey(), version);
    }
    if (!embeddedEngine) {
      latest.values().forEach(version -> transactions.executeWithoutResult(status -> catalog.redeploy(version)));
    }
    for (Journeys journey : Journeys.values()) {
      String xml = read(journey.resource());
      String checksum = Hashes.sha256Hex(xml);
      List<JourneyVersion> stored = catalog.versions(journey.processId());
      if (stored.stream().noneMatch(v -> v.checksum().equals(checksum))) {
        JourneyCatalog.Deployed deployed = transactions.execute(status ->
            catalog.deploy(xml.getBytes(StandardCharsets.UTF_8), "system", JourneyCatalog.SHIPPED));
        log.info("Shipped journey {} deployed as version {}", journey.processId(), deployed.version().version());
      }
    }
    done = true;
  }

  private static String read(String resource) {
    try (InputStream in = JourneyStartup.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Shipped journey " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the outbox relay (which publishes messages that start journeys). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 2000;
  }
}
