package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;

/**
 * A journey with its versions and, per version, where its live instances are now. The counts come
 * from Engage's own tracking (the {@code engage:journey-step} listener records each element an
 * instance completes): an instance counts at the element(s) its last completed element leads to,
 * which is where it waits (a timer, a message, a task). Zeebe's gRPC API has no query for this.
 */
public record JourneyOverview(String journey, String name, String status, int latestVersion, long liveInstances,
    List<Version> versions) {

  public record Version(int version, long processDefinitionKey, String source, String deployedBy, Instant deployedAt,
      long liveInstances, List<ElementCount> elements) {}

  public record ElementCount(String elementId, String name, long instances) {}
}
