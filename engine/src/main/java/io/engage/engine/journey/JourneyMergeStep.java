package io.engage.engine.journey;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Journey history moves to the survivor (the merged profile's running customer journeys end first): instances, steps, conversions, and the once-per-trigger and experiment records (where the survivor has its own, the survivor's is kept, so a birthday is still given once a year and a variant stays the same). */
@Component
@Order(20)
class JourneyMergeStep implements CustomerMergeStep {

  private final JourneyMapper mapper;
  private final JourneyCatalog catalog;
  private final JourneyExits exits;

  JourneyMergeStep(JourneyMapper mapper, JourneyCatalog catalog, JourneyExits exits) {
    this.mapper = mapper;
    this.catalog = catalog;
    this.exits = exits;
  }

  @Override
  public String name() {
    return "journeys";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("endedInstances", endCustomerKeyedInstances(mergedId));
    moved.put("instances", mapper.moveInstances(mergedId, survivorId));
    moved.put("steps", mapper.moveSteps(mergedId, survivorId));
    moved.put("triggers", mapper.moveTriggers(mergedId, survivorId));
    moved.put("experimentAssignments", mapper.moveExperimentAssignments(mergedId, survivorId));
    moved.put("conversions", mapper.moveConversions(mergedId, survivorId));
    return moved;
  }

  /**
   * The merged profile's running journeys that wait for its own events end: those events now
   * arrive as the survivor's, so such an instance would never see the order it waits for and would
   * remind a customer who already ordered (the survivor's own journeys go on). Journeys entered by a
   * complaint wait for that complaint's events and keep running. Zeebe is told before the merge
   * commits; if the merge then rolls back, the instance is gone while its row says active, which the
   * next migration check marks.
   */
  private int endCustomerKeyedInstances(String mergedId) {
    int ended = 0;
    for (JourneyInstance instance : mapper.findInstances(mergedId)) {
      JourneyModel model = catalog.model(instance.journey(), instance.version());
      boolean keyedByComplaint = model.startMessages().stream().anyMatch(JourneyMessage.KEYED_BY_COMPLAINT::contains);
      if (!keyedByComplaint && exits.leave(instance)) {
        ended++;
      }
    }
    return ended;
  }
}
