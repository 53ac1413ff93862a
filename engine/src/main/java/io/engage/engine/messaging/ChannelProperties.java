package io.engage.engine.messaging;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where messages go, per channel. Every channel has an embedded default (a local sink) so the
 * engine runs with no provider at all; setting a provider replaces it. SMS and email can have a
 * secondary provider that takes over when the primary cannot take a message.
 */
@ConfigurationProperties("engage.channels")
public record ChannelProperties(Email email, Sms sms, Push push, Wechat wechat) {

  public ChannelProperties {
    sms = sms == null ? new Sms("local-sink", "", 0) : sms;
    push = push == null ? new Push("local-sink", 0) : push;
    wechat = wechat == null ? new Wechat("local-sink", Map.of(), "", 0) : wechat;
  }

  /**
   * SMTP relay. Without a host the embedded default starts a local SMTP sink.
   *
   * @param rateLimit messages per second through this relay; 0 for no limit
   */
  public record Email(
      String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
      Duration timeout, double rateLimit) {}

  /**
   * @param provider the primary: {@code local-sink} (embedded default), {@code smpp} or {@code http}
   * @param secondary the provider that takes a message the primary could not ({@code smpp},
   *     {@code http}, {@code local-sink}); empty for none
   * @param rateLimit messages per second per provider; 0 for no limit
   */
  public record Sms(String provider, String secondary, double rateLimit) {}

  /**
   * @param provider {@code local-sink} (embedded default, takes every platform) or the platforms
   *     served by real providers
   */
  public record Push(String provider, double rateLimit) {}

  /**
   * @param provider {@code local-sink} (embedded default) or {@code official-account}
   * @param templates the Official Account's template id for each Engage template key
   * @param defaultTemplateId the template id for keys without one of their own
   */
  public record Wechat(String provider, Map<String, String> templates, String defaultTemplateId, double rateLimit) {
    public Wechat {
      templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
  }
}
