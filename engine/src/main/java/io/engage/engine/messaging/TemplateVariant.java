package io.engage.engine.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One locale's (and optionally one channel's) text of a template, in Liquid. {@code channel} is
 * {@link #ANY} for the variant every channel uses unless it has its own; {@code fields} are the
 * WeChat template message's fields (first, keyword1, ..., remark), each itself Liquid.
 */
record TemplateVariant(String locale, String channel, String subject, String text, String html,
    Map<String, String> fields) {

  static final String ANY = "ANY";

  TemplateVariant {
    channel = channel == null || channel.isBlank() ? ANY : channel.toUpperCase();
    // Insertion order kept (editors show fields as written); null values are the validator's to refuse.
    fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
