package io.engage.engine.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.engage.engine.customer.CustomerIdentity;
import io.engage.engine.customer.CustomerMergeStep;
import io.engage.engine.customer.CustomerProfileChanged;
import io.engage.engine.customer.Customers;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Merges two profiles of one person into the survivor, on request or by the rule "same verified
 * email or phone". Every feature moves its own data ({@link CustomerMergeStep}, in order) in one
 * transaction with both profiles locked, so a merge is all or nothing; rows move rather than copy,
 * so nothing is counted twice. The merge is recorded with what each step moved, and the merged id
 * keeps redirecting to the survivor (events sent for it later land on the survivor).
 */
@Service
public class CustomerMerges {

  public static final String ON_REQUEST = "on-request";
  public static final String VERIFIED_EMAIL = "verified-email";
  public static final String VERIFIED_PHONE = "verified-phone";
  private static final int MAX_RULE_MERGES = 10_000;

  private final IdentityMapper mapper;
  private final Customers customers;
  private final List<CustomerMergeStep> steps;
  private final DuplicateFinder duplicates;
  private final TransactionTemplate transactions;
  private final ApplicationEventPublisher publisher;
  private final ObjectMapper json;
  private final Clock clock;
  private final MeterRegistry meters;

  CustomerMerges(IdentityMapper mapper, Customers customers, List<CustomerMergeStep> steps, DuplicateFinder duplicates,
      TransactionTemplate transactions, ApplicationEventPublisher publisher, ObjectMapper json, Clock clock,
      MeterRegistry meters) {
    this.mapper = mapper;
    this.customers = customers;
    this.steps = steps;
    this.duplicates = duplicates;
    this.transactions = transactions;
    this.publisher = publisher;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  /** Merges {@code mergedId} into {@code survivorId}; merging the same pair again returns the first record. */
  @Transactional
  public CustomerMergeRecord merge(String survivorId, String mergedId, String rule, String reason, String actor) {
    if (survivorId == null || mergedId == null || survivorId.equals(mergedId)) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid merge", "survivor and merged must be two different customers",
          List.of(new FieldError("merged", "must differ from survivor")));
    }
    CustomerMergeRecord earlier = mapper.findByMerged(mergedId);
    if (earlier != null && earlier.survivorId().equals(survivorId)) {
      return earlier;
    }
    if (mapper.lockCustomers(survivorId, mergedId).size() < 2) {
      String missing = customers.find(survivorId).isEmpty() ? survivorId : mergedId;
      throw ApiProblemException.notFound("Customer " + missing);
    }
    requireLive(survivorId, "survivor");
    requireLive(mergedId, "merged");
    Map<String, Object> moved = new LinkedHashMap<>();
    for (CustomerMergeStep step : steps) {
      moved.put(step.name(), step.move(mergedId, survivorId));
    }
    Map<String, Object> explanation = new LinkedHashMap<>();
    explanation.put("summary", "Customer " + mergedId + " merged into " + survivorId + " (" + rule + "): " + reason);
    explanation.put("moved", moved);
    mapper.insertMerge(survivorId, mergedId, rule, reason, actor, write(explanation), clock.instant());
    publisher.publishEvent(new CustomerProfileChanged(survivorId, "merge"));
    meters.counter("engage.customers.merged", "rule", rule).increment();
    return mapper.findByMerged(mergedId);
  }

  private void requireLive(String id, String role) {
    CustomerIdentity identity = customers.identity(id).orElseThrow();
    if (identity.mergedInto() != null) {
      throw new ApiProblemException(HttpStatus.CONFLICT, "Already merged",
          "Customer " + id + " was merged into " + identity.mergedInto() + " and cannot be the " + role,
          List.of(new FieldError(role, "was merged into " + identity.mergedInto())));
    }
  }

  /**
   * The rule: live profiles sharing a verified email (or phone) are one person. The oldest
   * registration survives; each merge is its own transaction. Returns the merges made.
   */
  public List<CustomerMergeRecord> mergeByVerifiedContacts(String actor) {
    List<CustomerMergeRecord> merged = new ArrayList<>();
    while (merged.size() < MAX_RULE_MERGES) {
      var group = duplicates.nextGroup();
      if (group.isEmpty()) {
        break;
      }
      DuplicateFinder.Group found = group.get();
      String rule = found.kind().equals("email") ? VERIFIED_EMAIL : VERIFIED_PHONE;
      for (String other : found.others()) {
        merged.add(transactions.execute(status -> merge(found.survivor(), other, rule,
            "same verified " + found.kind() + " as " + found.survivor(), actor)));
      }
    }
    return merged;
  }

  public List<CustomerMergeRecord> mergesOf(String customerId) {
    return mapper.findForCustomer(customerId);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
