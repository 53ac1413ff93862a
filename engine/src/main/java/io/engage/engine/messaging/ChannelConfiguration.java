package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.ChannelConnector;
import io.engage.connectors.email.SmtpEmailConnector;
import io.engage.connectors.email.SmtpSettings;
import io.engage.connectors.policy.DeliveryPipeline;
import io.engage.connectors.policy.RateLimiter;
import io.engage.connectors.policy.RetryPolicy;
import io.engage.connectors.sms.LocalSmsSink;
import io.engage.connectors.template.LiquidTemplateRenderer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The providers of each channel, by configuration only: the embedded default is a local sink for
 * every channel (SMTP goes to the local SMTP sink), and setting a provider replaces it. Each route
 * becomes a delivery pipeline with its providers in failover order, their rate limits and the
 * retry policy; the pipeline reports every provider call, which becomes a message_attempt row.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

  static final String LOCAL_SINK = "local-sink";

  @Bean
  LiquidTemplateRenderer templateRenderer() {
    return new LiquidTemplateRenderer();
  }

  @Bean
  AttemptRecorder attemptRecorder() {
    return new AttemptRecorder();
  }

  @Bean
  SmtpEmailConnector emailConnector(ChannelProperties properties) {
    ChannelProperties.Email email = properties.email();
    return new SmtpEmailConnector(new SmtpSettings(email.host(), email.port(),
        StringUtils.hasText(email.username()) ? email.username() : null,
        StringUtils.hasText(email.password()) ? email.password() : null,
        email.startTls(), email.ssl(), email.from(), email.timeout()));
  }

  /** The SMS sink is a bean of its own so {@code /api/sinks/sms} can show what it received. */
  @Bean
  LocalSmsSink localSmsSink() {
    return new LocalSmsSink();
  }

  @Bean
  LocalSinks localSinks(Clock clock) {
    return new LocalSinks(new LocalSink(Channel.PUSH, clock), new LocalSink(Channel.WECHAT, clock));
  }

  /** The push and WeChat sinks of the embedded default. */
  record LocalSinks(LocalSink push, LocalSink wechat) {}

  @Bean
  DeliveryRoutes deliveryRoutes(ChannelProperties channels, MessagingProperties messaging,
      SmtpEmailConnector email, LocalSmsSink smsSink, LocalSinks sinks, AttemptRecorder recorder, Clock clock) {
    Map<String, List<Limited>> routes = new LinkedHashMap<>();
    routes.put(Channel.EMAIL.name(), List.of(new Limited(email, channels.email().rateLimit())));
    routes.put(Channel.SMS.name(), smsProviders(channels.sms(), smsSink));
    routes.put(Channel.PUSH.name(), List.of(new Limited(sinks.push(), channels.push().rateLimit())));
    routes.put(Channel.WECHAT.name(), List.of(new Limited(sinks.wechat(), channels.wechat().rateLimit())));
    MessagingProperties.Retry retry = messaging.retry();
    RetryPolicy policy = new RetryPolicy(retry.maxAttempts(), retry.initialDelay(), retry.maxDelay(),
        retry.maxInlineWait());
    Map<String, DeliveryPipeline> pipelines = new LinkedHashMap<>();
    Map<String, List<String>> names = new LinkedHashMap<>();
    routes.forEach((route, providers) -> {
      DeliveryPipeline.Builder builder = DeliveryPipeline.builder().retryPolicy(policy).attemptListener(recorder)
          .rateLimitWait(retry.rateLimitWait()).clock(clock);
      providers.forEach(p -> {
        if (p.perSecond() > 0) {
          builder.provider(p.connector(), RateLimiter.perSecond(p.perSecond()));
        } else {
          builder.provider(p.connector());
        }
      });
      pipelines.put(route, builder.build());
      names.put(route, providers.stream().map(p -> p.connector().provider()).toList());
    });
    return new DeliveryRoutes(pipelines, names);
  }

  private static List<Limited> smsProviders(ChannelProperties.Sms sms, LocalSmsSink sink) {
    List<Limited> providers = new ArrayList<>();
    for (String name : List.of(sms.provider(), sms.secondary() == null ? "" : sms.secondary())) {
      if (!StringUtils.hasText(name)) {
        continue;
      }
      providers.add(new Limited(switch (name) {
        case LOCAL_SINK -> sink;
        default -> throw new IllegalStateException("engage.channels.sms: unknown provider '" + name
            + "' (local-sink, smpp, http)");
      }, sms.rateLimit()));
    }
    return providers;
  }

  /** A provider and its rate limit in messages per second (0: none). */
  private record Limited(ChannelConnector connector, double perSecond) {}
}
