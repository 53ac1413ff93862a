package io.engage.engine.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may weigh. Bodies are capped per endpoint class (see {@link EndpointClass}), and
 * JSON bodies are parsed with stream constraints, so no client can make a node read, buffer or
 * parse more than these figures. A refusal is a 413 problem+json naming the property.
 *
 * @param body the byte caps per endpoint class
 * @param json the JSON parser's constraints for request bodies
 */
@ConfigurationProperties("engage.limits")
public record RequestLimits(@DefaultValue Body body, @DefaultValue Json json) {

  /**
   * @param api every endpoint not named below: JSON API calls, the login form
   * @param events {@code POST /api/events} (a batch of up to engage.events.max-batch-size events)
   * @param uploads rule drafts (DRL, decision tables, grids), BPMN deployments and message
   *     templates; also the
   *     multipart file limit (spring.servlet.multipart.* refer to it)
   * @param imports the raw CSV body of {@code POST /api/imports}, streamed to disk
   */
  public record Body(
      @DefaultValue("1MB") DataSize api,
      @DefaultValue("5MB") DataSize events,
      @DefaultValue("10MB") DataSize uploads,
      @DefaultValue("4GB") DataSize imports) {

    long bytesFor(EndpointClass endpoint) {
      return switch (endpoint) {
        case API -> api.toBytes();
        case EVENTS -> events.toBytes();
        case UPLOADS -> uploads.toBytes();
        case IMPORTS -> imports.toBytes();
      };
    }
  }

  /**
   * Jackson's StreamReadConstraints for request bodies (stored, trusted JSON is not affected).
   *
   * @param maxNestingDepth objects and arrays inside each other
   * @param maxStringLength characters of one string value (a DRL draft may have 1,000,000)
   * @param maxNumberLength digits of one number
   * @param maxNameLength characters of one property name
   * @param maxTokenCount tokens (values, names, brackets) in one body: bounds the number of array
   *     items and properties of a body whatever its shape
   */
  public record Json(
      @DefaultValue("64") int maxNestingDepth,
      @DefaultValue("1100000") int maxStringLength,
      @DefaultValue("100") int maxNumberLength,
      @DefaultValue("1000") int maxNameLength,
      @DefaultValue("1000000") long maxTokenCount) {}
}
