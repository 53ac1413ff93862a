package io.engage.rules.escalation;

import java.util.Objects;

/**
 * A complaint as the escalation rules see it. {@code channel} is a name such as PHONE, APP, EMAIL,
 * WECHAT or WEIBO rather than an enum, so that service managers can add rules for a new channel
 * without a release; {@code tier} is the customer's tier (BASIC, SILVER, GOLD, PLUS).
 */
public record EscalationFact(String complaintId, Severity severity, String tier, String channel) {

  public EscalationFact {
    Objects.requireNonNull(severity, "severity");
  }
}
