package io.engage.rules.tables;

import io.engage.rules.CompiledRuleSet;
import io.engage.rules.RuleCompilationException;
import io.engage.rules.RuleError;
import io.engage.rules.RuleSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Decision tables (XLSX or CSV, the format business staff know from Excel) to DRL. Everything is
 * checked before the DRL is used: size and zip-bomb limits, a rule table being there, ambiguous
 * overlaps, and compilation, with errors reported at the sheet row they come from.
 */
public final class DecisionTables {

  private static final Pattern ROW_COMMENT = Pattern.compile("//\\s*rule values at [A-Z]+(\\d+)");

  private DecisionTables() {}

  /** The DRL of a valid table; otherwise a RuleCompilationException naming file, row and reason. */
  public static String toDrl(String ruleSet, UploadedTable table, TableLimits limits) {
    String source = table.fileName();
    UploadedTable.Format format = table.format();
    if (format == null) {
      throw refused(ruleSet, source, 0, "not a decision table: upload an .xlsx or .csv file");
    }
    if (table.content().length == 0) {
      throw refused(ruleSet, source, 0, "the file is empty");
    }
    if (table.content().length > limits.maxFileBytes()) {
      throw refused(ruleSet, source, 0, "the file has " + table.content().length + " bytes; at most "
          + limits.maxFileBytes() + " are accepted");
    }
    List<List<String>> rows;
    try {
      if (format == UploadedTable.Format.XLSX) {
        checkZip(ruleSet, table, limits);
        rows = TableRows.ofXlsx(table.content());
      } else {
        rows = TableRows.ofCsv(table.content());
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof RuleCompilationException refusal) {
        throw refusal;
      }
      throw refused(ruleSet, source, 0, "the file cannot be read as " + format + ": " + e.getMessage());
    }
    TableModel model = TableModel.parse(rows);
    if (model == null || model.rows().isEmpty()) {
      throw refused(ruleSet, source, 0, "no RuleTable with rows was found in the first sheet");
    }
    if (model.rows().size() > limits.maxRuleRows()) {
      throw refused(ruleSet, source, 0, "the table has " + model.rows().size() + " rule rows; at most "
          + limits.maxRuleRows() + " are accepted");
    }
    List<RuleError> overlaps = model.overlaps(source);
    if (!overlaps.isEmpty()) {
      throw new RuleCompilationException(ruleSet, overlaps);
    }
    String drl;
    try {
      drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()),
          format == UploadedTable.Format.XLSX ? InputType.XLS : InputType.CSV);
    } catch (RuntimeException e) {
      throw refused(ruleSet, source, 0, "the decision table is malformed: " + e.getMessage());
    }
    validate(ruleSet, source, drl);
    return drl;
  }

  /**
   * The table as an XLSX workbook (one sheet, cells as text, CSV "..." runs as merged regions):
   * download form for CSV and grid versions.
   */
  public static byte[] asXlsx(UploadedTable table) {
    try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      TableRows.write(workbook.createSheet("Rules"), rows(table));
      workbook.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table as CSV (merged regions as "..." runs): download form for XLSX versions. */
  public static String asCsv(UploadedTable table) {
    return rows(table).stream()
        .map(row -> row.stream()
            .map(cell -> cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell)
            .collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  /** The table's cells row by row (merged regions as "..." runs), e.g. to write them elsewhere. */
  public static List<List<String>> cells(UploadedTable table) {
    return rows(table);
  }

  private static List<List<String>> rows(UploadedTable table) {
    try {
      return table.format() == UploadedTable.Format.XLSX ? TableRows.ofXlsx(table.content()) : TableRows.ofCsv(table.content());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compiles generated DRL and moves every error to the sheet row its rule came from. */
  static void validate(String ruleSet, String source, String drl) {
    try {
      CompiledRuleSet.compile(ruleSet, "validation", List.of(new RuleSource(source, drl)));
    } catch (RuleCompilationException e) {
      List<RuleError> mapped = new ArrayList<>();
      for (RuleError error : e.errors()) {
        int sheetRow = sheetRowOf(drl, error.line());
        String message = error.message().equals("no rules")
            ? "the table produced no rules: check the RuleTable header and that the object-type cell spans its condition columns"
            : error.message();
        mapped.add(new RuleError(source, sheetRow, 0, message));
      }
      throw new RuleCompilationException(ruleSet, mapped);
    }
  }

  /** The sheet row named by the nearest "rule values at A13" comment at or above a DRL line. */
  static int sheetRowOf(String drl, int drlLine) {
    String[] lines = drl.split("\n", -1);
    for (int i = Math.min(drlLine, lines.length) - 1; i >= 0; i--) {
      Matcher matcher = ROW_COMMENT.matcher(lines[i]);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    return 0;
  }

  /**
   * Reads the ZIP entries, inflating at most the limits, before POI is allowed near the file. Also
   * refuses any part that declares a DOCTYPE or an entity: a workbook never needs one, and POI's own
   * refusal would arrive as an obscure parser message.
   */
  private static void checkZip(String ruleSet, UploadedTable table, TableLimits limits) throws IOException {
    long inflated = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    CountingInput compressed = new CountingInput(new ByteArrayInputStream(table.content()));
    try (ZipInputStream zip = new ZipInputStream(compressed)) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (++entries > limits.maxZipEntries()) {
          throw refused(ruleSet, table.fileName(), 0, "the workbook has more than " + limits.maxZipEntries() + " parts");
        }
        long entryStart = compressed.count;
        long entryInflated = 0;
        DeclarationScan declarations = new DeclarationScan();
        int read;
        while ((read = zip.read(buffer)) > 0) {
          inflated += read;
          entryInflated += read;
          if (inflated > limits.maxInflatedBytes()) {
            throw refused(ruleSet, table.fileName(), 0, "the workbook inflates to more than "
                + limits.maxInflatedBytes() + " bytes (a zip bomb?)");
          }
          long entryCompressed = Math.max(1, compressed.count - entryStart);
          if (entryInflated > (1 << 20) && entryInflated / entryCompressed > limits.maxCompressionRatio()) {
            throw refused(ruleSet, table.fileName(), 0, "the part " + entry.getName() + " inflates more than "
                + limits.maxCompressionRatio() + " times its compressed size (a zip bomb?)");
          }
          String declared = declarations.find(buffer, read);
          if (declared != null) {
            throw refused(ruleSet, table.fileName(), 0, "the part " + entry.getName() + " declares " + declared
                + ": DTDs and XML entities are not allowed in a workbook");
          }
        }
      }
    }
    if (entries == 0) {
      throw refused(ruleSet, table.fileName(), 0, "the file is not an XLSX workbook");
    }
  }

  /** Counts the compressed bytes the ZIP reader consumed. */
  private static final class CountingInput extends java.io.FilterInputStream {
    long count;

    CountingInput(java.io.InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Finds "<!DOCTYPE" or "<!ENTITY" (any case) in a stream of chunks, also across chunk borders. */
  private static final class DeclarationScan {
    private static final String[] MARKERS = {"<!doctype", "<!entity"};
    private String tail = "";

    String find(byte[] chunk, int length) {
      String text = tail + new String(chunk, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1)
          .toLowerCase(java.util.Locale.ROOT);
      for (String marker : MARKERS) {
        if (text.contains(marker)) {
          return marker.substring(2).toUpperCase(java.util.Locale.ROOT);
        }
      }
      tail = text.substring(Math.max(0, text.length() - 8));
      return null;
    }
  }

  private static RuleCompilationException refused(String ruleSet, String source, int row, String message) {
    return new RuleCompilationException(ruleSet, List.of(new RuleError(source, row, 0, message)));
  }

}
