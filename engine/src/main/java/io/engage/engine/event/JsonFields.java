package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.platform.web.FieldError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads typed fields out of a JSON object and collects every problem with its path, so one
 * response can name all the fields at fault.
 */
final class JsonFields {

  private final JsonNode node;
  private final String prefix;
  private final List<FieldError> errors;

  JsonFields(JsonNode node, String prefix, List<FieldError> errors) {
    this.node = node;
    this.prefix = prefix;
    this.errors = errors;
  }

  static JsonFields of(JsonNode node, String prefix) {
    return new JsonFields(node, prefix, new ArrayList<>());
  }

  List<FieldError> errors() {
    return errors;
  }

  JsonFields nested(JsonNode child, String name) {
    return new JsonFields(child, path(name), errors);
  }

  String path(String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  void reject(String name, String reason) {
    errors.add(new FieldError(path(name), reason));
  }

  boolean present(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  JsonNode raw(String name) {
    return node.get(name);
  }

  String text(String name, boolean required, int maxLength, Pattern pattern, String patternHint) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        reject(name, "is required");
      }
      return null;
    }
    if (!value.isTextual()) {
      reject(name, "must be a string, not " + kind(value));
      return null;
    }
    String text = value.asText();
    if (required && text.isBlank()) {
      reject(name, "must not be blank");
      return null;
    }
    if (text.length() > maxLength) {
      reject(name, "must be at most " + maxLength + " characters");
      return null;
    }
    String unreadable = unreadable(text);
    if (unreadable != null) {
      reject(name, "must be readable text: it holds " + unreadable);
      return null;
    }
    if (pattern != null && !pattern.matcher(text).matches()) {
      reject(name, "must be " + patternHint);
      return null;
    }
    return text;
  }

  /**
   * What in the text no person typed and no column should keep: control characters (other than
   * tab and line breaks), which terminals and logs interpret, and unpaired UTF-16 surrogates
   * (possible through JSON escapes), which cannot be stored as UTF-8 and would come back as '?'.
   */
  private static String unreadable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "an unpaired surrogate at character " + (i + 1);
      } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        return String.format("the control character U+%04X at character %d", (int) c, i + 1);
      }
    }
    return null;
  }

  Instant instant(String name, boolean required) {
    String text = text(name, required, 64, null, null);
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      reject(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-11T10:00:00+08:00");
      return null;
    }
  }

  LocalDate date(String name) {
    String text = text(name, false, 10, null, null);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      reject(name, "must be a date like 1990-05-17");
      return null;
    }
  }

  /** A decimal given as a JSON number or a numeric string, with at most {@code scale} decimals. */
  BigDecimal decimal(String name, boolean required, BigDecimal minInclusive, BigDecimal maxExclusive, int scale) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        reject(name, "is required");
      }
      return null;
    }
    BigDecimal number;
    if (value.isNumber()) {
      try {
        number = value.decimalValue();
      } catch (NumberFormatException e) {
        // 1e400 parses as an infinite double, which has no decimal value.
        reject(name, "must be a finite decimal number");
        return null;
      }
    } else if (value.isTextual()) {
      try {
        number = new BigDecimal(value.asText().trim());
      } catch (NumberFormatException e) {
        reject(name, "must be a decimal number");
        return null;
      }
    } else {
      reject(name, "must be a number, not " + kind(value));
      return null;
    }
    if (number.compareTo(minInclusive) < 0 || number.compareTo(maxExclusive) >= 0) {
      reject(name, "must be at least " + minInclusive.toPlainString() + " and below " + maxExclusive.toPlainString());
      return null;
    }
    if (number.stripTrailingZeros().scale() > scale) {
      reject(name, "must have at most " + scale + " decimals");
      return null;
    }
    return number.setScale(scale, java.math.RoundingMode.UNNECESSARY);
  }

  /** An optional true/false; null when absent. */
  Boolean bool(String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      reject(name, "must be true or false");
      return null;
    }
    return value.booleanValue();
  }

  Integer integer(String name, boolean required, int min, int max) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        reject(name, "is required");
      }
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      reject(name, "must be a whole number");
      return null;
    }
    int number = value.intValue();
    if (number < min || number > max) {
      reject(name, "must be between " + min + " and " + max);
      return null;
    }
    return number;
  }

  static String kind(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      default -> value.getNodeType().name().toLowerCase();
    };
  }
}
