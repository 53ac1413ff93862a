package io.engage.engine.platform.pii;

import io.engage.engine.platform.crypto.PersonalDataCipher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brings every sealed column to the active key: plaintext from before encryption is sealed (and its
 * lookup hashes computed), values under an older key id are opened and sealed again. Works in
 * batches by primary key and selects only rows that still need it, so an interrupted run resumes
 * where it stopped. Each row is written only if it still holds what was read (a concurrent update
 * wins and is already under the active key).
 */
@Component
public class PiiReencryption {

  private final List<PersonalDataTable> tables;
  private final PersonalDataCipher cipher;
  private final JdbcTemplate jdbc;

  PiiReencryption(List<PersonalDataTable> tables, PersonalDataCipher cipher, JdbcTemplate jdbc) {
    this.tables = List.copyOf(tables);
    this.cipher = cipher;
    this.jdbc = jdbc;
  }

  public List<PersonalDataTable> tables() {
    return tables;
  }

  public String activeKeyId() {
    return cipher.activeKeyId();
  }

  /** Rows of the table holding a value that is not sealed under the active key. */
  public long remaining(PersonalDataTable table) {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + table.table() + " WHERE " + stale(table),
        Long.class, staleArgs(table).toArray());
    return count == null ? 0 : count;
  }

  /**
   * One batch of the table after {@code afterId} (null: from the start). Returns the last id looked
   * at, or null when the table has nothing more to do; {@code rewritten} counts the rows written.
   */
  public Batch nextBatch(PersonalDataTable table, Object afterId, int size) {
    List<Object> args = new ArrayList<>(staleArgs(table));
    String where = stale(table);
    if (afterId != null) {
      where = table.idColumn() + " > ? AND (" + where + ")";
      args.addFirst(afterId);
    }
    String sql = "SELECT " + table.idColumn() + ", " + String.join(", ", table.columns()) + " FROM " + table.table()
        + " WHERE " + where + " ORDER BY " + table.idColumn() + " LIMIT " + size;
    List<Object[]> rows = jdbc.query(sql, (rs, i) -> {
      Object[] row = new Object[table.columns().size() + 1];
      for (int c = 0; c < row.length; c++) {
        row[c] = rs.getObject(c + 1);
      }
      return row;
    }, args.toArray());
    int rewritten = 0;
    for (Object[] row : rows) {
      rewritten += rewrite(table, row);
    }
    Object last = rows.isEmpty() ? null : rows.getLast()[0];
    return new Batch(rows.size() < size ? null : last, rewritten);
  }

  public record Batch(Object lastId, int rewritten) {}

  private int rewrite(PersonalDataTable table, Object[] row) {
    Map<String, String> plain = new LinkedHashMap<>();
    List<Object> set = new ArrayList<>();
    List<Object> expected = new ArrayList<>();
    for (int c = 0; c < table.columns().size(); c++) {
      String stored = (String) row[c + 1];
      String opened = cipher.decrypt(stored);
      plain.put(table.columns().get(c), opened);
      set.add(opened == null ? null : cipher.encrypt(opened));
      expected.add(stored);
    }
    Map<String, String> derived = table.derived().apply(plain);
    String assignments = table.columns().stream().map(c -> c + " = ?").collect(Collectors.joining(", "));
    for (Map.Entry<String, String> column : derived.entrySet()) {
      assignments += ", " + column.getKey() + " = ?";
      set.add(column.getValue());
    }
    String unchanged = table.columns().stream().map(c -> c + " <=> ?").collect(Collectors.joining(" AND "));
    List<Object> args = new ArrayList<>(set);
    args.add(row[0]);
    args.addAll(expected);
    return jdbc.update("UPDATE " + table.table() + " SET " + assignments + " WHERE " + table.idColumn() + " = ? AND "
        + unchanged, args.toArray());
  }

  private String stale(PersonalDataTable table) {
    // Binary comparison: the tables' collation would match key ids case-insensitively.
    return table.columns().stream()
        .map(c -> "(" + c + " IS NOT NULL AND CAST(LEFT(" + c + ", ?) AS BINARY) <> CAST(? AS BINARY))")
        .collect(Collectors.joining(" OR "));
  }

  private List<Object> staleArgs(PersonalDataTable table) {
    String prefix = cipher.activePrefix();
    List<Object> args = new ArrayList<>();
    table.columns().forEach(c -> {
      args.add(prefix.length());
      args.add(prefix);
    });
    return args;
  }
}
