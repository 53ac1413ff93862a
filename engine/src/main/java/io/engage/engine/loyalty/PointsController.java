package io.engage.engine.loyalty;

import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points", description = "A customer's points ledger, each entry with its why")
class PointsController {

  private final Loyalty loyalty;
  private final Customers customers;

  PointsController(Loyalty loyalty, Customers customers) {
    this.loyalty = loyalty;
    this.customers = customers;
  }

  record PointsView(String customerId, long balance, List<LedgerEntry> entries) {}

  @Operation(summary = "Balance and ledger: \"+240: base 120, GOLD x1.5 +60, books +60\", with rule set version and rules fired")
  @GetMapping("/api/customers/{id}/points")
  PointsView points(@PathVariable String id, @RequestParam(defaultValue = "200") int limit) {
    customers.find(id).orElseThrow(() -> ApiProblemException.notFound("Customer " + id));
    return new PointsView(id, loyalty.balance(id), loyalty.ledger(id, Math.clamp(limit, 1, 1000)));
  }
}
