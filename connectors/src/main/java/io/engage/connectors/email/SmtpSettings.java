package io.engage.connectors.email;

import java.time.Duration;
import java.util.Objects;

/**
 * An SMTP relay. Username and password null for a relay without authentication; {@code ssl} means
 * implicit TLS (smtps, usually port 465), {@code startTls} upgrades a plain connection (587) and is
 * then required, so credentials never travel in clear. A null timeout means ten seconds: a relay
 * that never answers must not hold a journey worker forever.
 */
public record SmtpSettings(
    String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
    Duration timeout) {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("SMTP port out of range: " + port);
    }
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      timeout = DEFAULT_TIMEOUT;
    }
  }

  /** Keeps the password out of logs and error messages. */
  @Override
  public String toString() {
    return "SmtpSettings[" + host + ":" + port + ", user=" + username + ", startTls=" + startTls + ", ssl=" + ssl
        + ", from=" + from + ", timeout=" + timeout + "]";
  }
}
