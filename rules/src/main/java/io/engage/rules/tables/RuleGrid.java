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

  /**
   * A column: its kind, its title, the template its cells fill ($param, or $1, $2 for a cell of
   * comma-separated values), and for a condition on another fact than the grid's, that fact's
   * binding (e.g. {@code $g : TierContext}; null = the grid's fact). Each such column is a pattern
   * of its own, which a row without a value in it leaves out.
   */
  public record Column(Kind kind, String title, String template, String factBinding) {

    public Column(Kind kind, String title, String template) {
      this(kind, title, template, null);
    }

    /** The binding of the fact this condition constrains. */
    String factOr(String gridFact) {
      return factBinding == null || factBinding.isBlank() ? gridFact : factBinding;
    }
  }

  /** A rule: its name and one cell per column (blank = any, for a condition; nothing, for an action). */
  public record Row(String name, List<String> cells) {}
}
