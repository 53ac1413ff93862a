package io.engage.engine.customer;

import io.engage.engine.platform.identity.CustomerAliases;
import org.springframework.stereotype.Component;

/**
 * Follows {@code merged_to}. A merge re-points older aliases at the new survivor, so one hop is
 * the rule; the loop is a guard for rows written by an interrupted merge.
 */
@Component
class CustomerAliasResolver implements CustomerAliases {

  private static final int MAX_HOPS = 8;
  private final CustomerMapper mapper;

  CustomerAliasResolver(CustomerMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String canonicalId(String customerId) {
    String current = customerId;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      String next = mapper.findMergedInto(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }
}
