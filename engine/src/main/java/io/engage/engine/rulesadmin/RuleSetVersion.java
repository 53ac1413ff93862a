package io.engage.engine.rulesadmin;

import java.time.Instant;

/** One stored version of a rule set, as authored and as compiled (DRL). */
public record RuleSetVersion(
    long id,
    String ruleSet,
    int version,
    String status,
    String format,
    String drl,
    String original,
    String fileName,
    String comment,
    String createdBy,
    Instant createdAt,
    String activatedBy,
    Instant activatedAt) {

  public static final String DRAFT = "DRAFT";
  public static final String ACTIVE = "ACTIVE";
  public static final String RETIRED = "RETIRED";
}
