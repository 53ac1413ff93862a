package io.engage.engine.rulesadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.platform.csv.CsvCells;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleSource;
import io.engage.rules.ShippedRuleSets;
import io.engage.rules.tables.DecisionTables;
import io.engage.rules.tables.GridCompiler;
import io.engage.rules.tables.RuleGrid;
import io.engage.rules.tables.ShippedGrids;
import io.engage.rules.tables.TableLimits;
import io.engage.rules.tables.UploadedTable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
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
   * default the form it was authored in. The shipped DRL of a set that also ships as a grid
   * (points, tiers) downloads as that grid, which ShippedGridsTest proves decides alike; other
   * versions written in DRL have no table form.
   */
  Download download(RuleSetVersion version, String as) {
    String base = version.ruleSet() + ".v" + version.version();
    RuleGrid grid = switch (version.format()) {
      case "GRID" -> readGrid(version);
      case "DRL" -> shippedGridOf(version).orElse(null);
      default -> null;
    };
    UploadedTable table = switch (version.format()) {
      case "XLSX", "CSV" -> new UploadedTable(version.fileName(), Base64.getDecoder().decode(version.original()));
      default -> grid == null ? null : new UploadedTable(base + ".drl.csv", GridCompiler.toCsv(grid).getBytes(StandardCharsets.UTF_8));
    };
    if (table == null) {
      return null;
    }
    String form = as == null ? "" : as;
    if (form.isEmpty()) {
      form = grid != null ? "json" : version.format().toLowerCase();
    }
    return switch (form) {
      case "json" -> grid == null ? null
          : new Download(base + ".grid.json", "application/json", gridJson(version, grid));
      // Re-written even for a CSV original: its cells were typed by another user, and a cell
      // that a spreadsheet would run as a formula must reach the reader as text.
      case "csv" -> new Download(base + ".drl.csv", "text/csv", spreadsheetSafeCsv(table));
      case "xlsx" -> new Download(base + ".drl.xlsx", XLSX, table.format() == UploadedTable.Format.XLSX
          ? table.content() : DecisionTables.asXlsx(table));
      default -> null;
    };
  }

  /** The shipped grid, when this version is the shipped DRL of its set unchanged. */
  private static Optional<RuleGrid> shippedGridOf(RuleSetVersion version) {
    if (!ShippedRuleSets.names().contains(version.ruleSet())) {
      return Optional.empty();
    }
    List<RuleSource> shipped = ShippedRuleSets.sources(version.ruleSet());
    boolean unchanged = shipped.size() == 1 && shipped.getFirst().content().equals(version.drl());
    return unchanged ? ShippedGrids.of(version.ruleSet()) : Optional.empty();
  }

  private byte[] gridJson(RuleSetVersion version, RuleGrid grid) {
    if ("GRID".equals(version.format())) {
      return version.original().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return json.writeValueAsBytes(grid);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
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
