package io.engage.rules.tables;

import io.engage.rules.RuleError;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule table inside a decision table's cells: which columns are conditions and actions, and
 * the data rows with their sheet row numbers. Enough to find rows that overlap ambiguously before
 * Drools compiles anything.
 */
record TableModel(List<String> kinds, List<String> titles, List<DataRow> rows) {

  record DataRow(int sheetRow, List<String> cells) {}

  /** Reads the first RuleTable; returns null when there is none. */
  static TableModel parse(List<List<String>> sheet) {
    for (int r = 0; r < sheet.size(); r++) {
      List<String> row = sheet.get(r);
      for (int c = 0; c < row.size(); c++) {
        if (row.get(c).trim().startsWith("RuleTable")) {
          return fromHeader(sheet, r, c);
        }
      }
    }
    return null;
  }

  private static TableModel fromHeader(List<List<String>> sheet, int headerRow, int firstColumn) {
    List<String> kinds = cells(sheet, headerRow + 1, firstColumn);
    List<String> titles = cells(sheet, headerRow + 4, firstColumn);
    List<DataRow> rows = new ArrayList<>();
    for (int r = headerRow + 5; r < sheet.size(); r++) {
      List<String> cells = cells(sheet, r, firstColumn);
      if (cells.stream().allMatch(String::isBlank)) {
        break;
      }
      rows.add(new DataRow(r + 1, cells));
    }
    return new TableModel(kinds, titles, rows);
  }

  private static List<String> cells(List<List<String>> sheet, int row, int from) {
    List<String> out = new ArrayList<>();
    if (row >= sheet.size()) {
      return out;
    }
    List<String> cells = sheet.get(row);
    for (int c = from; c < cells.size(); c++) {
      String cell = cells.get(c).trim();
      // A merged cell is one value for the rule, whichever way the file spelled the merge.
      out.add(cell.endsWith(TableRows.MERGE) ? cell.substring(0, cell.length() - TableRows.MERGE.length()).trim() : cell);
    }
    return out;
  }

  /**
   * Rows whose conditions can match the same fact (equal, or one of them blank = any) and that set
   * a different value in the same action column: which one wins would depend on firing order.
   */
  /** Enough to fix a table by; a table where everything overlaps would otherwise list n² pairs. */
  private static final int MAX_REPORTED_OVERLAPS = 100;

  List<RuleError> overlaps(String source) {
    List<RuleError> errors = new ArrayList<>();
    for (int i = 0; i < rows.size() && errors.size() < MAX_REPORTED_OVERLAPS; i++) {
      for (int j = i + 1; j < rows.size() && errors.size() < MAX_REPORTED_OVERLAPS; j++) {
        DataRow a = rows.get(i);
        DataRow b = rows.get(j);
        if (!conditionsOverlap(a, b)) {
          continue;
        }
        for (int c = 0; c < kinds.size(); c++) {
          if (kinds.get(c).toUpperCase().startsWith("ACTION")) {
            String x = cell(a, c);
            String y = cell(b, c);
            if (!x.isBlank() && !y.isBlank() && !x.equals(y)) {
              errors.add(new RuleError(source, b.sheetRow(), c + 1, "rows " + a.sheetRow() + " and " + b.sheetRow()
                  + " overlap: the same facts match both, with different '" + title(c) + "' (" + x + " / " + y + ")"));
            }
          }
        }
      }
    }
    return errors;
  }

  private boolean conditionsOverlap(DataRow a, DataRow b) {
    boolean anyCondition = false;
    for (int c = 0; c < kinds.size(); c++) {
      if (kinds.get(c).toUpperCase().startsWith("CONDITION")) {
        anyCondition = true;
        String x = cell(a, c);
        String y = cell(b, c);
        if (!x.isBlank() && !y.isBlank() && !x.equals(y)) {
          return false;
        }
      }
    }
    return anyCondition;
  }

  private String title(int column) {
    return column < titles.size() && !titles.get(column).isBlank() ? titles.get(column) : "column " + (column + 1);
  }

  private static String cell(DataRow row, int column) {
    return column < row.cells().size() ? row.cells().get(column) : "";
  }
}
