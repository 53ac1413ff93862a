package io.engage.engine.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/{id}")
@Tag(name = "Privacy", description = "Data subject requests: access (export) and erasure")
class PrivacyController {

  private final CustomerExport exports;
  private final CustomerErasure erasures;
  private final Clock clock;

  PrivacyController(CustomerExport exports, CustomerErasure erasures, Clock clock) {
    this.exports = exports;
    this.erasures = erasures;
    this.clock = clock;
  }

  @Operation(summary = "Everything held about the customer, as JSON (every table naming them, personal data opened); audited")
  @GetMapping("/export")
  ResponseEntity<CustomerExport.Export> export(@PathVariable String id) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + id.replaceAll("[^A-Za-z0-9._-]", "_")
            + "-export.json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(exports.export(id, clock.instant()));
  }

  @Operation(summary = "Erase the customer's personal data (tombstone; orders, points and ledger stay), withdraw every "
      + "consent, leave every journey; audited. A repeat is harmless.")
  @PostMapping("/erasure")
  CustomerErasure.Result erase(@PathVariable String id) {
    return erasures.erase(id);
  }
}
