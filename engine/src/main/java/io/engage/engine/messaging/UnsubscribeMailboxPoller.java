package io.engage.engine.messaging;

import io.engage.connectors.email.ImapSettings;
import io.engage.connectors.email.TrackedLink;
import io.engage.connectors.email.UnsubscribeMailbox;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the unsubscribe mailbox: a mail client's {@code mailto:} unsubscribe carries the same
 * signed token as the one-click link, so it withdraws consent the same way. A forged or unknown
 * token changes nothing. Each node may poll; an unsubscribe read twice records the same consent.
 */
@Component
@ConditionalOnProperty(prefix = "engage.messaging.unsubscribe-mailbox", name = "enabled", havingValue = "true")
class UnsubscribeMailboxPoller {

  private static final Logger log = LoggerFactory.getLogger(UnsubscribeMailboxPoller.class);

  private final UnsubscribeMailbox mailbox;
  private final MessageLinks links;
  private final CustomerResponses responses;

  UnsubscribeMailboxPoller(UnsubscribeMailboxProperties properties, MessageLinks links, CustomerResponses responses) {
    this.mailbox = new UnsubscribeMailbox(new ImapSettings(properties.host(), properties.port(), properties.username(),
        properties.password(), properties.ssl(), properties.folder(), properties.timeout()));
    this.links = links;
    this.responses = responses;
  }

  @Scheduled(fixedDelayString = "${engage.messaging.unsubscribe-mailbox.poll-interval:PT1M}", initialDelayString = "PT30S")
  void poll() {
    try {
      pollOnce();
    } catch (MessagingException e) {
      log.warn("Reading the unsubscribe mailbox failed; trying again at the next poll: {}", e.getMessage());
    }
  }

  /** Reads unread mail once; returns how many mails were read. */
  int pollOnce() throws MessagingException {
    return mailbox.poll(token -> links.links().verify(token, TrackedLink.Kind.UNSUBSCRIBE)
        .map(responses::unsubscribed).orElse(false));
  }
}
