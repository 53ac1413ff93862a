package io.engage.engine.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A message template as stored: its variants, the locale to fall back to, and who changed it last. */
record StoredTemplate(String key, String description, String fallbackLocale, int version, String updatedBy,
    Instant updatedAt, List<TemplateVariant> variants) {

  /**
   * The variant for the customer's locale, else the fallback locale's; within a locale the
   * channel's own variant wins over the one for any channel.
   */
  Optional<TemplateVariant> variantFor(String locale, String channel) {
    return find(locale, channel).or(() -> find(fallbackLocale, channel));
  }

  private Optional<TemplateVariant> find(String locale, String channel) {
    Optional<TemplateVariant> own = variants.stream()
        .filter(v -> v.locale().equals(locale) && v.channel().equalsIgnoreCase(channel)).findFirst();
    return own.or(() -> variants.stream()
        .filter(v -> v.locale().equals(locale) && v.channel().equals(TemplateVariant.ANY)).findFirst());
  }
}
