package io.engage.bpmn;

import java.util.List;

/**
 * The journeys Engage ships, and the job types their tasks and listeners use. The engine deploys
 * these at start-up and serves every job type listed here.
 */
public enum Journeys {
  /** Welcome, first-order coupon and reminder, nurture tag; the first order exits (README.md). */
  ONBOARDING("onboarding", "io/engage/bpmn/onboarding.bpmn"),
  /** Birthday gift points and a greeting, once per birthday trigger. */
  BIRTHDAY_CARE("birthday-care", "io/engage/bpmn/birthday-care.bpmn"),
  /** Two coupon offers, then stage churned; any order exits as a win-back conversion. */
  WIN_BACK("win-back", "io/engage/bpmn/win-back.bpmn"),
  /** SLA wait with escalation up to the maximum level, then a CSAT survey; a poor score reopens. */
  COMPLAINT_ESCALATION("complaint-escalation", "io/engage/bpmn/complaint-escalation.bpmn"),
  /** A greeting on a calendar holiday, once per holiday trigger. */
  HOLIDAY_GREETINGS("holiday-greetings", "io/engage/bpmn/holiday-greetings.bpmn");

  /** Renders a template and sends it on a channel (headers: channel, template, category). */
  public static final String SEND_MESSAGE = "engage:send-message";

  /** Awards points: the birthday gift from the rules, or a fixed amount (headers: reason, points). */
  public static final String AWARD_POINTS = "engage:award-points";

  /** Issues a coupon to the customer (headers: coupon, value, minSpend, validDays). */
  public static final String ISSUE_COUPON = "engage:issue-coupon";

  /** Adds a tag to the customer's profile (header: tag). */
  public static final String TAG_CUSTOMER = "engage:tag-customer";

  /** Sets the customer's lifecycle stage (headers: stage, reason). */
  public static final String SET_LIFECYCLE_STAGE = "engage:set-lifecycle-stage";

  /** Records that the journey reached its goal (header: goal). */
  public static final String RECORD_CONVERSION = "engage:record-conversion";

  /** Whether the customer is in a saved segment (header: segment; output inSegment). */
  public static final String CHECK_SEGMENT = "engage:check-segment";

  /** Deterministic variant assignment with an optional holdout (headers: experiment, variants, holdout). */
  public static final String SPLIT_TEST = "engage:split-test";

  /** The escalation rules' SLA, start level and maximum level for a complaint. */
  public static final String DECIDE_ESCALATION = "engage:decide-escalation";

  /** Moves a complaint whose SLA was missed to the next level and notifies that level. */
  public static final String ESCALATE_COMPLAINT = "engage:escalate-complaint";

  /** Reopens the follow-up of a complaint after a poor satisfaction score. */
  public static final String REOPEN_COMPLAINT = "engage:reopen-complaint";

  /** Execution listener that records a step (or the end) of a journey instance for the 360 view. */
  public static final String JOURNEY_STEP = "engage:journey-step";

  /** Idempotency key from (journey, element id, customer, triggerId) instead of the instance. */
  public static final String IDEMPOTENCY_SCOPE_HEADER = "idempotencyScope";

  /** The job types of service tasks; each has an element template (see {@link #ELEMENT_TEMPLATES_INDEX}). */
  public static final List<String> SERVICE_TASK_TYPES = List.of(SEND_MESSAGE, AWARD_POINTS, ISSUE_COUPON,
      TAG_CUSTOMER, SET_LIFECYCLE_STAGE, RECORD_CONVERSION, CHECK_SEGMENT, SPLIT_TEST, DECIDE_ESCALATION,
      ESCALATE_COMPLAINT, REOPEN_COMPLAINT);

  /** Every job type the engine serves; a deployed BPMN may use no other. See README.md. */
  public static final List<String> JOB_TYPES = List.of(SEND_MESSAGE, AWARD_POINTS, ISSUE_COUPON, TAG_CUSTOMER,
      SET_LIFECYCLE_STAGE, RECORD_CONVERSION, CHECK_SEGMENT, SPLIT_TEST, DECIDE_ESCALATION, ESCALATE_COMPLAINT,
      REOPEN_COMPLAINT, JOURNEY_STEP);

  /**
   * Classpath location of the element templates' index: a JSON array of the template file names in
   * the same folder, each file one Camunda 8 element template (load them all into the modeler).
   */
  public static final String ELEMENT_TEMPLATES_INDEX = "io/engage/bpmn/element-templates/index.json";

  private final String processId;
  private final String resource;

  Journeys(String processId, String resource) {
    this.processId = processId;
    this.resource = resource;
  }

  public String processId() {
    return processId;
  }

  /** Classpath location of the BPMN file. */
  public String resource() {
    return resource;
  }
}
