package io.engage.rules.escalation;

/** How bad a complaint is, as the agent or the intake classified it. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
