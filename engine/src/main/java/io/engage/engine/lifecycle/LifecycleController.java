package io.engage.engine.lifecycle;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Lifecycle", description = "Lifecycle stages, their history, and the daily recompute")
class LifecycleController {

  private final Lifecycle lifecycle;
  private final LifecycleJobs jobs;

  LifecycleController(Lifecycle lifecycle, LifecycleJobs jobs) {
    this.lifecycle = lifecycle;
    this.jobs = jobs;
  }

  record StageView(CustomerStage current, List<StageHistoryEntry> history) {}

  @Operation(summary = "A customer's stage and its history (time, from, to, reason)")
  @GetMapping("/api/customers/{id}/lifecycle")
  StageView stage(@PathVariable String id) {
    return new StageView(lifecycle.stage(id).orElse(null), lifecycle.history(id, 200));
  }

  record SetStage(String stage, String reason) {}

  @Operation(summary = "Set a customer's stage by hand (pinned until their next paid order)")
  @PutMapping("/api/customers/{id}/lifecycle")
  StageView set(@PathVariable String id, @RequestBody SetStage body, java.security.Principal user) {
    LifecycleStage stage = LifecycleStage.fromWireName(body.stage() == null ? "" : body.stage())
        .orElseThrow(() -> new ApiProblemException(HttpStatus.BAD_REQUEST, "Unknown stage",
            "stage must be one of potential, new, active, loyal, at-risk, churned",
            List.of(new FieldError("stage", "must be one of potential, new, active, loyal, at-risk, churned"))));
    String reason = "set by " + user.getName() + (body.reason() == null || body.reason().isBlank() ? "" : ": " + body.reason());
    lifecycle.setStage(id, stage, reason);
    return stage(id);
  }

  @Operation(summary = "Customers per stage")
  @GetMapping("/api/lifecycle/summary")
  List<LifecycleMapper.StageCount> summary() {
    return lifecycle.counts();
  }

  @Operation(summary = "Run the full recompute now: order statistics, RFM (as of a date, default today) and every stage")
  @PostMapping("/api/lifecycle/recompute")
  LifecycleJobs.Recompute recompute(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
    return jobs.recomputeNow(asOf).orElseThrow(() -> new ApiProblemException(HttpStatus.CONFLICT, "Already running",
        "A recompute is running on this or another node", List.of()));
  }
}
