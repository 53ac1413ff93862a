package io.engage.engine.identity;

import io.engage.engine.customer.Customers;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The next group of live profiles that share a verified contact point, through {@link Customers}. */
@Component
class DuplicateFinder {

  record Group(String kind, String survivor, List<String> others) {}

  private final Customers customers;

  DuplicateFinder(Customers customers) {
    this.customers = customers;
  }

  Optional<Group> nextGroup() {
    List<Customers.ContactMatch> matches = customers.verifiedDuplicates(1000);
    if (matches.isEmpty()) {
      return Optional.empty();
    }
    Customers.ContactMatch first = matches.getFirst();
    List<String> ids = matches.stream()
        .filter(m -> m.kind().equals(first.kind()) && m.lookupKey().equals(first.lookupKey()))
        .map(Customers.ContactMatch::customerId)
        .toList();
    return Optional.of(new Group(first.kind(), ids.getFirst(), ids.subList(1, ids.size())));
  }
}
