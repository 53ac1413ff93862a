package io.engage.rules.tables;

import java.util.List;

/**
 * A decision table as the admin UI edits it: rows x condition/action columns. It compiles through
 * the same path as an uploaded CSV table, so the grid, the spreadsheet and the DRL agree.
 *
 * @param packageName the DRL package (the facts' package, e.g. io.engage.rules.points)
 * @param imports classes the templates use (e.g. java.math.BigDecimal)
 * @param tableName the rule table's name; rules are named after it and each row's name
 * @param factBinding the object-type cell, e.g. {@code $c : PointsCalculation}
 */
public record RuleGrid(
    String packageName, List<String> imports, String tableName, String factBinding, List<Column> columns,
    List<Row> rows) {

  public enum Kind { CONDITION, ACTION }

  /** A column: its kind, its title, and the template its cells fill ($param). */
  public record Column(Kind kind, String title, String template) {}

  /** A rule: its name and one cell per column (blank = any, for a condition; nothing, for an action). */
  public record Row(String name, List<String> cells) {}
}
