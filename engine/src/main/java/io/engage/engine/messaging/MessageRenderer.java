package io.engage.engine.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.connectors.template.LiquidTemplateRenderer;
import io.engage.connectors.template.MessageTemplate;
import io.engage.connectors.template.RenderedMessage;
import io.engage.engine.customer.Customer;
import io.engage.engine.event.Events;
import io.engage.engine.event.StoredEvent;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Renders a template variant for one recipient. Templates see plain values only:
 * {@code customer.*} (id, name, tier, locale, timeZone, referralCode, birthday, preferredChannel),
 * {@code vars.*} (the journey's scalar variables or the caller's vars), {@code event.*} (the event
 * that started the journey step, when {@code vars.eventId} names one: id, type, occurredAt, data),
 * {@code site.*} (name, url, adminUrl) and {@code links.*} (unsubscribe, for marketing email).
 */
@Component
class MessageRenderer {

  private final LiquidTemplateRenderer liquid;
  private final Events events;
  private final ObjectMapper json;
  private final MessagingProperties properties;

  MessageRenderer(LiquidTemplateRenderer liquid, Events events, ObjectMapper json, MessagingProperties properties) {
    this.liquid = liquid;
    this.events = events;
    this.json = json;
    this.properties = properties;
  }

  /** The rendered parts; {@code fields} are WeChat template fields. */
  record Rendered(String subject, String text, String html, Map<String, String> fields) {}

  Rendered render(String key, TemplateVariant variant, Map<String, Object> model) {
    RenderedMessage parts = liquid.render(new MessageTemplate(key, variant.locale(), variant.subject(), variant.text(),
        variant.html()), model);
    Map<String, String> fields = new LinkedHashMap<>();
    variant.fields().forEach((name, source) ->
        fields.put(name, liquid.render(new MessageTemplate(key, variant.locale(), null, source, null), model).text()));
    return new Rendered(parts.subject(), parts.text(), parts.html(), fields);
  }

  Map<String, Object> forCustomer(Customer customer, Map<String, Object> vars, Map<String, Object> links) {
    ZoneId zone = zone(customer.timeZone());
    Map<String, Object> c = new HashMap<>();
    c.put("id", customer.id());
    c.put("name", customer.name());
    c.put("tier", customer.tier());
    c.put("locale", customer.locale());
    c.put("timeZone", customer.timeZone());
    c.put("referralCode", customer.referralCode());
    c.put("birthday", customer.birthday());
    c.put("preferredChannel", customer.preferredChannel() == null ? null : customer.preferredChannel().toLowerCase());
    Map<String, Object> model = base(vars, links);
    model.put("customer", c);
    eventOf(vars, zone).ifPresent(event -> model.put("event", event));
    return model;
  }

  Map<String, Object> forStaff(String role, Map<String, Object> vars) {
    Map<String, Object> model = base(vars, Map.of());
    model.put("staff", Map.of("role", role));
    return model;
  }

  private Map<String, Object> base(Map<String, Object> vars, Map<String, Object> links) {
    Map<String, Object> model = new HashMap<>();
    model.put("vars", vars == null ? Map.of() : vars);
    model.put("links", links);
    MessagingProperties.Site site = properties.site();
    Map<String, Object> siteModel = new HashMap<>();
    siteModel.put("name", site.name());
    siteModel.put("url", stripSlash(site.url().toString()));
    siteModel.put("adminUrl", stripSlash(properties.publicUrl().toString()));
    model.put("site", siteModel);
    return model;
  }

  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> eventOf(Map<String, Object> vars, ZoneId zone) {
    Object eventId = vars == null ? null : vars.get("eventId");
    if (!(eventId instanceof String id) || id.isBlank()) {
      return Optional.empty();
    }
    return events.find(id).map((StoredEvent stored) -> {
      Map<String, Object> event = new HashMap<>();
      event.put("id", stored.eventId());
      event.put("type", stored.type().wireName());
      event.put("occurredAt", stored.occurredAt().atZone(zone));
      event.put("data", json.convertValue(stored.data(), Map.class));
      return event;
    });
  }

  static ZoneId zone(String timeZone) {
    try {
      return timeZone == null ? ZoneOffset.UTC : ZoneId.of(timeZone);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
