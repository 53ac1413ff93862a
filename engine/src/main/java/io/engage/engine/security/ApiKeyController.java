package io.engage.engine.security;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/api-keys")
@Tag(name = "API keys")
class ApiKeyController {

  private final ApiKeys keys;

  ApiKeyController(ApiKeys keys) {
    this.keys = keys;
  }

  record NewKey(String name, List<String> scopes, String expiresAt) {}

  @Operation(summary = "Create an API key (ADMIN); the answer holds the key, shown this once")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApiKeys.CreatedKey create(@RequestBody NewKey body, Principal user) {
    return keys.create(body.name(), body.scopes(), expiresAt(body.expiresAt()), user.getName());
  }

  @Operation(summary = "API keys with their scopes, expiry and last use (never the key)")
  @GetMapping
  List<ApiKeys.ApiKeyView> list() {
    return keys.list();
  }

  @Operation(summary = "Revoke an API key: it is refused from then on")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@PathVariable long id) {
    keys.revoke(id);
  }

  private static Instant expiresAt(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid API key", "Some fields are invalid",
          List.of(new FieldError("expiresAt", "must be an ISO-8601 date-time with offset")));
    }
  }
}
