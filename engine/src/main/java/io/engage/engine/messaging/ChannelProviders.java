package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.DeliveryReceiptListener;
import io.engage.connectors.DeliveryResult;
import io.engage.connectors.OutboundMessage;
import io.engage.connectors.email.SmtpEmailConnector;
import io.engage.connectors.email.SmtpSettings;
import io.engage.connectors.policy.DeliveryPipeline;
import io.engage.connectors.policy.RateLimiter;
import io.engage.connectors.policy.RetryPolicy;
import io.engage.connectors.push.ApnsPushConnector;
import io.engage.connectors.push.ApnsSettings;
import io.engage.connectors.push.FcmPushConnector;
import io.engage.connectors.push.FcmSettings;
import io.engage.connectors.push.JPushConnector;
import io.engage.connectors.push.JPushSettings;
import io.engage.connectors.sms.HttpSmsGatewayConnector;
import io.engage.connectors.sms.InboundSmsListener;
import io.engage.connectors.sms.HttpSmsSettings;
import io.engage.connectors.sms.LocalSmsSink;
import io.engage.connectors.sms.SmppSettings;
import io.engage.connectors.sms.SmppSmsConnector;
import io.engage.connectors.wechat.WeChatCallbacks;
import io.engage.connectors.wechat.WeChatSettings;
import io.engage.connectors.wechat.WeChatTemplateConnector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.StringUtils;

/**
 * The connectors the configuration asks for, and the delivery routes over them: per channel (per
 * platform for push) the providers in failover order, each with its rate limit, behind one
 * delivery pipeline with the retry policy. Connectors that hold connections (SMPP, APNs, SMTP) are
 * closed with it.
 */
final class ChannelProviders implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChannelProviders.class);
  static final String LOCAL_SINK = "local-sink";

  private final DeliveryRoutes routes;
  private final Map<String, HttpSmsGatewayConnector> httpGateways;
  private final Map<String, WeChatCallbacks> wechatCallbacks;
  private final List<AutoCloseable> closeables;

  private ChannelProviders(DeliveryRoutes routes, Map<String, HttpSmsGatewayConnector> httpGateways,
      Map<String, WeChatCallbacks> wechatCallbacks, List<AutoCloseable> closeables) {
    this.routes = routes;
    this.httpGateways = httpGateways;
    this.wechatCallbacks = wechatCallbacks;
    this.closeables = closeables;
  }

  /** The local sinks of the embedded default, which serve any channel left without a provider. */
  record Sinks(LocalSmsSink sms, LocalSink push, LocalSink wechat) {}

  static ChannelProviders create(ChannelProperties channels, MessagingProperties messaging, Sinks sinks,
      DeliveryReceiptListener receipts, InboundSmsListener replies, AttemptRecorder recorder, Clock clock) {
    Builder builder = new Builder(messaging, receipts, replies);
    try {
      builder.email(channels.email());
      builder.sms(channels.sms(), sinks.sms());
      builder.push(channels.push(), sinks.push());
      builder.wechat(channels.wechat(), sinks.wechat());
    } catch (RuntimeException e) {
      builder.closeAll();
      throw e;
    }
    MessagingProperties.Retry retry = messaging.retry();
    RetryPolicy policy = new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(),
        retry.maxInlineWait());
    Map<String, DeliveryPipeline> pipelines = new LinkedHashMap<>();
    Map<String, List<String>> names = new LinkedHashMap<>();
    builder.routes.forEach((route, providers) -> {
      DeliveryPipeline.Builder pipeline = DeliveryPipeline.builder().retryPolicy(policy).attemptListener(recorder)
          .rateLimitWait(retry.rateLimitWait()).clock(clock);
      for (Limited provider : providers) {
        if (provider.perSecond() > 0) {
          pipeline.provider(provider.connector(), RateLimiter.perSecond(provider.perSecond()));
        } else {
          pipeline.provider(provider.connector());
        }
      }
      pipelines.put(route, pipeline.build());
      names.put(route, providers.stream().map(p -> p.connector().provider()).toList());
    });
    log.info("Message routes: {}", names);
    return new ChannelProviders(new DeliveryRoutes(pipelines, names), Map.copyOf(builder.httpGateways),
        Map.copyOf(builder.wechatCallbacks), List.copyOf(builder.closeables));
  }

  DeliveryRoutes routes() {
    return routes;
  }

  /** The HTTP SMS gateway of that provider name, which verifies its delivery callbacks. */
  Optional<HttpSmsGatewayConnector> httpGateway(String name) {
    return Optional.ofNullable(httpGateways.get(name));
  }

  /** The callback checker of that Official Account, which reads its template-message receipts. */
  Optional<WeChatCallbacks> wechatCallbacks(String name) {
    return Optional.ofNullable(wechatCallbacks.get(name));
  }

  @Override
  public void close() {
    for (AutoCloseable closeable : closeables) {
      try {
        closeable.close();
      } catch (Exception e) {
        log.warn("Could not close {}", closeable, e);
      }
    }
  }

  private record Limited(ChannelConnector connector, double perSecond) {}

  private static final class Builder {
    private final MessagingProperties messaging;
    private final DeliveryReceiptListener receipts;
    private final InboundSmsListener replies;
    private final Map<String, List<Limited>> routes = new LinkedHashMap<>();
    private final Map<String, HttpSmsGatewayConnector> httpGateways = new LinkedHashMap<>();
    private final Map<String, WeChatCallbacks> wechatCallbacks = new LinkedHashMap<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    Builder(MessagingProperties messaging, DeliveryReceiptListener receipts, InboundSmsListener replies) {
      this.replies = replies;
      this.messaging = messaging;
      this.receipts = receipts;
    }

    void route(String route, List<Limited> providers) {
      routes.put(route, providers);
    }

    void email(ChannelProperties.Email email) {
      if (!StringUtils.hasText(email.host())) {
        throw new IllegalStateException("engage.channels.email.host is not set (and no local SMTP sink started)");
      }
      List<Limited> providers = new ArrayList<>();
      providers.add(new Limited(closing(new SmtpEmailConnector(new SmtpSettings(email.host(), email.port(),
          text(email.username()), text(email.password()), email.startTls(), email.ssl(), email.from(), email.timeout(),
          email.maxConnections(), 100))), email.rateLimit()));
      ChannelProperties.Relay secondary = email.secondary();
      if (secondary != null && StringUtils.hasText(secondary.host())) {
        SmtpEmailConnector relay = closing(new SmtpEmailConnector(new SmtpSettings(secondary.host(), secondary.port(),
            text(secondary.username()), text(secondary.password()), secondary.startTls(), secondary.ssl(),
            secondary.from() == null ? email.from() : secondary.from(), secondary.timeout())));
        providers.add(new Limited(new Named("smtp-secondary", relay), secondary.rateLimit()));
      }
      route(Channel.EMAIL.name(), providers);
    }

    void sms(ChannelProperties.Sms sms, LocalSmsSink sink) {
      List<Limited> providers = new ArrayList<>();
      for (String name : List.of(sms.provider(), sms.secondary() == null ? "" : sms.secondary())) {
        if (!StringUtils.hasText(name)) {
          continue;
        }
        providers.add(switch (name) {
          case LOCAL_SINK -> new Limited(sink, sms.rateLimit());
          case "smpp" -> smpp(required(sms.smpp(), "engage.channels.sms.smpp"));
          case "http" -> http(required(sms.http(), "engage.channels.sms.http"));
          default -> throw new IllegalStateException("engage.channels.sms: unknown provider '" + name
              + "' (local-sink, smpp, http)");
        });
      }
      if (providers.isEmpty()) {
        throw new IllegalStateException("engage.channels.sms.provider is empty (local-sink, smpp, http)");
      }
      route(Channel.SMS.name(), providers);
    }

    private Limited smpp(ChannelProperties.Smpp smpp) {
      SmppSmsConnector connector = closing(new SmppSmsConnector(new SmppSettings(smpp.name(), smpp.host(), smpp.port(),
          smpp.systemId(), smpp.password(), text(smpp.systemType()), smpp.sourceAddress(), smpp.connectTimeout(),
          smpp.responseTimeout(), smpp.enquireLinkInterval(), smpp.reconnectDelay(), smpp.deliveryReceipts()),
          receipts, replies));
      return new Limited(connector, smpp.rateLimit());
    }

    private Limited http(ChannelProperties.Http http) {
      String name = StringUtils.hasText(http.name()) ? http.name() : "http-sms";
      String callback = StringUtils.hasText(http.callbackUrl()) ? http.callbackUrl()
          : stripSlash(messaging.publicUrl().toString()) + "/api/receipts/sms/" + name;
      HttpSmsGatewayConnector connector = new HttpSmsGatewayConnector(new HttpSmsSettings(name, http.baseUrl(),
          http.accessKeyId(), http.accessKeySecret(), text(http.sender()), callback, http.connectTimeout(),
          http.requestTimeout()));
      httpGateways.put(name, connector);
      return new Limited(connector, http.rateLimit());
    }

    void push(ChannelProperties.Push push, LocalSink sink) {
      ChannelProperties.Apns apns = push.apns();
      if (apns != null && apns.enabled()) {
        route(DeliveryRoutes.route(Channel.PUSH, "APNS"), List.of(new Limited(closing(new ApnsPushConnector(
            new ApnsSettings(apns.name(), apns.host(), apns.port(), apns.topic(), apns.teamId(), apns.keyId(),
                read(apns.signingKeyFile(), "engage.channels.push.apns.signing-key-file"),
                StringUtils.hasText(apns.trustedCertificateFile()) ? read(apns.trustedCertificateFile(), "") : null,
                apns.connectTimeout(), apns.requestTimeout(), apns.concurrentConnections()))), apns.rateLimit())));
      }
      ChannelProperties.Fcm fcm = push.fcm();
      if (fcm != null && fcm.enabled()) {
        route(DeliveryRoutes.route(Channel.PUSH, "FCM"), List.of(new Limited(new FcmPushConnector(new FcmSettings(
            fcm.name(), read(fcm.serviceAccountFile(), "engage.channels.push.fcm.service-account-file"),
            text(fcm.projectId()), text(fcm.sendBaseUrl()), text(fcm.tokenUrl()), fcm.connectTimeout(),
            fcm.requestTimeout())), fcm.rateLimit())));
      }
      ChannelProperties.Jpush jpush = push.jpush();
      if (jpush != null && jpush.enabled()) {
        route(DeliveryRoutes.route(Channel.PUSH, "JPUSH"), List.of(new Limited(new JPushConnector(new JPushSettings(
            jpush.name(), text(jpush.baseUrl()), jpush.appKey(), jpush.masterSecret(), jpush.apnsProduction(),
            jpush.timeToLive(), jpush.connectTimeout(), jpush.requestTimeout())), jpush.rateLimit())));
      }
      // Platforms without a provider of their own: the local sink (the embedded default).
      route(Channel.PUSH.name(), List.of(new Limited(sink, push.rateLimit())));
    }

    void wechat(ChannelProperties.Wechat wechat, LocalSink sink) {
      ChannelProperties.OfficialAccount account = wechat.officialAccount();
      String name = account != null && StringUtils.hasText(account.name()) ? account.name() : "wechat";
      if (account != null && StringUtils.hasText(account.callbackToken())) {
        // Receipts can arrive for messages sent before a switch back to the sink: keep listening.
        wechatCallbacks.put(name, new WeChatCallbacks(account.callbackToken(), name));
      }
      ChannelConnector connector = switch (wechat.provider() == null ? LOCAL_SINK : wechat.provider()) {
        case LOCAL_SINK -> sink;
        case "official-account" -> new WeChatTemplateConnector(new WeChatSettings(name,
            text(required(account, "engage.channels.wechat.official-account").baseUrl()), account.appId(),
            account.appSecret(), account.connectTimeout(), account.requestTimeout()));
        default -> throw new IllegalStateException("engage.channels.wechat.provider: unknown provider '"
            + wechat.provider() + "' (local-sink, official-account)");
      };
      route(Channel.WECHAT.name(), List.of(new Limited(connector, wechat.rateLimit())));
    }

    private <T extends AutoCloseable> T closing(T closeable) {
      closeables.add(closeable);
      return closeable;
    }

    void closeAll() {
      new ChannelProviders(null, Map.of(), Map.of(), closeables).close();
    }

    private static <T> T required(T value, String key) {
      if (value == null) {
        throw new IllegalStateException(key + " is not configured");
      }
      return value;
    }

    private static String read(String file, String key) {
      if (!StringUtils.hasText(file)) {
        throw new IllegalStateException(key + " is not set");
      }
      try {
        return Files.readString(Path.of(file));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + file + " (" + key + ")", e);
      }
    }

    private static String text(String value) {
      return StringUtils.hasText(value) ? value : null;
    }

    private static String stripSlash(String url) {
      return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
  }

  /** A provider under another name, so two SMTP relays can be told apart in the attempts. */
  private record Named(String name, ChannelConnector delegate) implements ChannelConnector {
    @Override
    public Channel channel() {
      return delegate.channel();
    }

    @Override
    public String provider() {
      return name;
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
      return delegate.send(message);
    }
  }
}
