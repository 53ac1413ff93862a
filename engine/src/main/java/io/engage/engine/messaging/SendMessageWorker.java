package io.engage.engine.messaging;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.engage.engine.platform.zeebe.ZeebeAnswers;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.zeebe.JobKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:send-message} (see bpmn/README.md): headers {@code channel} (default
 * {@code preferred}), {@code template}, {@code category} (default {@code marketing}) and
 * {@code idempotencyScope}; every scalar variable but {@code customerId} reaches the template as
 * {@code vars.*}. Writes {@code lastMessageStatus} (SENT, SUPPRESSED, FAILED) and
 * {@code lastMessageReason} (empty when sent).
 *
 * <p>The idempotency key is (process instance, element instance, customer), or with
 * {@code idempotencyScope: trigger} (journey, element id, customer, triggerId): a job delivered
 * twice, or retried after its answer was lost, finds the message already settled and only
 * completes. A message that must wait (quiet hours, a retry's backoff) fails the job with its
 * retries kept and a backoff until the message is due, so Zeebe itself wakes the step up then;
 * a configuration problem (missing template, no provider) fails it with one retry fewer, so it
 * ends as an incident someone can resolve once fixed.
 */
@Component
public class SendMessageWorker {

  /** The width of message.idempotency_key. */
  static final int MESSAGE_KEY_LENGTH = 191;
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);

  private final MessageService messages;
  private final Clock clock;

  SendMessageWorker(MessageService messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  /** What the job should be answered with. */
  record Outcome(Map<String, Object> variables, Duration backoff, String error, boolean keepRetries) {}

  @JobWorker(type = Journeys.SEND_MESSAGE, autoComplete = false)
  public void send(JobClient client, ActivatedJob job) {
    Outcome outcome = handle(job);
    if (outcome.variables() != null) {
      ZeebeAnswers.answerJob(client.newCompleteCommand(job.getKey()).variables(outcome.variables()), job.getKey());
    } else {
      ZeebeAnswers.answerJob(client.newFailCommand(job.getKey())
          .retries(outcome.keepRetries() ? job.getRetries() : job.getRetries() - 1)
          .retryBackoff(outcome.backoff())
          .errorMessage(outcome.error()), job.getKey());
    }
  }

  /** Sends (or finds the message already sent) and says how to answer the job; never answers it. */
  public Outcome handle(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, String> headers = job.getCustomHeaders();
    String customerId = String.valueOf(variables.get("customerId"));
    SendRequest request = new SendRequest(JobKeys.of(job, customerId, MESSAGE_KEY_LENGTH), customerId,
        headers.getOrDefault("channel", DeliveryPolicy.PREFERRED), headers.get("template"),
        headers.getOrDefault("category", Message.MARKETING), templateVars(variables), job.getBpmnProcessId(),
        job.getProcessInstanceKey(), job.getElementId());
    MessageDelivery.Attempt attempt;
    try {
      attempt = messages.sendNow(request);
    } catch (IllegalArgumentException e) {
      return new Outcome(null, MIN_BACKOFF, "engage:send-message on " + job.getElementId() + ": " + e.getMessage(), false);
    }
    Message message = attempt.message();
    if (attempt.problem() != null) {
      return new Outcome(null, Duration.ofMinutes(1), attempt.problem(), false);
    }
    if (attempt.waiting()) {
      Duration backoff = message.nextAttemptAt() == null ? MIN_BACKOFF
          : Duration.between(clock.instant(), message.nextAttemptAt());
      return new Outcome(null, backoff.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : backoff,
          "message " + message.id() + " waits: " + message.reason(), true);
    }
    Map<String, Object> output = new HashMap<>();
    // A receipt may have arrived before a repeated job: the journey cares that it went out.
    output.put("lastMessageStatus", Message.DELIVERED.equals(message.status()) ? Message.SENT : message.status());
    // Empty rather than null: a null variable is not written, and an earlier step's reason would stay.
    output.put("lastMessageReason", message.reason() == null ? "" : message.reason());
    return new Outcome(output, null, null, true);
  }

  /** Scalar process variables only: ids and values, never objects (which may hold anything). */
  static Map<String, Object> templateVars(Map<String, Object> variables) {
    Map<String, Object> vars = new HashMap<>();
    variables.forEach((name, value) -> {
      if (!"customerId".equals(name) && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
        vars.put(name, value);
      }
    });
    return vars;
  }
}
