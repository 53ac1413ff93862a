package io.engage.engine.segment;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:check-segment} (header: segment): writes {@code inSegment}. Reads only, so a
 * re-delivered job is harmless. An unknown segment key fails the job (an incident to fix the model).
 */
@Component
public class CheckSegmentWorker {

  private final Segments segments;

  CheckSegmentWorker(Segments segments) {
    this.segments = segments;
  }

  @JobWorker(type = Journeys.CHECK_SEGMENT, fetchVariables = "customerId")
  public Map<String, Object> check(ActivatedJob job) {
    String key = job.getCustomHeaders().get("segment");
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("Header 'segment' (a saved segment key) is missing");
    }
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    return Map.of("inSegment", segments.contains(key, customerId));
  }
}
