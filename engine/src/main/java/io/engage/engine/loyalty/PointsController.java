package io.engage.engine.loyalty;

import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points", description = "A customer's points ledger, each entry with its why")
class PointsController {

  private final Loyalty loyalty;
  private final Customers customers;
  private final LoyaltyService service;

  PointsController(Loyalty loyalty, Customers customers, LoyaltyService service) {
    this.loyalty = loyalty;
    this.customers = customers;
    this.service = service;
  }

  record PointsView(String customerId, long balance, long available, long pending, List<LedgerEntry> entries) {}

  record Redemption(@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:@-]+") String idempotencyKey,
      @Positive @Max(100_000_000) long points, @Size(max = 200) String reason) {}

  record Redeemed(String customerId, long ledgerId, long available) {}

  @Operation(summary = "Balance and ledger: \"+240: base 120, GOLD x1.5 +60, books +60\", with rule set version and rules fired")
  @GetMapping("/api/customers/{id}/points")
  // One read-only transaction, so balance, available, pending and the ledger come from one InnoDB
  // snapshot: read one by one, an order committed between them gave a balance without its points
  // next to a ledger with them.
  @Transactional(readOnly = true)
  PointsView points(@PathVariable String id, @RequestParam(defaultValue = "200") int limit) {
    customers.find(id).orElseThrow(() -> ApiProblemException.notFound("Customer " + id));
    return new PointsView(id, loyalty.balance(id), loyalty.available(id), loyalty.pending(id),
        loyalty.ledger(id, Math.clamp(limit, 1, 1000)));
  }

  @Operation(summary = "Redeem available points, oldest-expiring first; the same idempotency key redeems once")
  @PostMapping("/api/customers/{id}/points/redemptions")
  Redeemed redeem(@PathVariable String id, @Valid @RequestBody Redemption redemption) {
    long ledgerId = service.redeem(id, redemption.idempotencyKey(), redemption.points(), redemption.reason());
    return new Redeemed(id, ledgerId, loyalty.available(id));
  }
}
