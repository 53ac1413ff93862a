package io.engage.engine.privacy;

import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import io.engage.engine.customer.Customers;
import io.engage.engine.journey.JourneyExits;
import io.engage.engine.platform.crypto.PersonalDataCipher;
import io.engage.engine.platform.pii.PersonalDataTable;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A customer's right to erasure: their personal data is overwritten (a tombstone, not a deleted
 * row), so the orders, the points ledger and every aggregate stay as they were and still add up.
 * The profile (and profiles merged into it) via {@link Customers#erase}; every other sealed table
 * as its owner declared ({@link PersonalDataTable#erasure}); then the customer leaves every
 * journey. Recorded in the audit log. A repeat does it again, harmlessly (e.g. after Zeebe failed).
 */
@Service
class CustomerErasure {

  private final Customers customers;
  private final List<PersonalDataTable> tables;
  private final PersonalDataCipher cipher;
  private final JourneyExits journeys;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;

  CustomerErasure(Customers customers, List<PersonalDataTable> tables, PersonalDataCipher cipher, JourneyExits journeys,
      AuditTrail audit, JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
    this.customers = customers;
    this.tables = List.copyOf(tables);
    this.cipher = cipher;
    this.journeys = journeys;
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
  }

  record Result(String customerId, List<String> profilesErased, Map<String, Integer> rowsErased, int journeysLeft,
      Instant erasedAt) {}

  Result erase(String customerId) {
    Instant now = clock.instant();
    Map<String, Integer> rows = new LinkedHashMap<>();
    List<String> ids = transactions.execute(status -> {
      List<String> erased = customers.erase(customerId, now);
      for (PersonalDataTable table : tables) {
        if (table.customerColumn() != null && table.erasure() != PersonalDataTable.Erasure.NONE) {
          rows.put(table.table(), eraseRows(table, erased));
        }
      }
      audit.record(new AuditEvent("customer.erased", "customer", customerId,
          Map.of("profiles", erased, "rows", rows)));
      return erased;
    });
    // After the commit: Zeebe is not part of the transaction, and a failure here is repaired by a repeat.
    int left = 0;
    for (String id : ids) {
      left += journeys.leaveAll(id);
    }
    return new Result(customerId, ids, rows, left, now);
  }

  private int eraseRows(PersonalDataTable table, List<String> customerIds) {
    String in = customerIds.stream().map(id -> "?").collect(Collectors.joining(", "));
    String where = " WHERE " + table.customerColumn() + " IN (" + in + ")";
    if (table.erasure() == PersonalDataTable.Erasure.DELETE) {
      return jdbc.update("DELETE FROM " + table.table() + where, customerIds.toArray());
    }
    Set<String> notNull = notNullColumns(table.table());
    String tombstone = cipher.encrypt(PersonalDataTable.TOMBSTONE);
    List<Object> args = new java.util.ArrayList<>();
    String assignments = table.columns().stream().map(column -> {
      if (notNull.contains(column)) {
        args.add(tombstone);
        return column + " = ?";
      }
      return column + " = NULL";
    }).collect(Collectors.joining(", "));
    args.addAll(customerIds);
    return jdbc.update("UPDATE " + table.table() + " SET " + assignments + where, args.toArray());
  }

  private Set<String> notNullColumns(String table) {
    List<String> columns = jdbc.queryForList("""
        SELECT LOWER(column_name) FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name = ? AND is_nullable = 'NO'""", String.class, table);
    return Collections.unmodifiableSet(new HashSet<>(columns));
  }
}
