package io.engage.engine.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers/{id}")
@Tag(name = "Customers", description = "Customer search and the 360 view")
class CustomerProfileController {

  private final Customers customers;
  private final Clock clock;

  CustomerProfileController(Customers customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @Operation(summary = "The customer's tags")
  @GetMapping("/tags")
  List<CustomerTag> tags(@PathVariable String id) {
    return customers.tags(id);
  }

  @Operation(summary = "Add a tag (201 when added, 200 when the customer already had it)")
  @PutMapping("/tags/{tag}")
  ResponseEntity<List<CustomerTag>> addTag(@PathVariable String id, @PathVariable String tag, Principal user) {
    boolean added = customers.addTag(id, tag, "user:" + user.getName(), clock.instant());
    return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(customers.tags(id));
  }

  @Operation(summary = "Remove a tag")
  @DeleteMapping("/tags/{tag}")
  ResponseEntity<Void> removeTag(@PathVariable String id, @PathVariable String tag) {
    customers.removeTag(id, tag);
    return ResponseEntity.noContent().build();
  }

  record Verification(Boolean email, Boolean phone) {}

  @Operation(summary = "Mark the profile's email and/or phone as verified (merge rules match on verified contact points only)")
  @PutMapping("/verification")
  CustomerIdentity verify(@PathVariable String id, @RequestBody Verification body) {
    customers.setVerified(id, body.email(), body.phone());
    return customers.identity(id).orElseThrow();
  }
}
