package io.engage.connectors.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a template model into the only shapes templates may read: maps with string keys, lists,
 * strings, numbers, booleans and dates. Anything else (an entity, a service, a class) is rejected
 * rather than handed to liqp, which would otherwise turn a bean into a map of its getters.
 * Dates are limited to the types liqp's {@code date} filter formats.
 */
final class PlainModel {

  /** Deep enough for customer.address.city and order lines; deeper means a cycle or a mistake. */
  private static final int MAX_DEPTH = 16;

  private PlainModel() {}

  static Map<String, Object> copy(Map<String, Object> model) {
    if (model == null) {
      return Map.of();
    }
    return copyMap(model, "", 0);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, String path, int depth) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (!(key instanceof String name)) {
        throw new IllegalArgumentException("template model key at '" + path + "' is not a string: " + key);
      }
      copy.put(name, copyValue(value, path.isEmpty() ? name : path + "." + name, depth + 1));
    });
    return copy;
  }

  private static Object copyValue(Object value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("template model nested too deeply at '" + path + "'");
    }
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
        || value instanceof Character || value instanceof Date || value instanceof LocalDate
        || value instanceof LocalDateTime || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      return value;
    }
    if (value instanceof Instant instant) {
      // liqp's date filter prints "--" for an Instant; a zoned UTC time formats as expected.
      return instant.atZone(ZoneOffset.UTC);
    }
    if (value instanceof CharSequence text) {
      return text.toString();
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof Map<?, ?> map) {
      return copyMap(map, path, depth);
    }
    if (value instanceof Collection<?> items) {
      List<Object> copy = new ArrayList<>(items.size());
      for (Object item : items) {
        copy.add(copyValue(item, path + "[]", depth + 1));
      }
      return copy;
    }
    throw new IllegalArgumentException("template model value at '" + path + "' is a "
        + value.getClass().getName() + "; pass maps, lists, strings, numbers, booleans, enums or dates only");
  }
}
