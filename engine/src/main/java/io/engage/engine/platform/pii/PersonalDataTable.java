package io.engage.engine.platform.pii;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table with sealed columns, as the feature that owns it declares it (a bean): what the start-up
 * migration of plaintext, the key rotation, a customer's export and erasure walk.
 *
 * @param derived recomputes columns that are functions of the plaintext (the keyed lookup hashes),
 *     from the opened values by column name
 * @param customerColumn the column naming the customer a row is about; null when rows are not
 *     about a customer (staff accounts)
 * @param erasure what a customer's erasure does to their rows here
 */
public record PersonalDataTable(String table, String idColumn, List<String> columns,
    Function<Map<String, String>, Map<String, String>> derived, String customerColumn, Erasure erasure) {

  public PersonalDataTable {
    columns = List.copyOf(columns);
    requireIdentifier(table);
    requireIdentifier(idColumn);
    columns.forEach(PersonalDataTable::requireIdentifier);
    if (customerColumn != null) {
      requireIdentifier(customerColumn);
    }
  }

  public static PersonalDataTable of(String table, String idColumn, String... columns) {
    return new PersonalDataTable(table, idColumn, List.of(columns), plain -> Map.of(), null, Erasure.NONE);
  }

  public PersonalDataTable withDerived(Function<Map<String, String>, Map<String, String>> derivedColumns) {
    return new PersonalDataTable(table, idColumn, columns, derivedColumns, customerColumn, erasure);
  }

  /** Rows are about the customer in {@code column}; an erasure does {@code what} to them. */
  public PersonalDataTable erasedBy(String column, Erasure what) {
    return new PersonalDataTable(table, idColumn, columns, derived, column, what);
  }

  /**
   * CLEAR sets the sealed columns to NULL (or to the sealed {@link #tombstone} where the column may
   * not be NULL); DELETE removes the rows; NONE leaves them to the owner's own erasure step.
   */
  public enum Erasure { CLEAR, DELETE, NONE }

  /** What CLEAR writes into a NOT NULL column: an empty JSON object, readable by every JSON column's reader. */
  public static final String TOMBSTONE = "{}";

  // Names are spliced into SQL, so only plain identifiers are allowed (they come from code, never input).
  private static void requireIdentifier(String name) {
    if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
    }
  }
}
