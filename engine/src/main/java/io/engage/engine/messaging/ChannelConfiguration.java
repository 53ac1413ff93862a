package io.engage.engine.messaging;

import io.engage.connectors.email.SmtpEmailConnector;
import io.engage.connectors.email.SmtpSettings;
import io.engage.connectors.sms.LocalSmsSink;
import io.engage.connectors.template.LiquidTemplateRenderer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

  @Bean
  SmtpEmailConnector emailConnector(ChannelProperties properties) {
    ChannelProperties.Email email = properties.email();
    return new SmtpEmailConnector(new SmtpSettings(email.host(), email.port(),
        StringUtils.hasText(email.username()) ? email.username() : null,
        StringUtils.hasText(email.password()) ? email.password() : null,
        email.startTls(), email.ssl(), email.from(), email.timeout()));
  }

  @Bean
  @ConditionalOnProperty(name = "engage.channels.sms.provider", havingValue = "local-sink", matchIfMissing = true)
  LocalSmsSink localSmsSink() {
    return new LocalSmsSink();
  }

  @Bean
  LiquidTemplateRenderer templateRenderer() {
    return new LiquidTemplateRenderer();
  }
}
