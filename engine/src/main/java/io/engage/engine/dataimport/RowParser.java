package io.engage.engine.dataimport;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads Engage fields out of one CSV record by the mapping's header names. */
final class RowParser {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
  private static final Pattern WHOLE_DECIMAL = Pattern.compile("(\\d+)\\.0+");

  /** A row the import skips, with the report's reason code. */
  static final class Skip extends Exception {
    final String reason;

    Skip(String reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }
  }

  private final ImportMapping mapping;
  private final Map<String, Integer> index = new HashMap<>();
  private final ZoneId zone;
  private final List<DateTimeFormatter> formats = new ArrayList<>();
  private final boolean iso;
  private final int width;

  RowParser(ImportMapping mapping, List<String> header) {
    this.mapping = mapping;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      index.putIfAbsent(name, i);
    }
    this.width = header.size();
    this.zone = ZoneId.of(mapping.timeZone());
    boolean isoSeen = false;
    for (String pattern : mapping.dateFormats()) {
      if (pattern.equals("iso")) {
        isoSeen = true;
      } else {
        formats.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
      }
    }
    this.iso = isoSeen;
  }

  /** The mapped headers the file lacks. */
  List<String> missing(List<String> required) {
    return required.stream().filter(field -> {
      String header = mapping.columns().get(field);
      return header == null || !index.containsKey(header);
    }).map(field -> field + " (column " + mapping.columns().getOrDefault(field, "not mapped") + ")").toList();
  }

  boolean has(String field) {
    String header = mapping.columns().get(field);
    return header != null && index.containsKey(header);
  }

  void checkWidth(List<String> row) throws Skip {
    if (row.size() != width) {
      throw new Skip("bad-row", row.size() + " columns, the header has " + width);
    }
  }

  String text(List<String> row, String field) {
    String header = mapping.columns().get(field);
    Integer i = header == null ? null : index.get(header);
    if (i == null || i >= row.size()) {
      return null;
    }
    String value = row.get(i).trim();
    return value.isEmpty() ? null : value;
  }

  String customerId(List<String> row) throws Skip {
    String raw = text(row, "customerId");
    if (raw == null) {
      throw new Skip("missing-customer", "no customer id");
    }
    var whole = WHOLE_DECIMAL.matcher(raw);
    String id = mapping.customerIdPrefix() + (whole.matches() ? whole.group(1) : raw);
    if (!ID.matcher(id).matches()) {
      throw new Skip("bad-customer", "customer id must be 1-64 letters, digits and . _ : @ -");
    }
    return id;
  }

  Instant instant(List<String> row, String field, boolean required) throws Skip {
    String raw = text(row, field);
    if (raw == null) {
      if (required) {
        throw new Skip("bad-date", "no " + field);
      }
      return null;
    }
    if (iso) {
      try {
        return OffsetDateTime.parse(raw).toInstant();
      } catch (DateTimeException e) {
        try {
          return LocalDateTime.parse(raw).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
          // try the patterns
        }
      }
    }
    for (DateTimeFormatter format : formats) {
      try {
        return LocalDateTime.parse(raw, format).atZone(zone).toInstant();
      } catch (DateTimeException ignored) {
        // next pattern
      }
    }
    throw new Skip("bad-date", field + " '" + abbreviate(raw) + "' matches none of " + mapping.dateFormats());
  }

  LocalDate date(List<String> row, String field) throws Skip {
    String raw = text(row, field);
    if (raw == null) {
      return null;
    }
    try {
      return LocalDate.parse(raw);
    } catch (DateTimeException e) {
      throw new Skip("bad-date", field + " must be a date like 1990-05-17");
    }
  }

  BigDecimal decimal(List<String> row, String field) throws Skip {
    String raw = text(row, field);
    if (raw == null) {
      throw new Skip("bad-amount", "no " + field);
    }
    try {
      BigDecimal value = new BigDecimal(raw.replace(",", ""));
      if (value.abs().compareTo(new BigDecimal("1000000000")) >= 0) {
        throw new Skip("bad-amount", field + " is too large");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new Skip("bad-amount", field + " '" + abbreviate(raw) + "' is not a decimal number");
    }
  }

  boolean bool(List<String> row, String field) {
    String raw = text(row, field);
    return raw != null && (raw.equalsIgnoreCase("true") || raw.equals("1") || raw.equalsIgnoreCase("yes"));
  }

  static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }
}
