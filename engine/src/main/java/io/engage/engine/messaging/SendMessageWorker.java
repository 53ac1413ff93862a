package io.engage.engine.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.engage.bpmn.Journeys;
import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * {@code engage:send-message}: headers name the channel, template and category; the idempotency
 * key is (process instance, element instance, customer), so a job Zeebe delivers twice sends once.
 * A provider's transient failure fails the job with a growing backoff for Zeebe to retry; the last
 * retry settles the message as failed and lets the journey go on.
 */
@Component
public class SendMessageWorker {

  private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
  private final MessageService messages;

  SendMessageWorker(MessageService messages) {
    this.messages = messages;
  }

  @JobWorker(type = Journeys.SEND_MESSAGE, fetchVariables = "customerId", autoComplete = false)
  public void send(JobClient client, ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String customerId = String.valueOf(job.getVariablesAsMap().get("customerId"));
    String key = "journey:" + job.getProcessInstanceKey() + ":" + job.getElementInstanceKey() + ":" + customerId;
    SendRequest request = new SendRequest(key, customerId, headers.getOrDefault("channel", "email"),
        headers.get("template"), headers.getOrDefault("category", MessageService.MARKETING), job.getBpmnProcessId(),
        job.getProcessInstanceKey(), job.getElementId());
    try {
      Message message = messages.send(request, job.getRetries() <= 1);
      client.newCompleteCommand(job.getKey())
          .variables(Map.of("lastMessageStatus", message.status()))
          .send().join();
    } catch (TransientDeliveryException e) {
      int attempt = Math.max(1, 6 - job.getRetries());
      Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 5L << attempt));
      client.newFailCommand(job.getKey())
          .retries(job.getRetries() - 1)
          .retryBackoff(backoff)
          .errorMessage("Delivery failed for now: " + e.getMessage())
          .send().join();
    }
  }
}
