package io.engage.engine.platform.time;

import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one "now" of the engine. With the embedded Zeebe engine it is that engine's clock, so a
 * virtual clock moved for a test or a journey preview moves every feature's "now" with Zeebe's
 * timers and job backoffs; with a real Zeebe cluster it is the system clock (UTC).
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  Clock clock(ObjectProvider<LoopbackZeebeEngine> embeddedZeebe) {
    LoopbackZeebeEngine engine = embeddedZeebe.getIfAvailable();
    return engine == null ? Clock.systemUTC() : engine.clock();
  }
}
