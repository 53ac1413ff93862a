package io.engage.engine.lifecycle;

import io.engage.engine.customer.CustomerMergeStep;
import io.engage.engine.rfm.Rfm;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After the orders moved: the survivor's order statistics include the merged profile's orders, the
 * merged RFM row goes (scores are relative to everyone: the next recompute scores the survivor on
 * the combined orders), stage history moves and the survivor's stage is decided again.
 */
@Component
@Order(50)
class LifecycleMergeStep implements CustomerMergeStep {

  private final Lifecycle lifecycle;
  private final Rfm rfm;

  LifecycleMergeStep(Lifecycle lifecycle, Rfm rfm) {
    this.lifecycle = lifecycle;
    this.rfm = rfm;
  }

  @Override
  public String name() {
    return "lifecycle";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    rfm.forgetMerged(mergedId, survivorId);
    int history = lifecycle.history(mergedId, Integer.MAX_VALUE).size();
    lifecycle.mergeInto(mergedId, survivorId);
    return Map.of("stageHistory", history, "survivorStage",
        lifecycle.stage(survivorId).map(CustomerStage::stage).orElse("none"));
  }
}
