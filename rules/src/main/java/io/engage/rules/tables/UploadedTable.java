package io.engage.rules.tables;

import java.util.Locale;

/** A decision table as uploaded: its file name says the format (*.xlsx or *.csv). */
public record UploadedTable(String fileName, byte[] content) {

  public enum Format { XLSX, CSV }

  public Format format() {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return Format.XLSX;
    }
    if (name.endsWith(".csv")) {
      return Format.CSV;
    }
    return null;
  }
}
