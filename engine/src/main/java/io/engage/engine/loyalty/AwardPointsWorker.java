package io.engage.engine.loyalty;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.zeebe.JobKeys;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:award-points}: header {@code reason} ({@code birthday-gift} takes the points from
 * the birthday rules by tier) and optionally {@code points}; writes {@code pointsAwarded}. With
 * {@code idempotencyScope: trigger} the key is per (journey, element, customer, triggerId), so a
 * customer gets one birthday gift a year even if the journey runs twice.
 */
@Component
public class AwardPointsWorker {

  private final JourneyPoints points;

  AwardPointsWorker(JourneyPoints points) {
    this.points = points;
  }

  @JobWorker(type = Journeys.AWARD_POINTS, fetchVariables = {"customerId", "triggerId"})
  public Map<String, Object> award(ActivatedJob job) {
    return Map.of("pointsAwarded", points.award(request(job)));
  }

  static JourneyPoints.Award request(ActivatedJob job) {
    String customerId = JobKeys.stringVariable(job, "customerId");
    if (customerId == null) {
      throw new IllegalArgumentException("The journey instance has no customerId variable");
    }
    Map<String, String> headers = job.getCustomHeaders();
    String reason = headers.getOrDefault("reason", "").trim();
    if (reason.isEmpty()) {
      throw new IllegalArgumentException("Header 'reason' is required on " + job.getElementId());
    }
    Long fixed = null;
    if (headers.get("points") != null && !headers.get("points").isBlank()) {
      try {
        fixed = Long.parseLong(headers.get("points").trim());
      } catch (NumberFormatException e) {
        fixed = -1L;
      }
      if (fixed <= 0 || fixed > 1_000_000) {
        throw new IllegalArgumentException("Header 'points' must be a whole number 1-1000000 on " + job.getElementId());
      }
    }
    return new JourneyPoints.Award(JobKeys.of(job, customerId, 128), customerId, reason, fixed, job.getBpmnProcessId(),
        job.getElementId(), JobKeys.stringVariable(job, "triggerId"));
  }
}
