package io.engage.engine.messaging;

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
    fields = fields == null ? Map.of() : Map.copyOf(fields);
  }
}
