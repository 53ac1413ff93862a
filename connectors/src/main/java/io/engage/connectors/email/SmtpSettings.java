package io.engage.connectors.email;

import java.time.Duration;
import java.util.Objects;

/**
 * An SMTP relay. Username and password null for a relay without authentication; {@code ssl} means
 * implicit TLS (smtps, usually port 465), {@code startTls} upgrades a plain connection (587) and is
 * then required, so credentials never travel in clear. A null timeout means ten seconds: a relay
 * that never answers must not hold a journey worker forever.
 *
 * @param maxConnections connections kept open and reused (0: a new connection per message)
 * @param maxMessagesPerConnection messages sent over one connection before it is renewed; relays
 *     often cap this (0 means 100)
 */
public record SmtpSettings(
    String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
    Duration timeout, int maxConnections, int maxMessagesPerConnection) {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
  static final int DEFAULT_MAX_CONNECTIONS = 4;

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port out of range: " + port);
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      timeout = DEFAULT_TIMEOUT;
    }
    if (maxConnections < 0) {
      throw new IllegalArgumentException("maxConnections must not be negative");
    }
    if (maxMessagesPerConnection <= 0) {
      maxMessagesPerConnection = 100;
    }
  }

  /** Four reused connections of up to 100 messages each. */
  public SmtpSettings(String host, int port, String username, String password, boolean startTls, boolean ssl,
      String from, Duration timeout) {
    this(host, port, username, password, startTls, ssl, from, timeout, DEFAULT_MAX_CONNECTIONS, 100);
  }

  /** Keeps the password out of logs and error messages. */
  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user=" + username + ", startTls=" + startTls + ", ssl=" + ssl
        + ", from=" + from + ", timeout=" + timeout + ", maxConnections=" + maxConnections + "]";
  }
}
