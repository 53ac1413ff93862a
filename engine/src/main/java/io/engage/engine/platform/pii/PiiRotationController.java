package io.engage.engine.platform.pii;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/pii")
@Tag(name = "Personal data", description = "Key rotation of personal data at rest")
class PiiRotationController {

  private final PiiRotationJob job;

  PiiRotationController(PiiRotationJob job) {
    this.job = job;
  }

  record Rotation(PiiRotationJob.Status run, Map<String, Long> remaining) {}

  @Operation(summary = "Re-encrypt every personal data value under engage.pii.active-key-id (a background job; 202)")
  @PostMapping("/rotate")
  ResponseEntity<Rotation> rotate() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Rotation(job.start(), Map.of()));
  }

  @Operation(summary = "The last rotation and the rows per table not yet under the active key")
  @GetMapping("/rotation")
  Rotation rotation() {
    return new Rotation(job.status(), job.remaining());
  }
}
