package io.engage.engine.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The IMAP mailbox behind the {@code mailto:} of List-Unsubscribe
 * ({@code engage.messaging.unsubscribe-mailto}). Off unless {@code enabled}: the one-click URL
 * covers most mail clients, and reading a mailbox needs its credentials.
 *
 * @param pollInterval how often unread mail is read (default a minute)
 */
@ConfigurationProperties("engage.messaging.unsubscribe-mailbox")
record UnsubscribeMailboxProperties(boolean enabled, String host, Integer port, String username, String password,
    boolean ssl, String folder, Duration pollInterval, Duration timeout) {

  UnsubscribeMailboxProperties {
    port = port == null ? (ssl ? 993 : 143) : port;
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
  }
}
