package io.engage.engine.platform.time;

import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one "now" of the engine. With the embedded Zeebe engine it is that engine's clock, so a
 * virtual clock moved for a test or a journey preview moves every feature's "now" with Zeebe's
 * timers and job backoffs; with a real Zeebe cluster it is the system clock (UTC). With
 * {@code engage.clock.adjustable=true} (tests) it is an {@link AdjustableClock} over that clock,
 * which a test can also stop at an instant.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(ObjectProvider<LoopbackZeebeEngine> embeddedZeebe,
      @Value("${engage.clock.adjustable:false}") boolean adjustable) {
    LoopbackZeebeEngine engine = embeddedZeebe.getIfAvailable();
    Clock base = engine == null ? Clock.systemUTC() : engine.clock();
    return adjustable ? new AdjustableClock(base) : base;
  }
}
