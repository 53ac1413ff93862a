package io.engage.bpmn;

import java.util.List;

/**
 * The journeys Engage ships, and the job types their tasks and listeners use. The engine deploys
 * these at start-up and serves every job type listed here.
 */
public enum Journeys {
  ONBOARDING("onboarding", "io/engage/bpmn/onboarding.bpmn");

  /** Renders a template and sends it on a channel (headers: channel, template, category). */
  public static final String SEND_MESSAGE = "engage:send-message";

  /** Execution listener that records a step (or the end) of a journey instance for the 360 view. */
  public static final String JOURNEY_STEP = "engage:journey-step";

  public static final List<String> JOB_TYPES = List.of(SEND_MESSAGE, JOURNEY_STEP);

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
