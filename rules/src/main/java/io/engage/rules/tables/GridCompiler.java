package io.engage.rules.tables;

import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a {@link RuleGrid} into a CSV decision table (also its download form) and compiles it.
 * Cells are values, not code: a cell that could break out of its template is refused.
 */
public final class GridCompiler {

  // Commas separate the values of a cell whose template takes $1, $2 (e.g. "books, 0.5").
  private static final Pattern SAFE_CELL = Pattern.compile("[\\p{L}\\p{N} ._:@+\\-/%,]*");
  private static final Pattern FACT_BINDING = Pattern.compile("\\$[a-z]\\w* : [A-Z]\\w*");

  private GridCompiler() {}

  public static String toDrl(String ruleSet, RuleGrid grid, TableLimits limits) {
    checkShape(ruleSet, grid);
    checkCells(ruleSet, grid);
    try {
      return DecisionTables.toDrl(ruleSet, new UploadedTable("grid.csv", toCsv(grid).getBytes(StandardCharsets.UTF_8)), limits);
    } catch (RuleCompilationException e) {
      int firstDataRow = firstDataRow(grid);
      throw new RuleCompilationException(ruleSet, e.errors().stream().map(error -> toGridError(error, firstDataRow)).toList());
    }
  }

  /** The grid as a CSV decision table, as Drools reads it. */
  public static String toCsv(RuleGrid grid) {
    List<String> lines = new ArrayList<>();
    lines.add(csv("RuleSet", grid.packageName()));
    for (String type : grid.imports()) {
      lines.add(csv("Import", type));
    }
    while (lines.size() < 3) {
      lines.add(csv("Notes", "generated from an Engage rule grid"));
    }
    lines.add("");
    lines.add(csv("RuleTable " + grid.tableName()));
    List<String> kinds = new ArrayList<>(List.of("NAME"));
    List<String> objectTypes = new ArrayList<>(List.of(""));
    List<String> templates = new ArrayList<>(List.of(""));
    List<String> titles = new ArrayList<>(List.of("Rule"));
    long conditions = grid.columns().stream()
        .filter(column -> column.kind() == RuleGrid.Kind.CONDITION && onGridFact(grid, column)).count();
    for (RuleGrid.Column column : grid.columns()) {
      kinds.add(column.kind().name());
      if (column.kind() == RuleGrid.Kind.CONDITION && onGridFact(grid, column)) {
        // The object-type cell spans every condition column on the grid's fact. Drools' CSV reader
        // merges a run of cells ending in "..." but takes each cell's own text, so every cell repeats
        // the binding; a bare "..." leaves that condition outside the pattern and the DRL does not parse.
        objectTypes.add(conditions > 1 ? grid.factBinding() + TableRows.MERGE : grid.factBinding());
      } else if (column.kind() == RuleGrid.Kind.CONDITION) {
        objectTypes.add(column.factOr(grid.factBinding()));
      } else {
        objectTypes.add("");
      }
      templates.add(column.template());
      titles.add(column.title());
    }
    lines.add(csv(kinds.toArray(String[]::new)));
    lines.add(csv(objectTypes.toArray(String[]::new)));
    lines.add(csv(templates.toArray(String[]::new)));
    lines.add(csv(titles.toArray(String[]::new)));
    for (RuleGrid.Row row : grid.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.name()));
      cells.addAll(row.cells());
      lines.add(csv(cells.toArray(String[]::new)));
    }
    return String.join("\n", lines) + "\n";
  }

  /**
   * Reads a grid back from its CSV form ({@link #toCsv}); null when the table is not grid-shaped
   * (a NAME column, conditions, actions).
   */
  public static RuleGrid fromCsv(String csv) {
    List<List<String>> sheet = TableRows.ofCsv(csv.getBytes(StandardCharsets.UTF_8));
    String packageName = null;
    List<String> imports = new ArrayList<>();
    for (int r = 0; r < sheet.size(); r++) {
      List<String> line = sheet.get(r);
      String key = line.isEmpty() ? "" : line.getFirst().trim();
      if (key.equals("RuleSet") && line.size() > 1) {
        packageName = line.get(1).trim();
      } else if (key.equals("Import") && line.size() > 1) {
        java.util.Arrays.stream(line.get(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(imports::add);
      } else if (key.startsWith("RuleTable") && r + 4 < sheet.size()) {
        return gridAt(sheet, r, packageName, imports);
      }
    }
    return null;
  }

  private static RuleGrid gridAt(List<List<String>> sheet, int header, String packageName, List<String> imports) {
    List<String> kinds = sheet.get(header + 1);
    List<String> types = sheet.get(header + 2);
    List<String> templates = sheet.get(header + 3);
    List<String> titles = sheet.get(header + 4);
    if (kinds.isEmpty() || !kinds.getFirst().trim().equalsIgnoreCase("NAME")) {
      return null;
    }
    String gridFact = null;
    List<RuleGrid.Column> columns = new ArrayList<>();
    for (int c = 1; c < kinds.size(); c++) {
      RuleGrid.Kind kind = RuleGrid.Kind.valueOf(kinds.get(c).trim().toUpperCase(java.util.Locale.ROOT));
      String type = cell(types, c);
      String ownFact = null;
      if (kind == RuleGrid.Kind.CONDITION) {
        String binding = type.endsWith(TableRows.MERGE) ? type.substring(0, type.length() - TableRows.MERGE.length()).trim() : type;
        if (gridFact == null) {
          gridFact = binding;
        } else if (!binding.equals(gridFact)) {
          ownFact = binding;
        }
      }
      columns.add(new RuleGrid.Column(kind, cell(titles, c), cell(templates, c), ownFact));
    }
    List<RuleGrid.Row> rows = new ArrayList<>();
    for (int r = header + 5; r < sheet.size(); r++) {
      List<String> line = sheet.get(r);
      if (line.stream().allMatch(String::isBlank)) {
        break;
      }
      List<String> cells = new ArrayList<>();
      for (int c = 1; c <= columns.size(); c++) {
        cells.add(cell(line, c));
      }
      rows.add(new RuleGrid.Row(cell(line, 0), cells));
    }
    String tableName = sheet.get(header).getFirst().trim().substring("RuleTable".length()).trim();
    return new RuleGrid(packageName, imports, tableName, gridFact, columns, rows);
  }

  private static String cell(List<String> line, int column) {
    return column < line.size() ? line.get(column).trim() : "";
  }

  private static boolean onGridFact(RuleGrid grid, RuleGrid.Column column) {
    return column.factOr(grid.factBinding()).equals(grid.factBinding());
  }

  /**
   * Every part the CSV is built from is there, and no text holds a line break (which would start a
   * row of its own in the generated table).
   */
  private static void checkShape(String ruleSet, RuleGrid grid) {
    List<RuleError> errors = new ArrayList<>();
    requireText(errors, "grid packageName", grid.packageName());
    requireText(errors, "grid tableName", grid.tableName());
    requireText(errors, "grid factBinding", grid.factBinding());
    if (grid.imports() == null) {
      errors.add(new RuleError("grid imports", 0, 0, "is required (an empty list when the templates need none)"));
    } else {
      for (int i = 0; i < grid.imports().size(); i++) {
        requireText(errors, "grid imports[" + i + "]", grid.imports().get(i));
      }
    }
    if (grid.columns() == null || grid.columns().isEmpty()) {
      errors.add(new RuleError("grid columns", 0, 0, "the grid needs condition and action columns"));
    } else {
      for (int c = 0; c < grid.columns().size(); c++) {
        RuleGrid.Column column = grid.columns().get(c);
        if (column == null || column.kind() == null) {
          errors.add(new RuleError("grid column " + (c + 1), 0, c + 1, "needs a kind: CONDITION or ACTION"));
        } else {
          requireText(errors, "grid column " + (c + 1) + " template", column.template());
          if (column.title() != null && column.title().contains("\n")) {
            errors.add(new RuleError("grid column " + (c + 1) + " title", 0, c + 1, "must be one line"));
          }
        }
      }
    }
    if (grid.rows() == null) {
      errors.add(new RuleError("grid rows", 0, 0, "the grid has no rows"));
    } else {
      for (int r = 0; r < grid.rows().size(); r++) {
        if (grid.rows().get(r) == null || grid.rows().get(r).cells() == null) {
          errors.add(new RuleError("grid row " + (r + 1), r + 1, 0, "a row needs a name and cells"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(ruleSet, errors);
    }
  }

  private static void requireText(List<RuleError> errors, String field, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new RuleError(field, 0, 0, "is required"));
    } else if (value.contains("\n") || value.contains("\r")) {
      errors.add(new RuleError(field, 0, 0, "must be one line"));
    }
  }

  private static void checkCells(String ruleSet, RuleGrid grid) {
    List<RuleError> errors = new ArrayList<>();
    for (int c = 0; c < grid.columns().size(); c++) {
      RuleGrid.Column column = grid.columns().get(c);
      if (column.factBinding() != null && !column.factBinding().isBlank()
          && (column.kind() != RuleGrid.Kind.CONDITION || !FACT_BINDING.matcher(column.factBinding()).matches())) {
        errors.add(new RuleError("grid column " + (c + 1), 0, c + 1,
            "a column's own fact is for conditions only and reads like '$g : TierContext'"));
      }
    }
    if (!gridFactFirst(grid)) {
      errors.add(new RuleError("grid", 0, 0, "conditions on the grid's own fact come first, then those on other facts"));
    }
    if (grid.rows().isEmpty()) {
      errors.add(new RuleError("grid", 0, 0, "the grid has no rows"));
    }
    if (!conditionsAdjacent(grid.columns())) {
      errors.add(new RuleError("grid", 0, 0, "the condition columns must stand next to each other: they share one fact"));
    }
    for (int r = 0; r < grid.rows().size(); r++) {
      RuleGrid.Row row = grid.rows().get(r);
      if (row.name() == null || !SAFE_CELL.matcher(row.name()).matches() || row.name().isBlank()) {
        errors.add(new RuleError("grid row " + (r + 1) + " name", r + 1, 0, "a rule name is letters, digits and spaces"));
      }
      if (row.cells().size() != grid.columns().size()) {
        errors.add(new RuleError("grid row " + (r + 1), r + 1, 0,
            "has " + row.cells().size() + " cells for " + grid.columns().size() + " columns"));
        continue;
      }
      for (int c = 0; c < row.cells().size(); c++) {
        String cell = row.cells().get(c) == null ? "" : row.cells().get(c);
        if (!SAFE_CELL.matcher(cell).matches()) {
          errors.add(new RuleError("grid row " + (r + 1) + " column " + (c + 1), r + 1, c + 1,
              "'" + cell + "' is not a plain value (quotes, semicolons, brackets and line breaks are not allowed)"));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new RuleCompilationException(ruleSet, errors);
    }
  }

  /** The grid fact's conditions form one run (one merged object-type cell) before any other fact's. */
  private static boolean gridFactFirst(RuleGrid grid) {
    boolean otherSeen = false;
    for (RuleGrid.Column column : grid.columns()) {
      if (column.kind() != RuleGrid.Kind.CONDITION) {
        continue;
      }
      if (!onGridFact(grid, column)) {
        otherSeen = true;
      } else if (otherSeen) {
        return false;
      }
    }
    return true;
  }

  private static boolean conditionsAdjacent(List<RuleGrid.Column> columns) {
    int first = -1;
    int last = -1;
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).kind() == RuleGrid.Kind.CONDITION) {
        first = first < 0 ? c : first;
        last = c;
      }
    }
    for (int c = Math.max(first, 0); c < last; c++) {
      if (columns.get(c).kind() != RuleGrid.Kind.CONDITION) {
        return false;
      }
    }
    return true;
  }

  /** The CSV sheet row of the grid's first row: header lines, a blank line, five table lines. */
  private static int firstDataRow(RuleGrid grid) {
    return Math.max(3, 1 + grid.imports().size()) + 7;
  }

  /** Renumbers an error from CSV sheet rows to grid rows (1 = the grid's first row). */
  private static RuleError toGridError(RuleError error, int firstDataRow) {
    java.util.regex.Matcher rows = Pattern.compile("rows (\\d+) and (\\d+)").matcher(error.message());
    String message = rows.find()
        ? rows.replaceFirst("rows " + (Integer.parseInt(rows.group(1)) - firstDataRow + 1) + " and "
            + (Integer.parseInt(rows.group(2)) - firstDataRow + 1))
        : error.message();
    if (error.line() >= firstDataRow) {
      int row = error.line() - firstDataRow + 1;
      return new RuleError("grid row " + row, row, error.column(), message);
    }
    return new RuleError("grid", error.line(), error.column(), message);
  }

  private static String csv(String... cells) {
    return java.util.Arrays.stream(cells)
        .map(cell -> cell == null ? "" : cell)
        .map(cell -> cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
        .collect(Collectors.joining(","));
  }
}
