package io.engage.engine.complaint;

import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/complaints")
@Tag(name = "Complaints", description = "The service queue and each complaint's escalation history")
class ComplaintController {

  private final Complaints complaints;

  ComplaintController(Complaints complaints) {
    this.complaints = complaints;
  }

  @Operation(summary = "The queue, most urgent SLA first, with level and time left (default: OPEN, ESCALATED, REOPENED)")
  @GetMapping
  List<ComplaintQueueItem> queue(@RequestParam(name = "status", required = false) List<String> statuses,
      @RequestParam(defaultValue = "100") int limit) {
    List<String> wanted = statuses == null ? List.of() : statuses.stream().map(String::toUpperCase).toList();
    for (String status : wanted) {
      if (!Complaints.isStatus(status)) {
        throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "Unknown status " + status,
            List.of(new FieldError("status", "must be OPEN, ESCALATED, RESOLVED, REOPENED or CLOSED")));
      }
    }
    return complaints.queue(wanted, Math.clamp(limit, 1, 500));
  }

  @Operation(summary = "One complaint: SLA, level, the escalation decision with its explanation, history, survey")
  @GetMapping("/{complaintId}")
  @Transactional(readOnly = true)
  Complaint get(@PathVariable String complaintId) {
    return complaints.find(complaintId).orElseThrow(() -> ApiProblemException.notFound("Complaint " + complaintId));
  }
}
