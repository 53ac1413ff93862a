package io.engage.engine.privacy;

import io.engage.engine.audit.AuditEvent;
import io.engage.engine.audit.AuditTrail;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.crypto.PersonalDataCipher;
import io.engage.engine.platform.pii.PersonalDataTable;
import io.engage.engine.platform.web.ApiProblemException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's right of access: everything held about them as JSON. Rather than a list of features
 * that would fall behind, it reads every table of the schema with a {@code customer_id} column (plus
 * the profile row), opening sealed columns with the keyring. Recorded in the audit log (counts per
 * table, never values).
 */
@Service
class CustomerExport {

  /** Rows per table at most: a customer with more raw events than this is told so (truncated). */
  static final int MAX_ROWS = 10_000;

  private final Customers customers;
  private final List<PersonalDataTable> sealed;
  private final PersonalDataCipher cipher;
  private final AuditTrail audit;
  private final JdbcTemplate jdbc;

  CustomerExport(Customers customers, List<PersonalDataTable> sealed, PersonalDataCipher cipher, AuditTrail audit,
      JdbcTemplate jdbc) {
    this.customers = customers;
    this.sealed = List.copyOf(sealed);
    this.cipher = cipher;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  record Table(List<Map<String, Object>> rows, boolean truncated) {}

  record Export(String customerId, Instant exportedAt, Map<String, Object> profile, Map<String, Table> data) {}

  // Not read-only: the audit entry is written in the same transaction as the reads it records.
  @Transactional
  Export export(String customerId, Instant now) {
    if (customers.find(customerId).isEmpty()) {
      throw ApiProblemException.notFound("Customer " + customerId);
    }
    Map<String, Set<String>> sealedColumns = new HashMap<>();
    sealed.forEach(table -> sealedColumns.put(table.table(), new HashSet<>(table.columns())));
    List<Map<String, Object>> profile = rows("customer", "id", customerId, sealedColumns);
    Map<String, Table> data = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String table : tablesWithCustomerId()) {
      List<Map<String, Object>> rows = rows(table, "customer_id", customerId, sealedColumns);
      if (!rows.isEmpty()) {
        boolean truncated = rows.size() > MAX_ROWS;
        data.put(table, new Table(truncated ? rows.subList(0, MAX_ROWS) : rows, truncated));
        counts.put(table, Math.min(rows.size(), MAX_ROWS));
      }
    }
    audit.record(new AuditEvent("customer.exported", "customer", customerId, Map.of("rows", counts)));
    return new Export(customerId, now, profile.getFirst(), data);
  }

  private List<String> tablesWithCustomerId() {
    return jdbc.queryForList("""
        SELECT LOWER(c.table_name) FROM information_schema.columns c
          JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = DATABASE() AND LOWER(c.column_name) = 'customer_id' AND t.table_type = 'BASE TABLE'
         ORDER BY 1""", String.class);
  }

  private List<Map<String, Object>> rows(String table, String column, String customerId,
      Map<String, Set<String>> sealedColumns) {
    Set<String> sealedHere = sealedColumns.getOrDefault(table, Set.of());
    // Table and column names come from the schema itself, never from the request.
    return jdbc.query("SELECT * FROM `" + table + "` WHERE `" + column + "` = ? LIMIT " + (MAX_ROWS + 1),
        (rs, i) -> row(rs, sealedHere), customerId);
  }

  private Map<String, Object> row(ResultSet rs, Set<String> sealedHere) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    Map<String, Object> row = new LinkedHashMap<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      String name = meta.getColumnLabel(c).toLowerCase(java.util.Locale.ROOT);
      if (name.endsWith("_lookup") || name.endsWith("_hash")) {
        continue; // keyed hashes are ours, not data about the person
      }
      Object value = rs.getObject(c);
      if (value instanceof String text && sealedHere.contains(name)) {
        value = cipher.decrypt(text);
      } else if (value instanceof Timestamp timestamp) {
        value = timestamp.toInstant();
      } else if (value instanceof java.time.LocalDateTime local) {
        value = local.toString();
      } else if (value instanceof byte[] bytes) {
        value = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      }
      row.put(name, value);
    }
    return row;
  }
}
