package io.engage.engine.loyalty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imported order history. Stored as paid orders (visible in the 360, counted by RFM, lifecycle,
 * tiers and simulations) but earning no points and starting no journeys: it is the past, and its
 * points (if any) were settled in the shop's old system. Keyed by order id, so a re-run of a file
 * stores nothing twice.
 */
@Service
public class HistoricalOrders {

  private final LoyaltyMapper mapper;
  private final ObjectMapper json;

  HistoricalOrders(LoyaltyMapper mapper, ObjectMapper json) {
    this.mapper = mapper;
    this.json = json;
  }

  /** Stores the orders not yet known, in one multi-row statement; returns the ids that were new. */
  @Transactional(propagation = Propagation.MANDATORY)
  public Set<String> store(List<ImportedOrder> orders, String sourceId) {
    if (orders.isEmpty()) {
      return Set.of();
    }
    Set<String> existing = new HashSet<>(mapper.findExistingOrderIds(orders.stream().map(ImportedOrder::orderId).toList()));
    List<LoyaltyMapper.ImportedOrderRow> rows = orders.stream()
        .filter(order -> !existing.contains(order.orderId()))
        .map(order -> new LoyaltyMapper.ImportedOrderRow(order, write(order)))
        .toList();
    if (!rows.isEmpty()) {
      mapper.insertImportedOrders(rows, sourceId);
    }
    Set<String> stored = new HashSet<>();
    rows.forEach(row -> stored.add(row.order().orderId()));
    return stored;
  }

  private String write(ImportedOrder order) {
    try {
      return json.writeValueAsString(order.lines() == null ? List.of() : order.lines());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
