package io.engage.engine.rulesadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.csv.CsvCells;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.tables.DecisionTables;
import io.engage.rules.tables.GridCompiler;
import io.engage.rules.tables.RuleGrid;
import io.engage.rules.tables.TableLimits;
import io.engage.rules.tables.UploadedTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The two ways into a draft besides DRL: an uploaded decision table and the admin UI's grid. Both
 * become DRL; the version keeps the original so it can be downloaded in the form it was authored.
 */
@Service
class RuleAuthoring {

  private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final RuleSetService versions;
  private final ObjectMapper json;

  RuleAuthoring(RuleSetService versions, ObjectMapper json) {
    this.versions = versions;
    this.json = json;
  }

  RuleSetVersion fromTable(String ruleSet, UploadedTable table, String comment, String actor) {
    String drl;
    try {
      drl = DecisionTables.toDrl(ruleSet, table, TableLimits.DEFAULT);
    } catch (RuleCompilationException e) {
      throw RuleSetService.refusal(e, "The decision table " + table.fileName());
    }
    return versions.createDraft(ruleSet, new RuleSetService.Draft(table.format().name(), drl,
        Base64.getEncoder().encodeToString(table.content()), table.fileName(), comment), actor);
  }

  RuleSetVersion fromGrid(String ruleSet, RuleGrid grid, String comment, String actor) {
    String drl;
    try {
      drl = GridCompiler.toDrl(ruleSet, grid, TableLimits.DEFAULT);
    } catch (RuleCompilationException e) {
      throw RuleSetService.refusal(e, "The rule grid");
    }
    try {
      return versions.createDraft(ruleSet, new RuleSetService.Draft("GRID", drl, json.writeValueAsString(grid), null,
          comment), actor);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A table or grid version in the form asked for ({@code as}: xlsx, csv, or json for a grid), by
   * default the form it was authored in. Versions written in DRL have no table form.
   */
  Download download(RuleSetVersion version, String as) {
    String base = version.ruleSet() + ".v" + version.version();
    UploadedTable table = switch (version.format()) {
      case "XLSX" -> new UploadedTable(version.fileName(), Base64.getDecoder().decode(version.original()));
      case "CSV" -> new UploadedTable(version.fileName(), Base64.getDecoder().decode(version.original()));
      case "GRID" -> new UploadedTable(base + ".drl.csv", GridCompiler.toCsv(readGrid(version)).getBytes(StandardCharsets.UTF_8));
      default -> null;
    };
    if (table == null) {
      return null;
    }
    String form = as == null ? "" : as;
    if (form.isEmpty()) {
      form = "GRID".equals(version.format()) ? "json" : version.format().toLowerCase();
    }
    return switch (form) {
      case "json" -> "GRID".equals(version.format())
          ? new Download(base + ".grid.json", "application/json", version.original().getBytes(StandardCharsets.UTF_8))
          : null;
      // Re-written even for a CSV original: its cells were typed by another user, and a cell
      // that a spreadsheet would run as a formula must reach the reader as text.
      case "csv" -> new Download(base + ".drl.csv", "text/csv", spreadsheetSafeCsv(table));
      case "xlsx" -> new Download(base + ".drl.xlsx", XLSX, table.format() == UploadedTable.Format.XLSX
          ? table.content() : DecisionTables.asXlsx(table));
      default -> null;
    };
  }

  private static byte[] spreadsheetSafeCsv(UploadedTable table) {
    // A CSV read back keeps its final line break as an empty last row: joined, a benign table
    // comes out as it was uploaded.
    String csv = DecisionTables.cells(table).stream().map(CsvCells::line).collect(Collectors.joining("\n"));
    return (csv.endsWith("\n") ? csv : csv + "\n").getBytes(StandardCharsets.UTF_8);
  }

  record Download(String fileName, String contentType, byte[] content) {}

  private RuleGrid readGrid(RuleSetVersion version) {
    try {
      return json.readValue(version.original(), RuleGrid.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored grid of " + version.ruleSet() + " v" + version.version() + " is not JSON", e);
    }
  }
}
