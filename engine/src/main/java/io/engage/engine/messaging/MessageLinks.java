package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.email.EmailTracker;
import io.engage.connectors.email.TrackingLinks;
import io.engage.connectors.email.TrackingSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The signed links a message carries back to this engine ({@code public-url + /t}): one-click
 * unsubscribe (List-Unsubscribe and List-Unsubscribe-Post on marketing mail, and
 * {@code links.unsubscribe} for templates), the open pixel and click redirects in HTML mail.
 * Links are signed with {@code engage.messaging.link-secrets} (the first signs, all verify, so a
 * secret can be rotated), or with a secret generated once and kept in the database.
 */
@Component
class MessageLinks {

  static final String PATH = "/t";
  private static final String SECRET_NAME = "tracking-links";

  private final TrackingLinks links;
  private final EmailTracker tracker;

  MessageLinks(MessagingProperties properties, PolicyMapper secrets, TransactionTemplate transactions, Clock clock) {
    List<String> configured = properties.linkSecrets();
    List<String> keys = configured;
    if (keys.isEmpty()) {
      String stored = transactions.execute(status -> storedSecret(secrets, clock));
      keys = List.of(stored);
    }
    String base = properties.publicUrl().toString().replaceAll("/+$", "") + PATH;
    this.links = new TrackingLinks(new TrackingSettings(base, properties.unsubscribeMailto(), keys));
    this.tracker = new EmailTracker(links);
  }

  private static String storedSecret(PolicyMapper secrets, Clock clock) {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    secrets.insertSecretIfAbsent(SECRET_NAME, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
        clock.instant());
    return secrets.findSecret(SECRET_NAME);
  }

  TrackingLinks links() {
    return links;
  }

  /** {@code links.unsubscribe} for a marketing message to a customer; nothing otherwise. */
  Map<String, Object> templateLinks(Message message, Channel channel) {
    if (message.customerId() == null || !message.marketing()) {
      return Map.of();
    }
    return Map.of("unsubscribe", links.unsubscribeUrl(message.customerId(), channel, message.idempotencyKey()));
  }

  /** Links of the right shape for a preview, signed for no real message. */
  Map<String, Object> previewLinks(Channel channel) {
    return Map.of("unsubscribe", links.settings().baseUrl() + "/u?t=preview");
  }

  /** Adds List-Unsubscribe (marketing) and open and click tracking to a customer's email. */
  OutboundMessage email(Message message, OutboundMessage outbound) {
    if (message.customerId() == null) {
      return outbound; // staff notifications are neither tracked nor unsubscribable
    }
    return tracker.prepare(outbound, message.customerId(), message.marketing());
  }
}
