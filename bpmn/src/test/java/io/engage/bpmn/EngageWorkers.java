package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.assertions.BpmnAssert;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

/**
 * Plays the part of the engine's job workers on the in-memory engine, following the contract in
 * README.md: it completes every job the journeys create with the outputs the contract promises and
 * records what each job was asked to do (headers and the variables it could read).
 */
final class EngageWorkers {

  /** One job as a worker saw it. */
  record Job(String type, String processId, long instanceKey, String elementId, Map<String, String> headers,
      Map<String, Object> variables) {

    String header(String key) {
      return headers.get(key);
    }

    Object variable(String name) {
      return variables.get(name);
    }
  }

  /**
   * What the escalation rules decide: the start level, the maximum level and the SLA at each level
   * (index 0 is level 1).
   */
  record EscalationRules(int startLevel, int maxLevel, List<Duration> slaPerLevel) {

    Duration sla(int level) {
      return slaPerLevel.get(level - 1);
    }
  }

  private static final Set<Intent> ENDED = Set.of(JobIntent.COMPLETED, JobIntent.CANCELED, JobIntent.ERROR_THROWN);

  private final ZeebeClient client;
  private final ZeebeTestEngine engine;
  private final List<Job> jobs = new ArrayList<>();
  private final Instant started = Instant.now();
  private Duration elapsed = Duration.ZERO;
  private int couponSerial;

  EscalationRules escalation = new EscalationRules(1, 3,
      List.of(Duration.ofHours(8), Duration.ofHours(4), Duration.ofHours(2)));
  long birthdayGiftPoints = 300;

  EngageWorkers(ZeebeClient client, ZeebeTestEngine engine) {
    this.client = client;
    this.engine = engine;
  }

  /** Completes jobs until none is left, as the engine's workers would. */
  void workOff() {
    while (true) {
      idle();
      List<ActivatedJob> activated = new ArrayList<>();
      for (String type : typesOfOpenJobs()) {
        activated.addAll(client.newActivateJobsCommand().jobType(type).maxJobsToActivate(64)
            .send().join().getJobs());
      }
      if (activated.isEmpty()) {
        return;
      }
      activated.sort(Comparator.comparingLong(ActivatedJob::getKey));
      for (ActivatedJob job : activated) {
        Map<String, Object> variables = job.getVariablesAsMap();
        jobs.add(new Job(job.getType(), job.getBpmnProcessId(), job.getProcessInstanceKey(), job.getElementId(),
            Map.copyOf(job.getCustomHeaders()), variables));
        client.newCompleteCommand(job.getKey()).variables(outputs(job, variables)).send().join();
      }
    }
  }

  /**
   * The types of the jobs created and not yet completed or cancelled, read from the engine's record
   * stream: asking only for those keeps a test from polling a dozen job types after every step.
   */
  private Set<String> typesOfOpenJobs() {
    Map<Long, String> open = new HashMap<>();
    for (Record<JobRecordValue> record : BpmnAssert.getRecordStream().jobRecords()) {
      if (record.getIntent() == JobIntent.CREATED) {
        open.put(record.getKey(), record.getValue().getType());
      } else if (ENDED.contains(record.getIntent())) {
        open.remove(record.getKey());
      }
    }
    Set<String> types = new TreeSet<>(open.values());
    assertThat(Journeys.JOB_TYPES).as("job types the engine serves").containsAll(types);
    return types;
  }

  /** Moves the engine clock (timers due by then fire), then works off what that set in motion. */
  void advance(Duration duration) {
    idle();
    engine.increaseTime(duration);
    elapsed = elapsed.plus(duration);
    workOff();
  }

  /** Waits until the engine has processed everything it can without a job or the clock. */
  void idle() {
    try {
      engine.waitForIdleState(Duration.ofSeconds(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the engine did not become idle", e);
    }
  }

  /** The outputs the contract promises for each job type. */
  private Map<String, Object> outputs(ActivatedJob job, Map<String, Object> variables) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> out = new HashMap<>();
    switch (job.getType()) {
      case Journeys.SEND_MESSAGE -> out.put("lastMessageStatus", "SENT");
      case Journeys.AWARD_POINTS -> out.put("pointsAwarded", "birthday-gift".equals(headers.get("reason"))
          ? birthdayGiftPoints : Long.parseLong(headers.get("points")));
      case Journeys.ISSUE_COUPON -> {
        int validDays = Integer.parseInt(headers.getOrDefault("validDays", "14"));
        out.put("couponCode", headers.get("coupon").toUpperCase() + "-" + (++couponSerial));
        out.put("couponValue", headers.get("value"));
        out.put("couponExpiresAt", started.plus(elapsed).plus(Duration.ofDays(validDays)).toString());
      }
      case Journeys.CHECK_SEGMENT -> out.put("inSegment", false);
      case Journeys.SPLIT_TEST -> out.put("variant", "A");
      case Journeys.DECIDE_ESCALATION -> level(out, escalation.startLevel());
      case Journeys.ESCALATE_COMPLAINT -> level(out, ((Number) variables.get("level")).intValue() + 1);
      default -> {
        // tag, stage, conversion, reopen and the journey-step listener write nothing
      }
    }
    return out;
  }

  private void level(Map<String, Object> out, int level) {
    out.put("level", level);
    out.put("maxLevel", escalation.maxLevel());
    out.put("atMaxLevel", level >= escalation.maxLevel());
    out.put("slaDuration", escalation.sla(level).toString());
  }

  /** Every job of a type, in the order the workers took them. */
  List<Job> jobs(String type) {
    return jobs.stream().filter(j -> j.type().equals(type)).toList();
  }

  /** Every job of a type for one journey instance. */
  List<Job> jobs(String type, long instanceKey) {
    return jobs(type).stream().filter(j -> j.instanceKey() == instanceKey).toList();
  }

  /** The messages sent, as {@code channel:template:category}. */
  List<String> messages(long instanceKey) {
    return jobs(Journeys.SEND_MESSAGE, instanceKey).stream()
        .map(j -> j.header("channel") + ":" + j.header("template") + ":" + j.header("category")).toList();
  }

  /** The steps the journey-step listener recorded for an instance, in order. */
  List<String> steps(long instanceKey) {
    return jobs(Journeys.JOURNEY_STEP, instanceKey).stream().map(Job::elementId).toList();
  }
}
