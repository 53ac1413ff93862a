package io.engage.engine.rulesadmin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.tables.DecisionTables;
import io.engage.rules.tables.GridCompiler;
import io.engage.rules.tables.RuleGrid;
import io.engage.rules.tables.TableLimits;
import io.engage.rules.tables.UploadedTable;
import java.util.Base64;
import org.springframework.stereotype.Service;

/**
 * The two ways into a draft besides DRL: an uploaded decision table and the admin UI's grid. Both
 * become DRL; the version keeps the original so it can be downloaded in the form it was authored.
 */
@Service
class RuleAuthoring {

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

  /** The authored form of a version: the uploaded file, or the grid as JSON and as CSV. */
  Download download(RuleSetVersion version, String as) {
    return switch (version.format()) {
      case "XLSX" -> new Download(version.fileName(),
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Base64.getDecoder().decode(version.original()));
      case "CSV" -> new Download(version.fileName(), "text/csv", Base64.getDecoder().decode(version.original()));
      case "GRID" -> "csv".equals(as)
          ? new Download(version.ruleSet() + ".v" + version.version() + ".drl.csv", "text/csv",
              GridCompiler.toCsv(readGrid(version)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
          : new Download(version.ruleSet() + ".v" + version.version() + ".grid.json", "application/json",
              version.original().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      default -> null;
    };
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
