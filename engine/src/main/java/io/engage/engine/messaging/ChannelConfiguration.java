package io.engage.engine.messaging;

import io.engage.connectors.Channel;
import io.engage.connectors.sms.LocalSmsSink;
import io.engage.connectors.template.LiquidTemplateRenderer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers of each channel, by configuration only ({@link ChannelProperties}): the embedded
 * default is a local sink for every channel (SMTP goes to the local SMTP sink), and configuring a
 * provider replaces it. Each route becomes a delivery pipeline; every provider call it makes is
 * recorded as a message_attempt row.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

  static final String LOCAL_SINK = ChannelProviders.LOCAL_SINK;

  @Bean
  LiquidTemplateRenderer templateRenderer() {
    return new LiquidTemplateRenderer();
  }

  @Bean
  AttemptRecorder attemptRecorder() {
    return new AttemptRecorder();
  }

  /** The sinks are beans of their own so {@code /api/sinks/*} can show what they received. */
  @Bean
  ChannelProviders.Sinks localSinks(Clock clock) {
    return new ChannelProviders.Sinks(new LocalSmsSink(), new LocalSink(Channel.PUSH, clock),
        new LocalSink(Channel.WECHAT, clock));
  }

  @Bean(destroyMethod = "close")
  ChannelProviders channelProviders(ChannelProperties channels, MessagingProperties messaging,
      ChannelProviders.Sinks sinks, DeliveryReceipts receipts, SmsReplies replies, AttemptRecorder recorder,
      Clock clock) {
    return ChannelProviders.create(channels, messaging, sinks, receipts, replies, recorder, clock);
  }

  @Bean
  DeliveryRoutes deliveryRoutes(ChannelProviders providers) {
    return providers.routes();
  }
}
