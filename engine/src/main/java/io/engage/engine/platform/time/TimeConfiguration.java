package io.engage.engine.platform.time;

import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} that time-driven features read. With the embedded Zeebe engine it is that
 * engine's clock, so moving the engine's virtual clock (a test, a journey preview) moves every
 * feature's "now" with Zeebe's timers and job backoffs; with a real Zeebe cluster it is the system
 * clock (UTC). With {@code engage.clock.adjustable=true} (the test profile) it is an
 * {@link AdjustableClock} over that clock, which a test can stop at an instant and release again.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock clock(ObjectProvider<LoopbackZeebeEngine> embeddedZeebe,
      @Value("${engage.clock.adjustable:false}") boolean adjustable) {
    LoopbackZeebeEngine engine = embeddedZeebe.getIfAvailable();
    Clock base = engine == null ? Clock.systemUTC() : engine.clock();
    return adjustable ? new AdjustableClock(base) : base;
  }
}
