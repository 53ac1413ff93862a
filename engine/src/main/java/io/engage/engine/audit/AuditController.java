package io.engage.engine.audit;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log")
class AuditController {

  static final int MAX_PAGE_SIZE = 500;
  private final AuditTrail trail;

  AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @Operation(summary = "Search the audit log, newest first (ADMIN)")
  @GetMapping("/api/admin/audit")
  AuditTrail.AuditPage search(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    List<FieldError> errors = new ArrayList<>();
    Instant fromInstant = instant("from", from, errors);
    Instant toInstant = instant("to", to, errors);
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid search", "Some parameters are invalid", errors);
    }
    AuditQuery query = new AuditQuery(blankToNull(actor), blankToNull(action), blankToNull(targetType),
        blankToNull(targetId), fromInstant, toInstant);
    return trail.search(query, page, size);
  }

  private static Instant instant(String field, String value, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-11T00:00:00Z"));
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
