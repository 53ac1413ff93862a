package io.engage.engine.platform.csv;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cells of CSV files the engine hands out. A spreadsheet opening a CSV runs a cell that starts
 * with = + - @ (or a tab or carriage return before them) as a formula, so text that came from a
 * customer, an import file or another user could make the reader's spreadsheet fetch a URL or run
 * a command (CSV injection). Such cells get a leading apostrophe, which spreadsheets read as
 * "this is text". Plain numbers (-5, +1.5) are left alone: they are not formulas.
 */
public final class CsvCells {

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");

  private CsvCells() {}

  /** The cell as a spreadsheet will show it as text. */
  public static String neutralise(String cell) {
    if (cell == null || cell.isEmpty()) {
      return "";
    }
    char first = cell.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    return formula && !PLAIN_NUMBER.matcher(cell).matches() ? "'" + cell : cell;
  }

  /** The cell neutralised, quoted when it holds a comma, a quote or a line break. */
  public static String field(String cell) {
    String safe = neutralise(cell);
    return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
        ? quoted(safe) : safe;
  }

  /** The cell neutralised and always quoted. */
  public static String quotedField(String cell) {
    return quoted(neutralise(cell));
  }

  /** One CSV line of neutralised cells, without the line break. */
  public static String line(List<String> cells) {
    return cells.stream().map(CsvCells::field).collect(Collectors.joining(","));
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
