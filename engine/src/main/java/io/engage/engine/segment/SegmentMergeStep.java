package io.engage.engine.segment;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Last in a merge: membership follows the survivor's combined data. */
@Component
@Order(100)
class SegmentMergeStep implements CustomerMergeStep {

  private final Segments segments;

  SegmentMergeStep(Segments segments) {
    this.segments = segments;
  }

  @Override
  public String name() {
    return "segments";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    int before = segments.segmentsOf(mergedId).size();
    segments.mergeInto(mergedId, survivorId);
    return Map.of("membershipsOfMerged", before, "survivorSegments", segments.segmentsOf(survivorId));
  }
}
