package io.engage.engine.platform.pii;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A table with sealed columns, as the feature that owns it declares it (a bean): what the start-up
 * migration of plaintext and the key rotation walk. {@code derived} recomputes columns that are
 * functions of the plaintext (the keyed lookup hashes), from the opened values by column name.
 */
public record PersonalDataTable(String table, String idColumn, List<String> columns,
    Function<Map<String, String>, Map<String, String>> derived) {

  public PersonalDataTable {
    columns = List.copyOf(columns);
    requireIdentifier(table);
    requireIdentifier(idColumn);
    columns.forEach(PersonalDataTable::requireIdentifier);
  }

  public static PersonalDataTable of(String table, String idColumn, String... columns) {
    return new PersonalDataTable(table, idColumn, List.of(columns), plain -> Map.of());
  }

  // Names are spliced into SQL, so only plain identifiers are allowed (they come from code, never input).
  private static void requireIdentifier(String name) {
    if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
    }
  }
}
