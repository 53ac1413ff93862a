package io.engage.engine.journey;

import java.util.List;
import org.springframework.stereotype.Service;

/** The journey feature's public read API: a customer's journey instances and their steps. */
@Service
public class JourneyHistory {

  private final JourneyMapper mapper;

  JourneyHistory(JourneyMapper mapper) {
    this.mapper = mapper;
  }

  public List<JourneyInstance> forCustomer(String customerId) {
    return mapper.findInstances(customerId);
  }
}
