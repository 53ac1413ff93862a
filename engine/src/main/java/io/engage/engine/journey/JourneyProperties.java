package io.engage.engine.journey;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param messageTtl how long a published event waits in Zeebe for a journey instance to listen for
 *     it (an order that arrives while its onboarding instance is still sending the welcome)
 * @param publishTimeout how long one publish (or deployment) may take before it is retried
 * @param scans the daily birthday and holiday scans
 * @param preview journey previews on an isolated engine
 */
@ConfigurationProperties("engage.journeys")
public record JourneyProperties(Duration messageTtl, Duration publishTimeout, Scans scans, Preview preview) {

  /**
   * @param enabled whether this node runs the scans on a schedule (one node at a time does)
   * @param interval how often the scans run; a customer is triggered at the first run at or after
   *     {@code localTime} in their own time zone
   * @param localTime the local time of day at which birthday and holiday journeys start
   */
  public record Scans(boolean enabled, Duration interval, LocalTime localTime) {}

  /**
   * @param maxDays the longest span a preview may simulate
   * @param timeout how long one preview may take in real time
   * @param concurrent how many previews may run at once (each has its own in-memory engine)
   */
  public record Preview(int maxDays, Duration timeout, int concurrent) {}
}
