package io.engage.engine.journey;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param messageTtl how long a published event waits in Zeebe for a journey instance to listen for
 *     it (an order that arrives while its onboarding instance is still sending the welcome)
 * @param publishTimeout how long one publish may take before the outbox retries it
 */
@ConfigurationProperties("engage.journeys")
public record JourneyProperties(Duration messageTtl, Duration publishTimeout) {}
