package io.engage.rules.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.engage.rules.RuleCompilationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Workbooks built to hurt the parser are refused before POI opens them, with the reason. */
class HostileTablesTest {

  @Test
  void aSheetThatDeclaresEntitiesIsRefused() throws IOException {
    byte[] workbook = replacing(DecisionTablesTest.xlsx(DecisionTablesTest.CSV), "xl/worksheets/sheet1.xml", sheet ->
        sheet.replaceFirst("\\?>", "?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"));
    assertRefused(workbook, "declares DOCTYPE");
  }

  @Test
  void billionLaughsInTheSharedStringsIsRefused() throws IOException {
    String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
    byte[] workbook = replacing(DecisionTablesTest.xlsx(DecisionTablesTest.CSV), "xl/sharedStrings.xml", strings ->
        strings.replaceFirst("\\?>", "?>" + laughs));
    assertRefused(workbook, "DTDs and XML entities are not allowed");
  }

  @Test
  void aHighlyCompressedPartIsRefusedByItsRatioLongBeforeTheTotalLimit() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      zip.write(new byte[4 << 20]);
      zip.closeEntry();
    }
    assertRefused(out.toByteArray(), "inflates more than 200 times");
  }

  @Test
  void tooManyPartsAreRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < 201; i++) {
        zip.putNextEntry(new ZipEntry("xl/part" + i + ".xml"));
        zip.write("<a/>".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    assertRefused(out.toByteArray(), "more than 200 parts");
  }

  @Test
  void aCsvTableNamingJvmClassesIsRefusedAtItsSheetRow() {
    String hostile = DecisionTablesTest.CSV.replace("Import,java.math.BigDecimal", "Import,\"java.math.BigDecimal, java.io.File\"");
    assertThatThrownBy(() -> DecisionTables.toDrl("points",
        new UploadedTable("p.csv", hostile.getBytes(StandardCharsets.UTF_8)), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class, e ->
            assertThat(e.errors()).anySatisfy(error -> assertThat(error.message()).contains("java.io.File")));
  }

  @Test
  void tooManyRuleRowsAreRefusedBeforeTheyAreComparedPairwise() {
    assertThatThrownBy(() -> DecisionTables.toDrl("points", csvWithRows(2_001, false), TableLimits.DEFAULT))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining("at most 2000");
  }

  @Test
  void aTableWhereEveryRowOverlapsReportsABoundedList() {
    long started = System.nanoTime();
    assertThatThrownBy(() -> DecisionTables.toDrl("points", csvWithRows(2_000, true), TableLimits.DEFAULT))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors()).hasSize(100));
    assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(10_000);
  }

  /** The test table with this many rule rows: distinct tiers, or all the same tier with different points. */
  private static UploadedTable csvWithRows(int rows, boolean overlapping) {
    StringBuilder csv = new StringBuilder(DecisionTablesTest.CSV.substring(0, DecisionTablesTest.CSV.indexOf("\nBasic")));
    for (int i = 0; i < rows; i++) {
      csv.append("\nRule").append(i).append(',').append(overlapping ? "GOLD" : "T" + i).append(',').append(i + 1).append(',');
    }
    return new UploadedTable("rows.csv", (csv + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(byte[] workbook, String reason) {
    assertThatThrownBy(() -> DecisionTables.toDrl("points", new UploadedTable("hostile.xlsx", workbook), TableLimits.DEFAULT))
        .isInstanceOf(RuleCompilationException.class)
        .hasMessageContaining(reason);
  }

  /** The workbook with one part's XML rewritten. */
  private static byte[] replacing(byte[] workbook, String part, java.util.function.UnaryOperator<String> change)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean found = false;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        byte[] content = in.readAllBytes();
        if (entry.getName().equals(part)) {
          content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
          found = true;
        }
        zip.putNextEntry(new ZipEntry(entry.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    assertThat(found).as(part + " in the workbook").isTrue();
    return out.toByteArray();
  }
}
