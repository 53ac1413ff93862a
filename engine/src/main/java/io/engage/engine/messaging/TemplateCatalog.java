package io.engage.engine.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.connectors.template.LiquidTemplateRenderer;
import io.engage.connectors.template.MessageTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The message templates shipped with Engage, one JSON file per template with a variant per locale.
 * Each is validated at start-up, so a broken template stops the engine instead of a send.
 */
@Component
class TemplateCatalog {

  static final String FALLBACK_LOCALE = "zh-CN";
  private static final String LOCATION = "classpath*:io/engage/engine/messaging/templates/*.json";

  private final Map<String, Map<String, MessageTemplate>> templates = new HashMap<>();

  record TemplateFile(String key, Map<String, Variant> variants) {}

  record Variant(String subject, String text, String html) {}

  TemplateCatalog(ObjectMapper json, LiquidTemplateRenderer renderer) {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          TemplateFile file = json.readValue(in, TemplateFile.class);
          Map<String, MessageTemplate> byLocale = new HashMap<>();
          file.variants().forEach((locale, v) -> {
            MessageTemplate template = new MessageTemplate(file.key(), locale, v.subject(), v.text(), v.html());
            renderer.validate(template);
            byLocale.put(locale, template);
          });
          templates.put(file.key(), byLocale);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the message templates", e);
    }
  }

  /** The variant for the locale, else the fallback locale's. */
  Optional<MessageTemplate> find(String key, String locale) {
    Map<String, MessageTemplate> byLocale = templates.get(key);
    if (byLocale == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byLocale.getOrDefault(locale, byLocale.get(FALLBACK_LOCALE)));
  }
}
