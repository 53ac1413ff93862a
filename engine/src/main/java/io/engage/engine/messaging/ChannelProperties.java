package io.engage.engine.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where messages go. Without an email host the embedded default starts a local SMTP sink. */
@ConfigurationProperties("engage.channels")
public record ChannelProperties(Email email, Sms sms) {

  public record Email(
      String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
      Duration timeout) {}

  /** {@code local-sink} keeps SMS in memory for the UI; real SMPP and HTTP gateways come later. */
  public record Sms(String provider) {}
}
