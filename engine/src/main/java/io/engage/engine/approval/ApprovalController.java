package io.engage.engine.approval;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/approvals")
@Tag(name = "Approvals", description = "Risky changes waiting for a second person")
class ApprovalController {

  private final Approvals approvals;

  ApprovalController(Approvals approvals) {
    this.approvals = approvals;
  }

  @Operation(summary = "Approvals, newest first (status PENDING, APPROVED or REJECTED)")
  @GetMapping
  List<Approval> list(@RequestParam(required = false) String status, @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId, @RequestParam(defaultValue = "100") int limit) {
    return approvals.search(status == null || status.isBlank() ? null : status.trim().toUpperCase(Locale.ROOT),
        targetType, targetId, Math.clamp(limit, 1, 500));
  }

  @GetMapping("/{id}")
  Approval get(@PathVariable long id) {
    return approvals.get(id);
  }

  @Operation(summary = "Approve and perform the change (not by the user who requested it)")
  @PostMapping("/{id}/approve")
  Approvals.Decision approve(@PathVariable long id, Authentication user) {
    return approvals.approve(id, user);
  }

  @Operation(summary = "Reject the change (or withdraw your own request)")
  @PostMapping("/{id}/reject")
  Approval reject(@PathVariable long id, Authentication user) {
    return approvals.reject(id, user);
  }
}
