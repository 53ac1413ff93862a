package io.engage.engine.messaging;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/messaging/policy")
@Tag(name = "Delivery policy", description = "The frequency cap and quiet hours for marketing messages")
class PolicyController {

  private final PolicySettings settings;

  PolicyController(PolicySettings settings) {
    this.settings = settings;
  }

  @Operation(summary = "The frequency cap and quiet hours in force, and where they come from")
  @GetMapping
  PolicySettings.Policy get() {
    return settings.current();
  }

  @Operation(summary = "Change the frequency cap and quiet hours for every node at once")
  @PutMapping
  PolicySettings.Policy change(@RequestBody PolicySettings.PolicyChange change, Principal user) {
    return settings.change(change, user.getName());
  }

  @Operation(summary = "Go back to the configured defaults")
  @DeleteMapping
  PolicySettings.Policy reset() {
    return settings.reset();
  }
}
