package io.engage.engine.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The templates Engage ships (one JSON file each, zh-CN and en), stored in a new database at
 * start-up. A key the database already holds is left alone, so edits made through the API stay.
 * Each is validated like an edit: a broken shipped template stops the engine, not a send.
 */
@Component
class ShippedTemplates {

  private static final Logger log = LoggerFactory.getLogger(ShippedTemplates.class);
  private static final String LOCATION = "classpath*:io/engage/engine/messaging/templates/*.json";

  record TemplateFile(String key, String description, String fallbackLocale, List<TemplateVariant> variants) {}

  ShippedTemplates(TemplateStore store, ObjectMapper json) {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
        try (InputStream in = resource.getInputStream()) {
          TemplateFile file = json.readValue(in, TemplateFile.class);
          if (store.seed(file.key(), new TemplateStore.TemplateDraft(file.description(), file.fallbackLocale(), null,
              file.variants()))) {
            log.info("Stored the shipped template {}", file.key());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the shipped message templates", e);
    }
  }
}
