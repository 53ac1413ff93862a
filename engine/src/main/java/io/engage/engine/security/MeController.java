package io.engage.engine.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Session")
class MeController {

  @Operation(summary = "Who is signed in, with which roles")
  @GetMapping("/api/me")
  SecurityConfiguration.Me me(Authentication authentication) {
    return SecurityConfiguration.Me.of(authentication);
  }
}
