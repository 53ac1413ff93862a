package io.engage.engine.dataimport;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 CSV: one record at a time (quoted fields may hold the delimiter, quotes and
 * line breaks), so a file of millions of rows never sits in memory. Tracks the line each record
 * starts on, for the report.
 */
final class CsvReader implements AutoCloseable {

  private static final int MAX_FIELD = 64 * 1024;
  private final Reader in;
  private final char delimiter;
  private int line = 1;
  private int recordLine;
  private int pushedBack = -2;

  CsvReader(Reader in, char delimiter) {
    this.in = in;
    this.delimiter = delimiter;
  }

  /** The line the last record returned started on (1-based). */
  int recordLine() {
    return recordLine;
  }

  /** The next record, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    recordLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (quoted) {
        if (c == -1) {
          throw new IOException("line " + recordLine + ": a quoted field is not closed");
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(field, c);
        }
      } else if (c == '"' && field.isEmpty() && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r' || c == -1) {
        if (c == '\r') {
          int next = read();
          if (next != '\n') {
            pushedBack = next;
          }
        }
        if (c != -1) {
          line++;
        }
        fields.add(field.toString());
        return fields;
      } else {
        append(field, c);
      }
      c = read();
    }
  }

  private void append(StringBuilder field, int c) throws IOException {
    if (field.length() >= MAX_FIELD) {
      throw new IOException("line " + recordLine + ": a field is longer than " + MAX_FIELD + " characters");
    }
    field.append((char) c);
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
