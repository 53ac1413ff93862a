package io.engage.engine.loyalty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tiers", description = "Manual tier overrides: explicit, dated, explained")
class TierOverrideController {

  private final TierService tiers;

  TierOverrideController(TierService tiers) {
    this.tiers = tiers;
  }

  record OverrideRequest(@NotBlank String tier, @NotNull LocalDate until, @NotBlank @Size(max = 500) String reason) {}

  @Operation(summary = "Put a customer in a tier until a date, with a reason; recorded in the tier history")
  @PutMapping("/api/customers/{id}/tier-override")
  TierOverride set(@PathVariable String id, @Valid @RequestBody OverrideRequest request, Authentication user) {
    return tiers.setOverride(id, request.tier(), request.until(), request.reason(), user.getName());
  }

  @Operation(summary = "End an override now; the rules decide the tier again")
  @DeleteMapping("/api/customers/{id}/tier-override")
  ResponseEntity<Void> remove(@PathVariable String id, Authentication user) {
    tiers.removeOverride(id, user.getName());
    return ResponseEntity.noContent().build();
  }
}
