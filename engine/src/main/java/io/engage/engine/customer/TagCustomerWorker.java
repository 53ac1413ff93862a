package io.engage.engine.customer;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * {@code engage:tag-customer} (header: tag): adds the tag, recorded as set by the journey. A tag is
 * kept once per customer, so a re-delivered job changes nothing. A missing or malformed tag fails
 * the job (an incident to fix the model).
 */
@Component
public class TagCustomerWorker {

  private final Customers customers;
  private final Clock clock;

  TagCustomerWorker(Customers customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @JobWorker(type = Journeys.TAG_CUSTOMER, fetchVariables = "customerId")
  public void tag(ActivatedJob job) {
    String tag = job.getCustomHeaders().get("tag");
    if (tag == null || !Customers.TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException("Header 'tag' must be 1-64 lower-case letters, digits and . _ : - ; was " + tag);
    }
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    customers.addTag(customerId, tag, "journey:" + job.getBpmnProcessId(), clock.instant());
  }
}
