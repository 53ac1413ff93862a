package io.engage.connectors;

import java.util.Map;

/**
 * One rendered message for one recipient. The idempotency key travels to the provider where the
 * protocol allows it (the email Message-ID, the HTTP SMS gateway's client reference, WeChat's
 * {@code client_msg_id}, JPush's {@code cid}, the APNs id), so a repeat can be recognised
 * downstream too.
 *
 * <p>What each channel reads:
 * <ul>
 *   <li>EMAIL: recipient = address; subject, textBody, htmlBody (optional), headers.</li>
 *   <li>SMS: recipient = phone number (E.164 or national digits); textBody.</li>
 *   <li>PUSH: recipient = device token (APNs), registration token (FCM) or registration id (JPush);
 *       subject = title, textBody = body, data = custom key/values, link = deep link (optional).</li>
 *   <li>WECHAT: recipient = the customer's openid; templateId = the Official Account's template id;
 *       data = template fields (first, keyword1, ..., remark); link = the page opened on tap.</li>
 * </ul>
 */
public record OutboundMessage(
    String idempotencyKey,
    Channel channel,
    String recipient,
    String subject,
    String textBody,
    String htmlBody,
    Map<String, String> headers,
    Map<String, String> data,
    String link,
    String templateId) {

  public OutboundMessage {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    data = data == null ? Map.of() : Map.copyOf(data);
  }

  /** The original shape (email and SMS), kept for callers that predate push and WeChat. */
  public OutboundMessage(String idempotencyKey, Channel channel, String recipient, String subject, String textBody,
      String htmlBody, Map<String, String> headers) {
    this(idempotencyKey, channel, recipient, subject, textBody, htmlBody, headers, Map.of(), null, null);
  }

  public static OutboundMessage email(String key, String to, String subject, String text, String html) {
    return new OutboundMessage(key, Channel.EMAIL, to, subject, text, html, Map.of());
  }

  public static OutboundMessage sms(String key, String to, String text) {
    return new OutboundMessage(key, Channel.SMS, to, null, text, null, Map.of());
  }

  public static OutboundMessage push(String key, String token, String title, String body, Map<String, String> data,
      String link) {
    return new OutboundMessage(key, Channel.PUSH, token, title, body, null, Map.of(), data, link, null);
  }

  public static OutboundMessage wechat(String key, String openId, String templateId, Map<String, String> fields,
      String link) {
    return new OutboundMessage(key, Channel.WECHAT, openId, null, null, null, Map.of(), fields, link, templateId);
  }

  /** The same message with its headers replaced (email tracking adds List-Unsubscribe this way). */
  public OutboundMessage withHeadersAndHtml(Map<String, String> newHeaders, String newHtml) {
    return new OutboundMessage(idempotencyKey, channel, recipient, subject, textBody, newHtml, newHeaders, data, link,
        templateId);
  }
}
