package io.engage.connectors;

import java.util.Map;

/**
 * One rendered message for one recipient. The idempotency key travels to the provider where the
 * protocol allows it (e.g. the email Message-ID), so a repeat can be recognised downstream too.
 */
public record OutboundMessage(
    String idempotencyKey,
    Channel channel,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    Map<String, String> headers) {

  public OutboundMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
