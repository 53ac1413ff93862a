package io.engage.engine.journey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "Customer search and the 360 view")
class CustomerJourneysController {

  private final CustomerJourneys journeys;

  CustomerJourneysController(CustomerJourneys journeys) {
    this.journeys = journeys;
  }

  @Operation(summary = "A customer's journeys: every instance, its steps and when, its messages sent or suppressed with the reason")
  @GetMapping("/api/customers/{customerId}/journeys")
  @Transactional(readOnly = true)
  CustomerJourneys.View get(@PathVariable String customerId) {
    return journeys.of(customerId);
  }
}
