package io.engage.engine.coupon;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.zeebe.JobKeys;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code engage:issue-coupon}: headers {@code coupon} (campaign), {@code value} (yuan off),
 * {@code minSpend}, {@code validDays} (default 14). Writes {@code couponCode}, {@code couponValue}
 * and {@code couponExpiresAt}. A job delivered twice returns the coupon issued the first time.
 */
@Component
public class IssueCouponWorker {

  private final Coupons coupons;

  IssueCouponWorker(Coupons coupons) {
    this.coupons = coupons;
  }

  @JobWorker(type = Journeys.ISSUE_COUPON, fetchVariables = {"customerId", "triggerId"})
  public Map<String, Object> issue(ActivatedJob job) {
    Coupon coupon = coupons.issue(request(job));
    return Map.of(
        "couponCode", coupon.code(),
        "couponValue", coupon.value().toPlainString(),
        "couponExpiresAt", coupon.expiresAt().toString());
  }

  /** The request a job asks for; bad headers fail the job with the header named (an incident). */
  static CouponRequest request(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String customerId = JobKeys.stringVariable(job, "customerId");
    if (customerId == null) {
      throw new IllegalArgumentException("The journey instance has no customerId variable");
    }
    String campaign = headers.get("coupon");
    if (campaign == null || campaign.isBlank()) {
      throw new IllegalArgumentException("Header 'coupon' (the campaign key) is required on " + job.getElementId());
    }
    BigDecimal value = amount(headers, "value", true, job);
    BigDecimal minSpend = amount(headers, "minSpend", false, job);
    int validDays = 14;
    if (headers.get("validDays") != null) {
      try {
        validDays = Integer.parseInt(headers.get("validDays").trim());
      } catch (NumberFormatException e) {
        validDays = -1;
      }
      if (validDays < 1 || validDays > 3650) {
        throw new IllegalArgumentException("Header 'validDays' must be 1-3650 on " + job.getElementId());
      }
    }
    return new CouponRequest(JobKeys.of(job, customerId, 191), customerId, campaign, value, minSpend, validDays,
        job.getBpmnProcessId(), job.getProcessInstanceKey(), job.getElementId());
  }

  private static BigDecimal amount(Map<String, String> headers, String name, boolean required, ActivatedJob job) {
    String text = headers.get(name);
    if (text == null || text.isBlank()) {
      if (required) {
        throw new IllegalArgumentException("Header '" + name + "' (yuan) is required on " + job.getElementId());
      }
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(text.trim()).setScale(2, java.math.RoundingMode.UNNECESSARY);
      if (amount.signum() <= 0) {
        throw new NumberFormatException();
      }
      return amount;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("Header '" + name + "' must be a positive amount in yuan with at most 2 decimals on "
          + job.getElementId());
    }
  }
}
