package io.engage.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleSource;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.PointsRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Tables whose object-type cell spans two condition columns (tier and channel): the span must
 * survive grid → CSV, CSV → XLSX and XLSX → CSV, or the conditions lose their fact type.
 */
class MultiConditionTablesTest {

  private static final RuleGrid GRID = new RuleGrid("io.engage.rules.points", List.of("java.math.BigDecimal"),
      "Tier and channel", "$c : PointsCalculation",
      List.of(new RuleGrid.Column(RuleGrid.Kind.CONDITION, "Tier", "tier == \"$param\""),
          new RuleGrid.Column(RuleGrid.Kind.CONDITION, "Channel", "channel == \"$param\""),
          new RuleGrid.Column(RuleGrid.Kind.ACTION, "Points per yuan", "$c.awardBase(\"Base points\", new BigDecimal(\"$param\"));"),
          new RuleGrid.Column(RuleGrid.Kind.ACTION, "Multiplier", "$c.multiplyBase(\"Tier multiplier\", new BigDecimal(\"$param\"));")),
      List.of(new RuleGrid.Row("Basic", List.of("BASIC", "", "1", "")),
          new RuleGrid.Row("Plus app", List.of("PLUS", "app", "1", "2")),
          new RuleGrid.Row("Plus web", List.of("PLUS", "web", "1", "1.5"))));

  @Test
  void aGridWithTwoConditionColumnsCompilesAndDecides() {
    assertDecides(GridCompiler.toDrl("points", GRID, TableLimits.DEFAULT));
  }

  @Test
  void itsXlsxDownloadMergesTheObjectTypeCellAndCompilesTheSame() throws IOException {
    byte[] xlsx = DecisionTables.asXlsx(gridAsCsv());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertThat(workbook.getSheetAt(0).getMergedRegions()).hasSize(1);
      assertThat(workbook.getSheetAt(0).getMergedRegion(0).formatAsString()).isEqualTo("B7:C7");
    }
    assertDecides(DecisionTables.toDrl("points", new UploadedTable("t.xlsx", xlsx), TableLimits.DEFAULT));
  }

  @Test
  void anXlsxWithAMergedRegionDownloadsAsCsvThatCompilesTheSame() throws IOException {
    UploadedTable uploaded = new UploadedTable("t.xlsx", merged(DecisionTables.asXlsx(gridAsCsv())));
    String fromXlsx = DecisionTables.toDrl("points", uploaded, TableLimits.DEFAULT);
    String csv = DecisionTables.asCsv(uploaded);
    assertThat(csv).contains(",$c : PointsCalculation...,$c : PointsCalculation...,");
    String fromCsv = DecisionTables.toDrl("points", new UploadedTable("t.csv", csv.getBytes(StandardCharsets.UTF_8)),
        TableLimits.DEFAULT);
    assertThat(fromCsv).isEqualTo(fromXlsx);
    assertDecides(fromCsv);
  }

  @Test
  void anObjectTypeCellThatDoesNotSpanItsConditionsIsRefusedAtTheRows() {
    String unspanned = GridCompiler.toCsv(GRID).replace("$c : PointsCalculation...,$c : PointsCalculation...", "$c : PointsCalculation,");
    assertThatThrownBy(() -> DecisionTables.toDrl("points",
        new UploadedTable("t.csv", unspanned.getBytes(StandardCharsets.UTF_8)), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors()).extracting(error -> error.line()).contains(11, 12));
  }

  @Test
  void conditionColumnsSplitByAnActionAreRefused() {
    RuleGrid split = new RuleGrid(GRID.packageName(), GRID.imports(), GRID.tableName(), GRID.factBinding(),
        List.of(GRID.columns().get(0), GRID.columns().get(2), GRID.columns().get(1), GRID.columns().get(3)),
        List.of(new RuleGrid.Row("Plus app", List.of("PLUS", "1", "app", "2"))));
    assertThatThrownBy(() -> GridCompiler.toDrl("points", split, TableLimits.DEFAULT))
        .hasMessageContaining("next to each other");
  }

  @Test
  void overlapsAreFoundAcrossBothConditions() {
    RuleGrid overlapping = new RuleGrid(GRID.packageName(), GRID.imports(), GRID.tableName(), GRID.factBinding(),
        GRID.columns(), List.of(GRID.rows().get(1), new RuleGrid.Row("Plus any", List.of("PLUS", "", "1", "3"))));
    assertThatThrownBy(() -> GridCompiler.toDrl("points", overlapping, TableLimits.DEFAULT))
        .hasMessageContaining("rows 1 and 2 overlap");
  }

  private static void assertDecides(String drl) {
    PointsRules rules = new PointsRules(CompiledRuleSet.compile("points", "x", List.of(new RuleSource("x", drl))));
    assertThat(rules.decide(order("PLUS", "app")).explanation()).isEqualTo("+20: base 10, PLUS x2 +10");
    assertThat(rules.decide(order("PLUS", "web")).explanation()).isEqualTo("+15: base 10, PLUS x1.5 +5");
    assertThat(rules.decide(order("BASIC", "web")).points()).isEqualTo(10);
  }

  private static UploadedTable gridAsCsv() {
    return new UploadedTable("t.csv", GridCompiler.toCsv(GRID).getBytes(StandardCharsets.UTF_8));
  }

  /** Re-saves a workbook the way Excel would: POI re-reads and writes the merged region itself. */
  private static byte[] merged(byte[] xlsx) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellRangeAddress region = workbook.getSheetAt(0).getMergedRegion(0);
      assertThat(workbook.getSheetAt(0).getRow(region.getFirstRow()).getCell(region.getFirstColumn()).getStringCellValue())
          .isEqualTo("$c : PointsCalculation");
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static OrderFact order(String tier, String channel) {
    return new OrderFact("c", "o", new BigDecimal("10.00"), tier, channel, List.of());
  }
}
