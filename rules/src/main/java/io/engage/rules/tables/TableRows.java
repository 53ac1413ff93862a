package io.engage.rules.tables;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The cells of a decision table as text, row by row (row 1 = the sheet's first row), in CSV form:
 * a horizontally merged XLSX region becomes a run of cells that each repeat its text followed by
 * {@link #MERGE}, which is how Drools' CSV reader spells a merge. The object-type cell over several
 * conditions depends on it.
 */
final class TableRows {

  static final String MERGE = "...";

  private TableRows() {}

  static List<List<String>> ofCsv(byte[] content) {
    List<List<String>> rows = new ArrayList<>();
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // Excel writes a BOM in front of UTF-8 CSV
    }
    for (String line : text.split("\r?\n", -1)) {
      rows.add(csvLine(line));
    }
    return rows;
  }

  static List<List<String>> ofXlsx(byte[] content) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
      Sheet sheet = workbook.getSheetAt(0);
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell));
          }
        }
        rows.add(cells);
      }
      for (CellRangeAddress region : sheet.getMergedRegions()) {
        markMerge(rows, region);
      }
    }
    return rows;
  }

  /** Writes rows (CSV form) into a new sheet, turning each run of cells ending in "..." into a merged region. */
  static void write(Sheet sheet, List<List<String>> rows) {
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r);
      List<String> cells = rows.get(r);
      int runStart = -1;
      for (int c = 0; c <= cells.size(); c++) {
        boolean merged = c < cells.size() && cells.get(c).endsWith(MERGE);
        if (merged && runStart < 0) {
          runStart = c;
        }
        if (!merged && runStart >= 0) {
          // POI refuses a one-cell region; a lone "X..." is a merge of one cell, i.e. just X.
          if (c - 1 > runStart) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, runStart, c - 1));
          }
          runStart = -1;
        }
        if (c < cells.size()) {
          // Excel shows only a merged region's first cell; the others stay empty.
          String text = cells.get(c);
          row.createCell(c).setCellValue(!merged ? text
              : runStart == c ? text.substring(0, text.length() - MERGE.length()) : "");
        }
      }
    }
  }

  /** Merges within one row only: that is what CSV can spell, and all a rule table's header needs. */
  private static void markMerge(List<List<String>> rows, CellRangeAddress region) {
    if (region.getFirstRow() != region.getLastRow() || region.getFirstRow() >= rows.size()) {
      return;
    }
    List<String> cells = rows.get(region.getFirstRow());
    while (cells.size() <= region.getLastColumn()) {
      cells.add("");
    }
    // Drools' CSV reader takes each merged cell's own text, so each one repeats the first.
    String text = cells.get(region.getFirstColumn()) + MERGE;
    for (int c = region.getFirstColumn(); c <= region.getLastColumn(); c++) {
      cells.set(c, text);
    }
  }

  /** RFC 4180 fields: quotes around a field, doubled quotes inside it. */
  static List<String> csvLine(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
