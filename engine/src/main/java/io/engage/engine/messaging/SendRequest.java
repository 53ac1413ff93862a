package io.engage.engine.messaging;

import java.util.Map;

/**
 * What a journey step or another feature asks to send to one customer.
 *
 * @param idempotencyKey one message per key, however often the request is repeated
 * @param channel {@code preferred}, {@code email}, {@code sms}, {@code push} or {@code wechat}
 * @param category {@code marketing} (consent, frequency cap and quiet hours apply) or
 *     {@code transactional} (only an address is needed)
 * @param vars offered to the template as {@code vars.*}; plain values only (strings, numbers,
 *     booleans, lists and maps of them)
 * @param journey the journey (BPMN process id) of a journey step, with its instance and element;
 *     null for other callers
 */
public record SendRequest(
    String idempotencyKey, String customerId, String channel, String template, String category,
    Map<String, Object> vars, String journey, Long processInstanceKey, String elementId) {

  public SendRequest {
    vars = vars == null ? Map.of() : vars;
  }

  /** A message that is not a journey step (an integrator's, another feature's). */
  public static SendRequest of(String idempotencyKey, String customerId, String channel, String template,
      String category, Map<String, Object> vars) {
    return new SendRequest(idempotencyKey, customerId, channel, template, category, vars, null, null, null);
  }

  boolean fromJourney() {
    return journey != null;
  }
}
