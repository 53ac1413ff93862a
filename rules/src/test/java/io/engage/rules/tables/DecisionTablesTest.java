package io.engage.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleSource;
import io.engage.rules.points.OrderFact;
import io.engage.rules.points.PointsRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class DecisionTablesTest {

  /** Base points plus tier multipliers: the shipped points rules, as business staff would table them. */
  static final String CSV = String.join("\n",
      "RuleSet,io.engage.rules.points",
      "Import,java.math.BigDecimal",
      "Notes,points per tier",
      ",",
      "RuleTable Tier points",
      "NAME,CONDITION,ACTION,ACTION",
      ",$c : PointsCalculation,,",
      ",\"tier == \"\"$param\"\"\",\"$c.awardBase(\"\"Base points\"\", new BigDecimal(\"\"$param\"\"));\","
          + "\"$c.multiplyBase(\"\"Tier multiplier\"\", new BigDecimal(\"\"$param\"\"));\"",
      "Rule,Tier,Points per yuan,Multiplier",
      "Basic,BASIC,1,",
      "Silver,SILVER,1,1.2",
      "Gold,GOLD,1,1.5",
      "");

  @Test
  void aCsvTableCompilesToRulesThatDecideLikeTheShippedOnes() {
    String drl = DecisionTables.toDrl("points", new UploadedTable("points.drl.csv", bytes(CSV)), TableLimits.DEFAULT);
    PointsRules rules = new PointsRules(CompiledRuleSet.compile("points", "2", List.of(new RuleSource("t", drl))));
    assertThat(rules.decide(order("GOLD", "120.00")).explanation()).isEqualTo("+180: base 120, GOLD x1.5 +60");
    assertThat(rules.decide(order("BASIC", "99.99")).points()).isEqualTo(99);
  }

  @Test
  void anXlsxTableCompilesTheSame() throws IOException {
    byte[] xlsx = xlsx(CSV);
    String drl = DecisionTables.toDrl("points", new UploadedTable("points.drl.xlsx", xlsx), TableLimits.DEFAULT);
    PointsRules rules = new PointsRules(CompiledRuleSet.compile("points", "2", List.of(new RuleSource("t", drl))));
    assertThat(rules.decide(order("SILVER", "100.00")).explanation()).isEqualTo("+120: base 100, SILVER x1.2 +20");
  }

  @Test
  void aTableDownloadsInTheOtherFormAndCompilesTheSame() {
    UploadedTable csv = new UploadedTable("p.csv", bytes(CSV));
    byte[] xlsx = DecisionTables.asXlsx(csv);
    String fromXlsx = DecisionTables.toDrl("points", new UploadedTable("p.xlsx", xlsx), TableLimits.DEFAULT);
    PointsRules rules = new PointsRules(CompiledRuleSet.compile("points", "x", List.of(new RuleSource("x", fromXlsx))));
    assertThat(rules.decide(order("GOLD", "120.00")).explanation()).isEqualTo("+180: base 120, GOLD x1.5 +60");
    String backToCsv = DecisionTables.asCsv(new UploadedTable("p.xlsx", xlsx));
    assertThat(DecisionTables.toDrl("points", new UploadedTable("p.csv", bytes(backToCsv)), TableLimits.DEFAULT))
        .isEqualTo(DecisionTables.toDrl("points", csv, TableLimits.DEFAULT));
  }

  @Test
  void aBadCellIsReportedAtItsSheetRow() {
    // The multiplier template takes the cell unquoted here, so a malformed number breaks the DRL.
    String broken = CSV.replace("new BigDecimal(\"\"$param\"\"));\"\"", "X")
        .replace("\"$c.multiplyBase(\"\"Tier multiplier\"\", new BigDecimal(\"\"$param\"\"));\"",
            "\"$c.multiplyBase(\"\"Tier multiplier\"\", new BigDecimal($param));\"")
        .replace("Gold,GOLD,1,1.5", "Gold,GOLD,1,1.5.5");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.csv", bytes(broken)), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.errors().getFirst().source()).isEqualTo("p.csv");
          assertThat(e.errors().getFirst().line()).isEqualTo(12);
        });
  }

  @Test
  void anUnknownFieldIsReportedAtTheRowsOfItsRules() {
    String wrongFact = CSV.replace("tier == \"\"$param\"\"", "teir == \"\"$param\"\"");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.csv", bytes(wrongFact)), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors()).allSatisfy(error -> assertThat(error.line()).isBetween(10, 12)));
  }

  @Test
  void aTableThatYieldsNoRulesIsRefusedNotSilentlyAccepted() {
    String noTable = CSV.replace("RuleTable Tier points", "Tier points");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.csv", bytes(noTable)), TableLimits.DEFAULT))
        .hasMessageContaining("no RuleTable");
  }

  @Test
  void overlappingRowsAreReported() {
    String overlap = CSV.replace("Gold,GOLD,1,1.5", "Gold,GOLD,1,1.5\nGold again,GOLD,1,1.8");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.csv", bytes(overlap)), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.errors().getFirst().message()).contains("rows 12 and 13 overlap").contains("Multiplier");
        });
  }

  @Test
  void malformedEmptyOversizedAndBombFilesAreRefusedQuickly() throws IOException {
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.xlsx", bytes("not a zip")), TableLimits.DEFAULT))
        .hasMessageContaining("not an XLSX");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.csv", new byte[0]), TableLimits.DEFAULT))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("p.pdf", bytes("x")), TableLimits.DEFAULT))
        .hasMessageContaining(".xlsx or .csv");
    byte[] fifty = new byte[50 << 20];
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("big.csv", fifty), TableLimits.DEFAULT))
        .hasMessageContaining("at most");
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("bomb.xlsx", zipBomb()), TableLimits.DEFAULT))
        .hasMessageContaining("zip bomb");
  }

  @Test
  void aGridCompilesThroughTheSamePathAndRefusesCodeInCells() {
    RuleGrid grid = new RuleGrid("io.engage.rules.points", List.of("java.math.BigDecimal"), "Tier points",
        "$c : PointsCalculation",
        List.of(new RuleGrid.Column(RuleGrid.Kind.CONDITION, "Tier", "tier == \"$param\""),
            new RuleGrid.Column(RuleGrid.Kind.ACTION, "Points per yuan", "$c.awardBase(\"Base points\", new BigDecimal(\"$param\"));"),
            new RuleGrid.Column(RuleGrid.Kind.ACTION, "Multiplier", "$c.multiplyBase(\"Tier multiplier\", new BigDecimal(\"$param\"));")),
        List.of(new RuleGrid.Row("Basic", List.of("BASIC", "1", "")),
            new RuleGrid.Row("Plus", List.of("PLUS", "2", "2"))));
    String drl = GridCompiler.toDrl("points", grid, TableLimits.DEFAULT);
    PointsRules rules = new PointsRules(CompiledRuleSet.compile("points", "g", List.of(new RuleSource("g", drl))));
    assertThat(rules.decide(order("PLUS", "10.00")).explanation()).isEqualTo("+40: base 20, PLUS x2 +20");

    RuleGrid injected = new RuleGrid(grid.packageName(), grid.imports(), grid.tableName(), grid.factBinding(), grid.columns(),
        List.of(new RuleGrid.Row("Evil", List.of("GOLD\") || true || (\"", "1", ""))));
    assertThatThrownBy(() -> GridCompiler.toDrl("points", injected, TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors().getFirst().source()).isEqualTo("grid row 1 column 1"));

    RuleGrid overlapping = new RuleGrid(grid.packageName(), grid.imports(), grid.tableName(), grid.factBinding(), grid.columns(),
        List.of(new RuleGrid.Row("A", List.of("GOLD", "1", "1.5")), new RuleGrid.Row("B", List.of("", "1", "2"))));
    assertThatThrownBy(() -> GridCompiler.toDrl("points", overlapping, TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.errors().getFirst().source()).isEqualTo("grid row 2");
          assertThat(e.errors().getFirst().message()).contains("rows 1 and 2 overlap");
        });
  }

  private static OrderFact order(String tier, String amount) {
    return new OrderFact("c", "o", new BigDecimal(amount), tier, "web", List.of());
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The CSV laid out in a workbook. */
  static byte[] xlsx(String csv) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = workbook.createSheet("Points");
      String[] lines = csv.split("\n");
      for (int r = 0; r < lines.length; r++) {
        Row row = sheet.createRow(r);
        List<String> cells = TableRows.csvLine(lines[r]);
        for (int c = 0; c < cells.size(); c++) {
          row.createCell(c).setCellValue(cells.get(c));
        }
      }
      workbook.write(out);
      return out.toByteArray();
    }
  }

  /** A few kilobytes that inflate to 60 MB of zeros. */
  private static byte[] zipBomb() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 60; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }
}
