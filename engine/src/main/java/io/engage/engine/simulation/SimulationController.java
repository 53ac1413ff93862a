package io.engage.engine.simulation;

import io.engage.engine.rulesadmin.RuleSetOwners;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Rules", description = "Versioned rule sets: draft, validate, simulate, activate, roll back")
class SimulationController {

  private final SimulationService simulations;

  SimulationController(SimulationService simulations) {
    this.simulations = simulations;
  }

  record SimulationRequest(@NotNull Integer draftVersion, @NotNull Instant from, @NotNull Instant to,
      @Min(0) Integer page, @Min(1) @Max(500) Integer size) {}

  @Operation(summary = "Replay a period's real orders (or spend, for tiers) through the active version and a draft")
  @PostMapping("/api/rules/{ruleSet}/simulations")
  SimulationReport simulate(@PathVariable String ruleSet, @Valid @RequestBody SimulationRequest request,
      Authentication user) {
    RuleSetOwners.requireEditor(ruleSet, user);
    return simulations.simulate(ruleSet, request.draftVersion(), request.from(), request.to(),
        request.page() == null ? 0 : request.page(), request.size() == null ? 50 : request.size());
  }
}
