package io.engage.engine.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity", description = "Merging profiles of one person")
class MergeController {

  private final CustomerMerges merges;

  MergeController(CustomerMerges merges) {
    this.merges = merges;
  }

  record MergeRequest(String survivor, String merged, String reason) {}

  @Operation(summary = "Merge one profile into another: orders, points, consent, tags, journeys and messages move")
  @PostMapping("/api/customers/merges")
  @ResponseStatus(HttpStatus.CREATED)
  CustomerMergeRecord merge(@RequestBody MergeRequest request, Principal user) {
    String reason = request.reason() == null || request.reason().isBlank() ? "requested by " + user.getName() : request.reason();
    return merges.merge(request.survivor(), request.merged(), CustomerMerges.ON_REQUEST, reason, user.getName());
  }

  @Operation(summary = "Merge every group of profiles sharing a verified email or phone (the oldest registration survives)")
  @PostMapping("/api/customers/merges/by-verified-contacts")
  List<CustomerMergeRecord> byRule(Principal user) {
    return merges.mergeByVerifiedContacts(user.getName());
  }

  @GetMapping("/api/customers/{id}/merges")
  List<CustomerMergeRecord> of(@PathVariable String id) {
    return merges.mergesOf(id);
  }
}
