package io.engage.engine.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * Compiles a segment definition (JSON) to a SQL condition over {@code customer c}, {@code
 * customer_rfm r} and {@code customer_lifecycle l}. Column names come only from the fixed field
 * table below; every value the user gave is a bound parameter, never part of the SQL text. Every
 * mistake is reported with its path in the definition.
 *
 * <pre>
 * {"all": [ {"field": "tier", "op": "in", "value": ["GOLD", "PLUS"]},
 *           {"any": [ {"field": "rfm.segment", "op": "eq", "value": "at-risk"},
 *                     {"field": "lifecycle.stage", "op": "eq", "value": "at-risk"} ]},
 *           {"field": "consent.email", "op": "eq", "value": true},
 *           {"ordered": {"category": "books", "withinDays": 30}},
 *           {"spent": {"atLeast": "500.00", "withinDays": 90}},
 *           {"not": {"field": "tag", "op": "has", "value": "vip"}} ]}
 * </pre>
 */
@Component
class SegmentCompiler {

  enum Kind { TEXT, INTEGER, DECIMAL }

  record Field(String column, Kind kind) {}

  static final Map<String, Field> FIELDS = Map.ofEntries(
      Map.entry("locale", new Field("c.locale", Kind.TEXT)),
      Map.entry("timeZone", new Field("c.time_zone", Kind.TEXT)),
      Map.entry("preferredChannel", new Field("c.preferred_channel", Kind.TEXT)),
      Map.entry("tier", new Field("c.tier", Kind.TEXT)),
      Map.entry("birthdayMonth", new Field("MONTH(c.birthday)", Kind.INTEGER)),
      Map.entry("rfm.r", new Field("r.r_score", Kind.INTEGER)),
      Map.entry("rfm.f", new Field("r.f_score", Kind.INTEGER)),
      Map.entry("rfm.m", new Field("r.m_score", Kind.INTEGER)),
      Map.entry("rfm.segment", new Field("r.segment", Kind.TEXT)),
      Map.entry("rfm.recencyDays", new Field("r.recency_days", Kind.INTEGER)),
      Map.entry("rfm.frequency", new Field("r.frequency", Kind.INTEGER)),
      Map.entry("rfm.monetary", new Field("r.monetary", Kind.DECIMAL)),
      Map.entry("clv", new Field("r.clv", Kind.DECIMAL)),
      Map.entry("lifecycle.stage", new Field("l.stage", Kind.TEXT)));

  static final Set<String> CONSENT_CHANNELS = Set.of("email", "sms", "push", "wechat");
  private static final Map<String, String> COMPARISONS = Map.of("eq", "=", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=");
  private static final int MAX_DEPTH = 8;
  private static final int MAX_CONDITIONS = 100;
  private static final String PAID = "o.status = 'PAID' AND o.refunded_amount < o.amount";

  /** FROM clause the condition is written against. */
  static final String FROM = " FROM customer c LEFT JOIN customer_rfm r ON r.customer_id = c.id"
      + " LEFT JOIN customer_lifecycle l ON l.customer_id = c.id WHERE c.merged_to IS NULL AND ";

  record Compiled(String condition, MapSqlParameterSource parameters) {}

  private final Clock clock;

  SegmentCompiler(Clock clock) {
    this.clock = clock;
  }

  Compiled compile(JsonNode definition) {
    Context context = new Context(clock.instant());
    String sql = condition(definition, "definition", 0, context);
    if (!context.errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid segment definition",
          context.errors.size() + " problem(s) in the definition", List.copyOf(context.errors));
    }
    return new Compiled(sql, context.parameters);
  }

  private static final class Context {
    final Instant now;
    final MapSqlParameterSource parameters = new MapSqlParameterSource();
    final List<FieldError> errors = new ArrayList<>();
    int conditions;

    Context(Instant now) {
      this.now = now;
    }

    String bind(Object value) {
      String name = "p" + parameters.getValues().size();
      parameters.addValue(name, value);
      return ":" + name;
    }

    String fail(String path, String reason) {
      errors.add(new FieldError(path, reason));
      return "FALSE";
    }
  }

  private String condition(JsonNode node, String path, int depth, Context context) {
    if (node == null || !node.isObject()) {
      return context.fail(path, "must be a condition object");
    }
    if (depth > MAX_DEPTH) {
      return context.fail(path, "nests deeper than " + MAX_DEPTH + " levels");
    }
    if (++context.conditions > MAX_CONDITIONS) {
      return context.fail(path, "the definition has more than " + MAX_CONDITIONS + " conditions");
    }
    if (node.has("all") || node.has("any")) {
      String key = node.has("all") ? "all" : "any";
      JsonNode items = node.get(key);
      if (!items.isArray() || items.isEmpty()) {
        return context.fail(path + "." + key, "must be a non-empty array of conditions");
      }
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        parts.add(condition(items.get(i), path + "." + key + "[" + i + "]", depth + 1, context));
      }
      return "(" + String.join(key.equals("all") ? " AND " : " OR ", parts) + ")";
    }
    if (node.has("not")) {
      return "NOT " + condition(node.get("not"), path + ".not", depth + 1, context);
    }
    if (node.has("ordered")) {
      return ordered(node.get("ordered"), path + ".ordered", context);
    }
    if (node.has("spent")) {
      return spent(node.get("spent"), path + ".spent", context);
    }
    if (node.has("event")) {
      return event(node.get("event"), path + ".event", context);
    }
    if (node.has("field")) {
      return field(node, path, context);
    }
    return context.fail(path, "must have one of all, any, not, field, ordered, spent, event");
  }

  private String field(JsonNode node, String path, Context context) {
    String name = node.path("field").asText();
    String op = node.path("op").asText("eq");
    JsonNode value = node.get("value");
    if (name.equals("tag")) {
      if (!op.equals("has") && !op.equals("notHas")) {
        return context.fail(path + ".op", "a tag condition takes op has or notHas");
      }
      if (value == null || !value.isTextual()) {
        return context.fail(path + ".value", "must be the tag");
      }
      String exists = "EXISTS (SELECT 1 FROM customer_tag t WHERE t.customer_id = c.id AND t.tag = " + context.bind(value.asText()) + ")";
      return op.equals("has") ? exists : "NOT " + exists;
    }
    if (name.startsWith("consent.")) {
      String channel = name.substring("consent.".length());
      if (!CONSENT_CHANNELS.contains(channel)) {
        return context.fail(path + ".field", "consent is per channel: consent.email, consent.sms, consent.push, consent.wechat");
      }
      if (!op.equals("eq") || value == null || !value.isBoolean()) {
        return context.fail(path + ".value", "a consent condition is op eq with value true or false");
      }
      String granted = "EXISTS (SELECT 1 FROM consent g WHERE g.customer_id = c.id AND g.channel = "
          + context.bind(channel.toUpperCase(Locale.ROOT)) + " AND g.granted)";
      return value.booleanValue() ? granted : "NOT " + granted;
    }
    Field field = FIELDS.get(name);
    if (field == null) {
      return context.fail(path + ".field", "unknown field '" + name + "'; known: tag, consent.<channel>, " + String.join(", ",
          new java.util.TreeSet<>(FIELDS.keySet())));
    }
    switch (op) {
      case "in", "notIn" -> {
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > 1000) {
          return context.fail(path + ".value", "must be an array of 1 to 1000 values");
        }
        List<Object> values = new ArrayList<>();
        Iterator<JsonNode> items = value.elements();
        int i = 0;
        while (items.hasNext()) {
          values.add(typed(items.next(), field.kind(), path + ".value[" + i++ + "]", context));
        }
        String in = field.column() + " IN (" + context.bind(values) + ")";
        return op.equals("in") ? in : "(" + field.column() + " IS NULL OR NOT " + in + ")";
      }
      case "ne" -> {
        return "NOT (" + field.column() + " <=> " + context.bind(typed(value, field.kind(), path + ".value", context)) + ")";
      }
      default -> {
        String comparison = COMPARISONS.get(op);
        if (comparison == null) {
          return context.fail(path + ".op", "must be one of eq, ne, in, notIn, gt, gte, lt, lte");
        }
        if (field.kind() == Kind.TEXT && !op.equals("eq")) {
          return context.fail(path + ".op", "'" + name + "' is text: use eq, ne, in or notIn");
        }
        return field.column() + " " + comparison + " " + context.bind(typed(value, field.kind(), path + ".value", context));
      }
    }
  }

  private Object typed(JsonNode value, Kind kind, String path, Context context) {
    if (value == null || value.isNull()) {
      context.fail(path, "is required");
      return null;
    }
    return switch (kind) {
      case TEXT -> {
        if (!value.isTextual() || value.asText().length() > 64) {
          context.fail(path, "must be a text of at most 64 characters");
        }
        yield value.asText();
      }
      case INTEGER -> {
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
          context.fail(path, "must be a whole number");
        }
        yield value.asInt();
      }
      case DECIMAL -> decimal(value, path, context);
    };
  }

  private BigDecimal decimal(JsonNode value, String path, Context context) {
    try {
      return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    } catch (NumberFormatException e) {
      context.fail(path, "must be a decimal number such as \"500.00\"");
      return BigDecimal.ZERO;
    }
  }

  private Instant since(JsonNode node, String path, Context context) {
    JsonNode days = node.get("withinDays");
    if (days == null || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > 3650) {
      context.fail(path + ".withinDays", "must be a whole number of days from 1 to 3650");
      return context.now;
    }
    return context.now.minus(Duration.ofDays(days.asInt()));
  }

  private String ordered(JsonNode node, String path, Context context) {
    if (node == null || !node.isObject()) {
      return context.fail(path, "must be {\"category\": ..., \"withinDays\": N}");
    }
    Instant since = since(node, path, context);
    StringBuilder sql = new StringBuilder("EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = c.id AND ")
        .append(PAID).append(" AND o.placed_at >= ").append(context.bind(Timestamp.from(since)));
    JsonNode category = node.get("category");
    if (category != null && !category.isNull()) {
      if (!category.isTextual() || category.asText().isBlank() || category.asText().length() > 64) {
        return context.fail(path + ".category", "must be a category name");
      }
      // JSON_SEARCH matches with LIKE: escape its wildcards so the category is matched literally.
      String literal = category.asText().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      sql.append(" AND JSON_SEARCH(o.line_items, 'one', ").append(context.bind(literal)).append(", NULL, '$[*].category') IS NOT NULL");
    }
    return sql.append(")").toString();
  }

  private String spent(JsonNode node, String path, Context context) {
    if (node == null || !node.isObject() || !node.has("atLeast")) {
      return context.fail(path, "must be {\"atLeast\": \"500.00\", \"withinDays\": N}");
    }
    Instant since = since(node, path, context);
    BigDecimal atLeast = decimal(node.get("atLeast"), path + ".atLeast", context);
    return "(SELECT COALESCE(SUM(o.amount - o.refunded_amount), 0) FROM customer_order o WHERE o.customer_id = c.id AND "
        + PAID + " AND o.placed_at >= " + context.bind(Timestamp.from(since)) + ") >= " + context.bind(atLeast);
  }

  private String event(JsonNode node, String path, Context context) {
    if (node == null || !node.isObject() || !node.path("type").isTextual()) {
      return context.fail(path, "must be {\"type\": \"review.posted\", \"withinDays\": N}");
    }
    Instant since = since(node, path, context);
    return "EXISTS (SELECT 1 FROM event e WHERE e.customer_id = c.id AND e.type = " + context.bind(node.get("type").asText())
        + " AND e.occurred_at >= " + context.bind(Timestamp.from(since)) + ")";
  }
}
