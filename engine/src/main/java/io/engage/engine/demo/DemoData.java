package io.engage.engine.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.engine.event.HistoryImport;
import io.engage.engine.platform.marker.Markers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo shop once per database: the events are stored at start-up and the domain works
 * them off in the background (orders, points, tiers), as it would a real shop's imported history.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "engage.demo.data", havingValue = "true")
class DemoData implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);
  static final String MARKER = "demo-data-v1";
  private static final int CHUNK = 500;

  private final HistoryImport history;
  private final Markers markers;
  private final TransactionTemplate transactions;
  private final DemoProperties properties;

  DemoData(HistoryImport history, Markers markers, TransactionTemplate transactions, DemoProperties properties) {
    this.history = history;
    this.markers = markers;
    this.transactions = transactions;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (markers.isSet(MARKER)) {
      return;
    }
    List<ObjectNode> events = new DemoDataGenerator(Instant.now()).events(properties.customers());
    int stored = 0;
    for (int from = 0; from < events.size(); from += CHUNK) {
      List<JsonNode> chunk = new ArrayList<>(events.subList(from, Math.min(events.size(), from + CHUNK)));
      stored += history.importEvents(chunk);
    }
    transactions.executeWithoutResult(status -> markers.set(MARKER));
    log.info("Demo data: {} customers, {} events stored; orders, points and tiers are being worked off in the background",
        properties.customers(), stored);
  }
}
