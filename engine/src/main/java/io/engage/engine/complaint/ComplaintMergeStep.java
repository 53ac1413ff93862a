package io.engage.engine.complaint;

import io.engage.engine.customer.CustomerMergeStep;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The merged profile's complaints move to the survivor; their history and escalations follow by complaint id. */
@Component
@Order(23)
class ComplaintMergeStep implements CustomerMergeStep {

  private final ComplaintMapper mapper;

  ComplaintMergeStep(ComplaintMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String name() {
    return "complaints";
  }

  @Override
  public Map<String, Object> move(String mergedId, String survivorId) {
    Map<String, Object> moved = new LinkedHashMap<>();
    moved.put("complaints", mapper.moveComplaints(mergedId, survivorId));
    return moved;
  }
}
