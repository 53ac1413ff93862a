package io.engage.engine.messaging;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where messages go, per channel. Every channel has an embedded default (a local sink, and the
 * local SMTP sink for email) so the engine runs with no provider at all; configuring a provider
 * replaces it. Email and SMS can have a secondary provider that takes a message the primary could
 * not (connection refused, throttled, provider error: failures that prove nothing was sent). Every
 * provider can be held to a rate ({@code rate-limit}, messages per second; 0 for none).
 */
@ConfigurationProperties("engage.channels")
public record ChannelProperties(Email email, Sms sms, Push push, Wechat wechat) {

  public ChannelProperties {
    email = email == null ? new Email(null, 25, null, null, false, false, "Engage <no-reply@engage.local>", null, 0, 4,
        null) : email;
    sms = sms == null ? new Sms(ChannelConfiguration.LOCAL_SINK, "", 0, null, null) : sms;
    push = push == null ? new Push(null, null, null, 0) : push;
    wechat = wechat == null ? new Wechat(ChannelConfiguration.LOCAL_SINK, Map.of(), "", 0, null) : wechat;
  }

  /**
   * The SMTP relay. Without a host the embedded default starts a local SMTP sink.
   *
   * @param maxConnections SMTP connections kept open and reused (0: one per message)
   * @param secondary a second relay for failover (its host empty: none)
   */
  public record Email(
      String host, int port, String username, String password, boolean startTls, boolean ssl, String from,
      Duration timeout, double rateLimit, int maxConnections, Relay secondary) {}

  public record Relay(String host, int port, String username, String password, boolean startTls, boolean ssl,
      String from, Duration timeout, double rateLimit) {}

  /**
   * @param provider the primary: {@code local-sink} (embedded default), {@code smpp} or {@code http}
   * @param secondary the provider that takes over: {@code smpp}, {@code http}, {@code local-sink};
   *     empty for none
   * @param rateLimit messages per second for the local sink
   */
  public record Sms(String provider, String secondary, double rateLimit, Smpp smpp, Http http) {}

  /**
   * An SMSC over SMPP 3.4 (transceiver bind; delivery receipts update the message status).
   *
   * @param name the provider name recorded with attempts and matched with receipts
   */
  public record Smpp(String name, String host, int port, String systemId, String password, String systemType,
      String sourceAddress, Duration connectTimeout, Duration responseTimeout, Duration enquireLinkInterval,
      Duration reconnectDelay, boolean deliveryReceipts, double rateLimit) {}

  /**
   * An HTTP SMS gateway (signed JSON API). Its delivery callbacks come to
   * {@code /api/receipts/sms/{name}}; {@code callbackUrl} empty means {@code public-url} + that path.
   */
  public record Http(String name, String baseUrl, String accessKeyId, String accessKeySecret, String sender,
      String callbackUrl, Duration connectTimeout, Duration requestTimeout, double rateLimit) {}

  /**
   * App push by device platform: APNs tokens go to {@code apns}, FCM tokens to {@code fcm}, JPush
   * registration ids to {@code jpush}. A platform without a provider goes to the local push sink.
   *
   * @param rateLimit messages per second for the local sink
   */
  public record Push(Apns apns, Fcm fcm, Jpush jpush, double rateLimit) {}

  /**
   * @param signingKeyFile the .p8 token signing key (PEM), kept out of the repository
   * @param trustedCertificateFile CA certificates to trust instead of the JDK's; empty for the JDK's
   */
  public record Apns(boolean enabled, String name, String host, int port, String topic, String teamId, String keyId,
      String signingKeyFile, String trustedCertificateFile, Duration connectTimeout, Duration requestTimeout,
      int concurrentConnections, double rateLimit) {}

  /** @param serviceAccountFile the service account key file (JSON), kept out of the repository */
  public record Fcm(boolean enabled, String name, String serviceAccountFile, String projectId, String sendBaseUrl,
      String tokenUrl, Duration connectTimeout, Duration requestTimeout, double rateLimit) {}

  public record Jpush(boolean enabled, String name, String baseUrl, String appKey, String masterSecret,
      boolean apnsProduction, Duration timeToLive, Duration connectTimeout, Duration requestTimeout,
      double rateLimit) {}

  /**
   * @param provider {@code local-sink} (embedded default) or {@code official-account}
   * @param templates the Official Account's template id for each Engage template key
   * @param defaultTemplateId the template id for keys without one of their own
   */
  public record Wechat(String provider, Map<String, String> templates, String defaultTemplateId, double rateLimit,
      OfficialAccount officialAccount) {
    public Wechat {
      templates = templates == null ? Map.of() : Map.copyOf(templates);
    }
  }

  /**
   * A WeChat Official Account. Its server URL (for TEMPLATESENDJOBFINISH receipts) is
   * {@code public-url/api/receipts/wechat/{name}}, checked with {@code callbackToken}.
   */
  public record OfficialAccount(String name, String baseUrl, String appId, String appSecret, String callbackToken,
      Duration connectTimeout, Duration requestTimeout) {}
}
