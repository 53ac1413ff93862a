package io.engage.engine.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.connectors.template.LiquidTemplateRenderer;
import io.engage.connectors.template.MessageTemplate;
import io.engage.connectors.template.TemplateSyntaxException;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Message templates in the database, editable through the API. A template is checked with the
 * Liquid renderer before it is stored, so a syntax error is refused with its part, line and column
 * instead of failing a customer's message later.
 */
@Component
class TemplateStore {

  static final Set<String> CHANNELS = Set.of(TemplateVariant.ANY, "EMAIL", "SMS", "PUSH", "WECHAT");
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");
  private static final int MAX_PART = 100_000;
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

  private final TemplateMapper mapper;
  private final LiquidTemplateRenderer renderer;
  private final ObjectMapper json;
  private final MessagingProperties properties;
  private final Clock clock;

  TemplateStore(TemplateMapper mapper, LiquidTemplateRenderer renderer, ObjectMapper json,
      MessagingProperties properties, Clock clock) {
    this.mapper = mapper;
    this.renderer = renderer;
    this.json = json;
    this.properties = properties;
    this.clock = clock;
  }

  /** What an editor sends; {@code version}, when given, must be the stored one (no lost updates). */
  record TemplateDraft(String description, String fallbackLocale, Integer version, List<TemplateVariant> variants) {}

  List<StoredTemplate> list() {
    return mapper.findAll().stream().map(this::load).toList();
  }

  Optional<StoredTemplate> find(String key) {
    TemplateMapper.TemplateRow row = mapper.find(key);
    return row == null ? Optional.empty() : Optional.of(load(row));
  }

  StoredTemplate get(String key) {
    return find(key).orElseThrow(() -> ApiProblemException.notFound("Template " + key));
  }

  @Transactional
  StoredTemplate create(String key, TemplateDraft draft, String user) {
    checkKey(key);
    List<TemplateVariant> variants = validate(draft);
    TemplateMapper.TemplateRow row = new TemplateMapper.TemplateRow(key, draft.description(), fallback(draft), 1,
        user, clock.instant());
    if (mapper.insertIfAbsent(row) == 0) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Template exists",
          "Template " + key + " exists; change it with PUT", List.of(new FieldError("key", "already exists")));
    }
    variants.forEach(variant -> mapper.insertVariant(toRow(key, variant)));
    return get(key);
  }

  @Transactional
  StoredTemplate update(String key, TemplateDraft draft, String user) {
    TemplateMapper.TemplateRow current = mapper.findForUpdate(key);
    if (current == null) {
      throw ApiProblemException.notFound("Template " + key);
    }
    if (draft.version() != null && draft.version() != current.version()) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Stale version",
          "Template " + key + " is at version " + current.version() + ", not " + draft.version(),
          List.of(new FieldError("version", "is " + current.version() + " now")));
    }
    List<TemplateVariant> variants = validate(draft);
    mapper.update(new TemplateMapper.TemplateRow(key, draft.description(), fallback(draft), current.version() + 1,
        user, clock.instant()));
    mapper.deleteVariants(key);
    variants.forEach(variant -> mapper.insertVariant(toRow(key, variant)));
    return get(key);
  }

  @Transactional
  void delete(String key) {
    mapper.deleteVariants(key);
    if (mapper.delete(key) == 0) {
      throw ApiProblemException.notFound("Template " + key);
    }
  }

  /** Stores a shipped template unless the database has one of that key (edits are never undone). */
  @Transactional
  boolean seed(String key, TemplateDraft draft) {
    List<TemplateVariant> variants = validate(draft);
    TemplateMapper.TemplateRow row = new TemplateMapper.TemplateRow(key, draft.description(), fallback(draft), 1,
        "shipped", clock.instant());
    if (mapper.insertIfAbsent(row) == 0) {
      return false;
    }
    variants.forEach(variant -> mapper.insertVariant(toRow(key, variant)));
    return true;
  }

  private String fallback(TemplateDraft draft) {
    return draft.fallbackLocale() == null ? properties.locales().getFirst() : draft.fallbackLocale();
  }

  private static void checkKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw unprocessable(List.of(new FieldError("key", "must be 1-64 lower-case letters, digits or dashes")));
    }
  }

  /** Every problem at once, so an editor can fix them in one go; syntax errors carry line and column. */
  private List<TemplateVariant> validate(TemplateDraft draft) {
    List<FieldError> errors = new ArrayList<>();
    String fallback = fallback(draft);
    if (!properties.locales().contains(fallback)) {
      errors.add(new FieldError("fallbackLocale", "must be one of " + properties.locales()));
    }
    List<TemplateVariant> variants = draft.variants() == null ? List.of() : draft.variants();
    if (variants.isEmpty()) {
      errors.add(new FieldError("variants", "needs at least one variant"));
    }
    Set<String> seen = new HashSet<>();
    List<TemplateVariant> valid = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      TemplateVariant variant = variants.get(i);
      String at = "variants[" + i + "]";
      if (variant == null) {
        errors.add(new FieldError(at, "is missing"));
        continue;
      }
      int before = errors.size();
      if (!properties.locales().contains(variant.locale())) {
        errors.add(new FieldError(at + ".locale", "must be one of " + properties.locales()));
      }
      if (!CHANNELS.contains(variant.channel())) {
        errors.add(new FieldError(at + ".channel", "must be one of email, sms, push, wechat (or empty for any)"));
      }
      if (!seen.add(variant.locale() + "/" + variant.channel())) {
        errors.add(new FieldError(at, "a second variant for " + variant.locale() + " and channel "
            + variant.channel().toLowerCase()));
      }
      if (blank(variant.text()) && variant.fields().isEmpty()) {
        errors.add(new FieldError(at + ".text", "is required"));
      }
      checkSize(errors, at + ".subject", variant.subject());
      checkSize(errors, at + ".text", variant.text());
      checkSize(errors, at + ".html", variant.html());
      checkSyntax(errors, at, variant);
      if (errors.size() == before) {
        valid.add(variant);
      }
    }
    if (!errors.isEmpty() || valid.stream().noneMatch(v -> v.locale().equals(fallback))) {
      if (errors.isEmpty()) {
        errors.add(new FieldError("variants", "needs a variant in the fallback locale " + fallback));
      }
      throw unprocessable(errors);
    }
    return valid;
  }

  private void checkSyntax(List<FieldError> errors, String at, TemplateVariant variant) {
    try {
      renderer.validate(new MessageTemplate("draft", variant.locale(), variant.subject(), variant.text(),
          variant.html()));
    } catch (TemplateSyntaxException e) {
      errors.add(new FieldError(at + "." + e.part(), e.getMessage(), e.line(), e.column()));
    }
    variant.fields().forEach((name, source) -> {
      if (source == null || source.isBlank()) {
        errors.add(new FieldError(at + ".fields." + name, "is empty"));
        return;
      }
      if (!FIELD_NAME.matcher(name).matches()) {
        errors.add(new FieldError(at + ".fields", "field name '" + name + "' must be a letter then letters, digits, _"));
        return;
      }
      try {
        renderer.validate(new MessageTemplate("draft", variant.locale(), null, source, null));
      } catch (TemplateSyntaxException e) {
        errors.add(new FieldError(at + ".fields." + name, e.getMessage().replaceFirst("^text ", ""), e.line(),
            e.column()));
      }
    });
  }

  private static void checkSize(List<FieldError> errors, String field, String value) {
    if (value != null && value.length() > MAX_PART) {
      errors.add(new FieldError(field, "is longer than " + MAX_PART + " characters"));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static ApiProblemException unprocessable(List<FieldError> errors) {
    return new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid template",
        "The template was not saved: " + errors.getFirst().field() + " " + errors.getFirst().reason(), errors);
  }

  private StoredTemplate load(TemplateMapper.TemplateRow row) {
    List<TemplateVariant> variants = mapper.findVariants(row.templateKey()).stream()
        .map(v -> new TemplateVariant(v.locale(), v.channel(), v.subject(), v.textBody(), v.htmlBody(),
            readFields(v.fields())))
        .toList();
    return new StoredTemplate(row.templateKey(), row.description(), row.fallbackLocale(), row.version(),
        row.updatedBy(), row.updatedAt(), variants);
  }

  private TemplateMapper.VariantRow toRow(String key, TemplateVariant variant) {
    return new TemplateMapper.VariantRow(key, variant.locale(), variant.channel(), variant.subject(), variant.text(),
        variant.html(), variant.fields().isEmpty() ? null : writeFields(variant.fields()));
  }

  private Map<String, String> readFields(String stored) {
    if (stored == null) {
      return Map.of();
    }
    try {
      return new LinkedHashMap<>(json.readValue(stored, FIELDS));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored template fields are not JSON", e);
    }
  }

  private String writeFields(Map<String, String> fields) {
    try {
      return json.writeValueAsString(new LinkedHashMap<>(fields));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
