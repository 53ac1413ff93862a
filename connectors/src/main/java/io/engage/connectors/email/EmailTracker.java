package io.engage.connectors.email;

import io.engage.connectors.Channel;
import io.engage.connectors.OutboundMessage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares a rendered email for sending: on marketing mail, the List-Unsubscribe headers of RFC
 * 2369 and RFC 8058 (a mailto and a signed one-click https URL, and {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click}, which Gmail and Yahoo require of bulk senders); on any HTML mail, an
 * open pixel and click-tracking redirects. The engine serves the links and records the events.
 *
 * <p>Links are rewritten when they are absolute http(s) URLs in a quoted {@code href} of an
 * {@code <a>} tag. Left alone: mailto:, tel:, anchors, links already pointing at the tracking base
 * URL (the body's own unsubscribe link) and links marked {@code data-engage-notrack}. The plain-text
 * part is left as it is, so text-only readers see the real URLs.
 */
public final class EmailTracker {

  private static final Pattern ANCHOR = Pattern.compile("<a\\b[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern HREF = Pattern.compile("(\\bhref\\s*=\\s*)([\"'])(.*?)\\2",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

  private final TrackingLinks links;

  public EmailTracker(TrackingLinks links) {
    this.links = links;
  }

  /**
   * The message with tracking added.
   *
   * @param customerId whose message it is (goes into the signed links)
   * @param marketing true for marketing mail: adds List-Unsubscribe
   */
  public OutboundMessage prepare(OutboundMessage message, String customerId, boolean marketing) {
    if (message.channel() != Channel.EMAIL) {
      throw new IllegalArgumentException("only email is tracked this way");
    }
    Map<String, String> headers = new LinkedHashMap<>(message.headers());
    if (marketing) {
      String oneClick = links.unsubscribeUrl(customerId, Channel.EMAIL, message.idempotencyKey());
      String token = oneClick.substring(oneClick.indexOf("?t=") + 3);
      headers.put("List-Unsubscribe", "<mailto:" + links.settings().unsubscribeMailbox() + "?subject=unsubscribe%20"
          + token + ">, <" + oneClick + ">");
      headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    String html = message.htmlBody() == null ? null : track(message.htmlBody(), customerId, message.idempotencyKey());
    return message.withHeadersAndHtml(headers, html);
  }

  /** Click redirects for the links and an open pixel before {@code </body>} (or at the end). */
  String track(String html, String customerId, String messageKey) {
    Matcher anchor = ANCHOR.matcher(html);
    StringBuilder out = new StringBuilder(html.length() + 512);
    while (anchor.find()) {
      anchor.appendReplacement(out, Matcher.quoteReplacement(rewriteAnchor(anchor.group(), customerId, messageKey)));
    }
    anchor.appendTail(out);
    String pixel = "<img src=\"" + links.openPixelUrl(customerId, messageKey)
        + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;width:1px;height:1px\">";
    Matcher end = BODY_END.matcher(out);
    int at = -1;
    while (end.find()) {
      at = end.start();
    }
    if (at < 0) {
      out.append(pixel);
    } else {
      out.insert(at, pixel);
    }
    return out.toString();
  }

  private String rewriteAnchor(String tag, String customerId, String messageKey) {
    if (tag.toLowerCase(Locale.ROOT).contains("data-engage-notrack")) {
      return tag;
    }
    Matcher href = HREF.matcher(tag);
    if (!href.find()) {
      return tag;
    }
    String target = unescape(href.group(3).strip());
    String lower = target.toLowerCase(Locale.ROOT);
    if (!(lower.startsWith("http://") || lower.startsWith("https://")) || links.isTrackingUrl(target)) {
      return tag;
    }
    String tracked = links.clickUrl(customerId, messageKey, target);
    return tag.substring(0, href.start()) + href.group(1) + href.group(2) + escape(tracked) + href.group(2)
        + tag.substring(href.end());
  }

  /** The entities a template's {@code | escape} filter writes into an attribute. */
  private static String unescape(String value) {
    return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;");
  }
}
