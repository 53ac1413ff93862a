package io.engage.engine.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how often an idle relay looks for due work (commits also wake it at once)
 * @param maxAttemptsBeforeParking after this many failures a row is parked for a person to look at;
 *     handlers that wait on an outside system (Zeebe) never park: an outage delays, never drops
 */
@ConfigurationProperties("engage.outbox")
public record OutboxProperties(Duration pollInterval, int maxAttemptsBeforeParking) {}
