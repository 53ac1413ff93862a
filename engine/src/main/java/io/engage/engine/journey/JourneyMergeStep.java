package io.engage.engine.journey;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Journey history moves to the survivor: instances, steps, conversions, and the once-per-trigger and experiment records (where the survivor has its own, the survivor's is kept, so a birthday is still given once a year and a variant stays the same). */
@Component
@Order(20)
class JourneyMergeStep implements CustomerMergeStep {

  private final JourneyMapper mapper;

  JourneyMergeStep(JourneyMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "journeys";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("instances", mapper.moveInstances(mergedId, survivorId));
    moved.put("steps", mapper.moveSteps(mergedId, survivorId));
    moved.put("triggers", mapper.moveTriggers(mergedId, survivorId));
    moved.put("experimentAssignments", mapper.moveExperimentAssignments(mergedId, survivorId));
    moved.put("conversions", mapper.moveConversions(mergedId, survivorId));
    return moved;
  }
}
