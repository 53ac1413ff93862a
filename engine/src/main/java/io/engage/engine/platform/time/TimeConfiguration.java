package io.engage.engine.platform.time;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} that time-driven features read, so tests can move time instead of waiting. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  @ConditionalOnProperty(name = "engage.clock.adjustable", havingValue = "true")
  Clock adjustableClock() {
    return new AdjustableClock();
  }

  @Bean
  @ConditionalOnProperty(name = "engage.clock.adjustable", havingValue = "false", matchIfMissing = true)
  Clock systemClock() {
    return Clock.systemUTC();
  }
}
