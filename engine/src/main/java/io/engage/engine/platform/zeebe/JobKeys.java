package io.engage.engine.platform.zeebe;

import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.crypto.Hashes;

/**
 * Idempotency keys for the side effects of job workers (points, coupons, messages), as the journey
 * contract defines them: by default (process instance, element instance, customer), so a job Zeebe
 * delivers twice acts once; with the header {@code idempotencyScope: trigger}, (journey, element id,
 * customer, {@code triggerId}), so a journey restarted for the same birthday or holiday acts once.
 */
public final class JobKeys {

  public static final String TRIGGER_SCOPE = "trigger";

  private JobKeys() {}

  /** The key for a job's side effect, at most {@code maxLength} characters (hashed when longer). */
  public static String of(ActivatedJob job, String customerId, int maxLength) {
    String triggerId = stringVariable(job, "triggerId");
    boolean byTrigger = TRIGGER_SCOPE.equals(job.getCustomHeaders().get(Journeys.IDEMPOTENCY_SCOPE_HEADER))
        && triggerId != null && !triggerId.isBlank();
    String key = byTrigger
        ? "journey:" + job.getBpmnProcessId() + ":" + job.getElementId() + ":" + customerId + ":" + triggerId
        : "journey:" + job.getProcessInstanceKey() + ":" + job.getElementInstanceKey() + ":" + customerId;
    return bounded(key, maxLength);
  }

  /** The key itself when short enough, else a readable prefix and the SHA-256 of the whole key. */
  public static String bounded(String key, int maxLength) {
    if (key.length() <= maxLength) {
      return key;
    }
    String hash = Hashes.sha256Hex(key);
    return key.substring(0, Math.max(0, maxLength - hash.length() - 1)) + "#" + hash;
  }

  /** A variable as text, or null when absent. */
  public static String stringVariable(ActivatedJob job, String name) {
    Object value = job.getVariablesAsMap().get(name);
    return value == null ? null : String.valueOf(value);
  }
}
