package io.engage.engine.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.engage.engine.platform.web.FieldError;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks one incoming event against its type and returns it normalised (defaults filled, amounts as
 * two-decimal strings), or every field at fault.
 */
@Component
class EventValidator {

  static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]+");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern REFERRAL_CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
  private static final Set<String> LOCALES = Set.of("zh-CN", "en");
  private static final Set<String> CHANNELS = Set.of("EMAIL", "SMS", "PUSH", "WECHAT");
  private static final Set<String> ORDER_CHANNELS = Set.of("web", "app", "store", "mini-program");
  private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");
  private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);
  private static final int MAX_LINES = 500;
  private static final Set<String> SEVERITIES = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
  private static final Pattern COMPLAINT_CHANNEL = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");

  record Result(ValidEvent event, List<FieldError> errors) {
    boolean valid() {
      return errors.isEmpty();
    }
  }

  record ValidEvent(String eventId, String customerId, EventType type, Instant occurredAt, ObjectNode data) {}

  Result validate(JsonNode item) {
    if (item == null || !item.isObject()) {
      return new Result(null, List.of(new FieldError("", "an event must be a JSON object, not "
          + (item == null ? "nothing" : JsonFields.kind(item)))));
    }
    JsonFields fields = JsonFields.of(item, "");
    String eventId = fields.text("eventId", true, 128, ID, "letters, digits and . _ : @ -");
    String customerId = fields.text("customerId", true, 64, ID, "letters, digits and . _ : @ -");
    String typeName = fields.text("type", true, 64, null, null);
    EventType type = null;
    if (typeName != null) {
      type = EventType.fromWireName(typeName).orElse(null);
      if (type == null) {
        fields.reject("type", "unknown event type '" + typeName + "'; known: " + java.util.Arrays.stream(EventType.values())
            .filter(known -> !known.internal())
            .map(EventType::wireName).collect(java.util.stream.Collectors.joining(", ")));
      } else if (type.internal()) {
        fields.reject("type", "'" + typeName + "' is produced by the engine itself and cannot be sent");
        type = null;
      }
    }
    Instant occurredAt = fields.instant("occurredAt", true);
    if (occurredAt != null && occurredAt.isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
      fields.reject("occurredAt", "is more than a day in the future");
    }
    ObjectNode data = null;
    JsonNode rawData = item.get("data");
    if (rawData == null || rawData.isNull()) {
      fields.reject("data", "is required");
    } else if (!rawData.isObject()) {
      fields.reject("data", "must be an object, not " + JsonFields.kind(rawData));
    } else if (type != null) {
      JsonFields dataFields = fields.nested(rawData, "data");
      data = switch (type) {
        case CUSTOMER_REGISTERED -> customerRegistered(dataFields);
        case ORDER_PLACED -> orderPlaced(dataFields);
        case ORDER_REFUNDED -> orderRefunded(dataFields);
        case REVIEW_POSTED -> activity(dataFields, "reviewId");
        case CONTENT_SHARED -> activity(dataFields, "shareId");
        case COMPLAINT_OPENED -> complaintOpened(dataFields);
        case COMPLAINT_RESOLVED -> complaintResolved(dataFields);
        case SURVEY_ANSWERED -> surveyAnswered(dataFields);
        case LIFECYCLE_CHANGED -> throw new IllegalStateException("internal types are rejected above");
      };
    }
    if (!fields.errors().isEmpty()) {
      return new Result(null, List.copyOf(fields.errors()));
    }
    return new Result(new ValidEvent(eventId, customerId, type, occurredAt, data), List.of());
  }

  private ObjectNode customerRegistered(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("name", f.text("name", false, 200, null, null));
    out.put("email", f.text("email", false, 254, EMAIL, "an email address"));
    out.put("phone", f.text("phone", false, 16, PHONE, "a phone number of 6-15 digits, optionally with +"));
    out.put("address", f.text("address", false, 500, null, null));
    LocalDate birthday = f.date("birthday");
    if (birthday != null && birthday.isAfter(LocalDate.now())) {
      f.reject("birthday", "is in the future");
    }
    out.put("birthday", birthday == null ? null : birthday.toString());
    String zone = f.text("timeZone", false, 64, null, null);
    if (zone != null) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        f.reject("timeZone", "must be an IANA time zone such as Asia/Shanghai");
      }
    }
    out.put("timeZone", zone == null ? "Asia/Shanghai" : zone);
    String locale = f.text("locale", false, 16, null, null);
    if (locale != null && !LOCALES.contains(locale)) {
      f.reject("locale", "must be one of " + LOCALES);
    }
    out.put("locale", locale == null ? "zh-CN" : locale);
    String channel = f.text("preferredChannel", false, 16, null, null);
    if (channel != null && !CHANNELS.contains(channel.toUpperCase())) {
      f.reject("preferredChannel", "must be one of email, sms, push, wechat");
    }
    out.put("preferredChannel", channel == null ? "EMAIL" : channel.toUpperCase());
    out.put("referralCode", f.text("referralCode", false, 32, REFERRAL_CODE, "4-32 letters or digits"));
    out.put("referredBy", f.text("referredBy", false, 32, REFERRAL_CODE, "4-32 letters or digits"));
    out.put("emailVerified", f.bool("emailVerified"));
    out.put("phoneVerified", f.bool("phoneVerified"));
    ObjectNode consents = out.putObject("consents");
    JsonNode rawConsents = f.raw("consents");
    if (rawConsents != null && !rawConsents.isNull()) {
      if (!rawConsents.isObject()) {
        f.reject("consents", "must be an object such as {\"email\": true, \"sms\": false}");
      } else {
        rawConsents.fields().forEachRemaining(entry -> {
          String consentChannel = entry.getKey().toUpperCase();
          if (!CHANNELS.contains(consentChannel)) {
            f.reject("consents." + entry.getKey(), "is not a channel (email, sms, push, wechat)");
          } else if (!entry.getValue().isBoolean()) {
            f.reject("consents." + entry.getKey(), "must be true or false");
          } else {
            consents.put(consentChannel, entry.getValue().booleanValue());
          }
        });
      }
    }
    return out;
  }

  /** A review (with its optional order and 1-5 rating) or a share, identified by its own id. */
  private ObjectNode activity(JsonFields f, String idField) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("activityId", f.text(idField, true, 64, ID, "letters, digits and . _ : @ -"));
    out.put("orderId", f.text("orderId", false, 64, ID, "letters, digits and . _ : @ -"));
    Integer rating = f.integer("rating", false, 1, 5);
    out.put("rating", rating);
    return out;
  }

  private ObjectNode orderRefunded(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("orderId", f.text("orderId", true, 64, ID, "letters, digits and . _ : @ -"));
    BigDecimal amount = f.decimal("amount", true, new BigDecimal("0.01"), MAX_AMOUNT, 2);
    out.put("amount", amount == null ? null : amount.toPlainString());
    out.put("reason", f.text("reason", false, 200, null, null));
    return out;
  }

  private ObjectNode orderPlaced(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("orderId", f.text("orderId", true, 64, ID, "letters, digits and . _ : @ -"));
    BigDecimal amount = f.decimal("amount", true, new BigDecimal("0.01"), MAX_AMOUNT, 2);
    out.put("amount", amount == null ? null : amount.toPlainString());
    String currency = f.text("currency", false, 3, CURRENCY, "a three-letter ISO 4217 code");
    out.put("currency", currency == null ? "CNY" : currency);
    String channel = f.text("channel", false, 16, null, null);
    if (channel != null && !ORDER_CHANNELS.contains(channel)) {
      f.reject("channel", "must be one of " + ORDER_CHANNELS);
    }
    out.put("channel", channel == null ? "web" : channel);
    ArrayNode lines = out.putArray("lines");
    JsonNode rawLines = f.raw("lines");
    if (rawLines != null && !rawLines.isNull()) {
      if (!rawLines.isArray()) {
        f.reject("lines", "must be an array");
      } else if (rawLines.size() > MAX_LINES) {
        f.reject("lines", "must have at most " + MAX_LINES + " lines");
      } else {
        for (int i = 0; i < rawLines.size(); i++) {
          JsonNode rawLine = rawLines.get(i);
          if (!rawLine.isObject()) {
            f.reject("lines[" + i + "]", "must be an object");
            continue;
          }
          JsonFields line = f.nested(rawLine, "lines[" + i + "]");
          ObjectNode outLine = lines.addObject();
          outLine.put("sku", line.text("sku", true, 64, null, null));
          outLine.put("category", line.text("category", true, 64, null, null));
          BigDecimal lineAmount = line.decimal("amount", true, BigDecimal.ZERO, MAX_AMOUNT, 2);
          outLine.put("amount", lineAmount == null ? null : lineAmount.toPlainString());
          Integer quantity = line.integer("quantity", false, 1, 100_000);
          outLine.put("quantity", quantity == null ? 1 : quantity);
        }
      }
    }
    return out;
  }

  /** A complaint: its own id (the journey's correlation key), severity, intake channel and text. */
  private ObjectNode complaintOpened(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("complaintId", f.text("complaintId", true, 64, ID, "letters, digits and . _ : @ -"));
    String severity = f.text("severity", true, 16, null, null);
    if (severity != null && !SEVERITIES.contains(severity.toUpperCase())) {
      f.reject("severity", "must be one of LOW, MEDIUM, HIGH, CRITICAL");
    }
    out.put("severity", severity == null ? null : severity.toUpperCase());
    String channel = f.text("channel", true, 32, COMPLAINT_CHANNEL, "a channel name such as APP, PHONE, EMAIL, WECHAT or WEIBO");
    out.put("channel", channel == null ? null : channel.toUpperCase());
    out.put("description", f.text("description", false, 4000, null, null));
    return out;
  }

  private ObjectNode complaintResolved(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("complaintId", f.text("complaintId", true, 64, ID, "letters, digits and . _ : @ -"));
    out.put("resolution", f.text("resolution", false, 2000, null, null));
    return out;
  }

  /** A customer satisfaction (CSAT) answer: 1 (very unhappy) to 5 (very happy). */
  private ObjectNode surveyAnswered(JsonFields f) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("complaintId", f.text("complaintId", true, 64, ID, "letters, digits and . _ : @ -"));
    Integer score = f.integer("score", true, 1, 5);
    out.put("score", score);
    out.put("comment", f.text("comment", false, 4000, null, null));
    return out;
  }
}
