package io.engage.engine.journey;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.engage.bpmn.Journeys;
import io.engage.engine.platform.embedded.LoopbackZeebeEngine;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One preview: a fresh in-memory engine, the preview workers, the journey version, and a loop that
 * lets the engine settle (no record being processed and no job open), then moves its clock to the
 * next timer or injected event, until the span is over or the instance has ended. The timeline is
 * built from the engine's own records (steps, timers, incidents, with the engine's timestamps) and
 * what the preview workers recorded.
 */
final class PreviewRun implements AutoCloseable {

  private static final Duration SETTLE = Duration.ofSeconds(10);
  private static final int MAX_ROUNDS = 2_000;
  private static final Set<BpmnElementType> NOT_STEPS = Set.of(BpmnElementType.SEQUENCE_FLOW,
      BpmnElementType.UNSPECIFIED);

  private final String journey;
  private final int version;
  private final String xml;
  private final JourneyModel model;
  private final String customerId;
  private final Map<String, Object> startData;
  private final PreviewWorkers workers;
  private final JourneyProperties properties;
  private final LoopbackZeebeEngine engine;
  private final CamundaClient client;
  private final List<JobWorker> openWorkers = new ArrayList<>();
  /** What the preview workers and the run itself recorded, with the engine time for ordering. */
  private final List<Timed> recorded = Collections.synchronizedList(new ArrayList<>());
  private final List<String> notes = new ArrayList<>();
  private final PreviewWorkers.RunState state = new PreviewWorkers.RunState();
  private Instant start;
  /**
   * Where each clock jump put the engine and the simulated instant it stands for, in order. The
   * engine clock keeps running with real time between jumps, so a step's engine timestamp carries
   * the milliseconds (or, on a loaded machine, seconds) the preview itself took; the timeline shows
   * the simulated instant of the round the step happened in instead.
   */
  private final List<Jump> jumps = new ArrayList<>();
  private volatile Instant simulatedNow;

  private record Jump(Instant engineAt, Instant simulated) {}

  /** An entry and the engine time it happened at: entries of one round keep the engine's order. */
  private record Timed(Instant engineAt, JourneyPreviews.Entry entry) {}

  PreviewRun(String journey, int version, String xml, JourneyModel model, String customerId,
      Map<String, Object> startData, PreviewWorkers workers, JourneyProperties properties) {
    this.journey = journey;
    this.version = version;
    this.xml = xml;
    this.model = model;
    this.customerId = customerId;
    this.startData = startData;
    this.workers = workers;
    this.properties = properties;
    this.engine = LoopbackZeebeEngine.startIsolated();
    // Never the configured cluster: no environment overrides, only the preview engine's address.
    this.client = CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.port()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.port()))
        .preferRestOverGrpc(false)
        .defaultJobWorkerStreamEnabled(true)
        .build();
  }

  JourneyPreviews.Timeline execute(Duration span, List<JourneyPreviews.Injection> injections) {
    Instant deadline = Instant.now().plus(properties.preview().timeout());
    for (String type : Journeys.JOB_TYPES) {
      openWorkers.add(client.newWorker().jobType(type).handler(this::handle).name("preview")
          .timeout(Duration.ofSeconds(30)).streamEnabled(true).open());
    }
    client.newDeployResourceCommand().addResourceBytes(xml.getBytes(StandardCharsets.UTF_8), journey + ".bpmn")
        .send().join();
    start = engineNow();
    simulatedNow = start;
    jumps.add(new Jump(start, start));
    Instant end = start.plus(span);
    enter();
    List<JourneyPreviews.Injection> pending = new ArrayList<>(injections);
    boolean completed = false;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (Instant.now().isAfter(deadline)) {
        notes.add("the preview stopped after " + properties.preview().timeout().toSeconds() + "s of real time");
        break;
      }
      settle();
      while (!pending.isEmpty() && !start.plus(pending.getFirst().after()).isAfter(simulatedNow)) {
        inject(pending.removeFirst());
        settle();
      }
      if (instanceEnded()) {
        completed = true;
        break;
      }
      Due nextTimer = nextTimerDue();
      Instant nextEvent = pending.isEmpty() ? null : start.plus(pending.getFirst().after());
      boolean timerFirst = nextTimer != null && (nextEvent == null || nextTimer.simulated().isBefore(nextEvent));
      Instant next = timerFirst ? nextTimer.simulated() : nextEvent;
      if (next == null || next.isAfter(end)) {
        break;
      }
      // The engine runs ahead of the simulated time by the real time the preview has taken: move it
      // by the simulated span, and at least far enough for the timer to fire.
      Duration advance = Duration.between(simulatedNow, next).plusMillis(1);
      if (timerFirst) {
        Duration toFire = Duration.between(engineNow(), nextTimer.engine()).plusMillis(1);
        advance = toFire.compareTo(advance) > 0 ? toFire : advance;
      }
      if (!advance.isNegative()) {
        jumpTo(next, advance);
      }
    }
    if (!completed && notes.isEmpty()) {
      notes.add(instanceEnded() ? "" : "the instance is still waiting at the end of the span");
      notes.removeIf(String::isEmpty);
    }
    notes.add("nothing was sent or written: messages, points and coupons show what would happen");
    return new JourneyPreviews.Timeline(journey, version, customerId, start, end, (int) span.toDays(),
        completed || instanceEnded(), timeline(), notes);
  }

  /** Moves the engine clock past {@code simulated}; what happens from here on happened then. */
  private void jumpTo(Instant simulated, Duration advance) {
    Instant engineAt = engineNow().plus(advance);
    jumps.add(new Jump(engineAt.minusMillis(1), simulated));
    simulatedNow = simulated;
    engine.increaseTime(advance);
    awaitBusy();
  }

  /** The simulated instant of an engine timestamp: that of the last jump at or before it. */
  private Instant simulated(Instant engineAt) {
    Instant result = start;
    for (Jump jump : jumps) {
      if (jump.engineAt().isAfter(engineAt)) {
        break;
      }
      result = jump.simulated();
    }
    return result;
  }

  /** Starts the instance the way the engine would: the message its start event waits for. */
  private void enter() {
    String message = model.startMessages().isEmpty() ? null : model.startMessages().iterator().next();
    if (message == null) {
      client.newCreateInstanceCommand().bpmnProcessId(journey).latestVersion()
          .variables(Map.of("customerId", customerId)).send().join();
      return;
    }
    ObjectMapper json = new ObjectMapper();
    String eventId = "preview-" + UUID.randomUUID();
    Map<String, Object> data = new LinkedHashMap<>(startData);
    String type = message;
    JourneyMessage publish;
    if (message.equals(BirthdayScan.MESSAGE) || message.equals(HolidayScan.MESSAGE)) {
      int year = LocalDate.ofInstant(start, ZoneId.of("Asia/Shanghai")).getYear();
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("customerId", customerId);
      if (message.equals(BirthdayScan.MESSAGE)) {
        variables.put("triggerId", "birthday:" + year);
      } else {
        String holiday = String.valueOf(data.getOrDefault("holiday", "double-11"));
        variables.put("triggerId", "holiday:" + holiday + ":" + year);
        variables.put("holiday", holiday);
        variables.put("holidayName", String.valueOf(data.getOrDefault("holidayName", holiday)));
      }
      publish = new JourneyMessage(message, customerId, eventId, variables);
    } else {
      if (message.startsWith("lifecycle.")) {
        type = JourneyMessage.LIFECYCLE_CHANGED;
        data.putIfAbsent("stage", message.substring("lifecycle.".length()));
      } else if (message.equals("complaint.opened")) {
        data.putIfAbsent("complaintId", "preview-complaint");
        data.putIfAbsent("severity", "MEDIUM");
        data.putIfAbsent("channel", "APP");
      }
      publish = JourneyMessage.of(eventId, customerId, type, json.valueToTree(data));
    }
    publishNow(publish);
    recorded.add(new Timed(engineNow(), entry(simulatedNow, null, "event",
        Map.of("message", message, "variables", publish.variables()))));
  }

  private void inject(JourneyPreviews.Injection injection) {
    Map<String, Object> data = new LinkedHashMap<>(injection.data());
    if (injection.type().startsWith("complaint.") || injection.type().equals("survey.answered")) {
      data.putIfAbsent("complaintId", startData.getOrDefault("complaintId", "preview-complaint"));
    }
    if (injection.type().equals("order.placed") || injection.type().equals("order.refunded")) {
      data.putIfAbsent("orderId", "preview-order");
      data.putIfAbsent("amount", "100.00");
    }
    JourneyMessage message = JourneyMessage.of("preview-" + UUID.randomUUID(), customerId, injection.type(),
        new ObjectMapper().valueToTree(data));
    publishNow(message);
    recorded.add(new Timed(engineNow(), entry(simulatedNow, null, "event",
        Map.of("message", message.name(), "variables", message.variables()))));
  }

  private void publishNow(JourneyMessage message) {
    client.newPublishMessageCommand().messageName(message.name()).correlationKey(message.correlationKey())
        .messageId(message.messageId()).timeToLive(Duration.ofMinutes(1)).variables(message.variables())
        .send().join();
  }

  private void handle(JobClient jobs, ActivatedJob job) {
    try {
      Instant now = simulatedNow;
      PreviewWorkers.Outcome outcome = workers.handle(job, now, state);
      if (!Journeys.JOURNEY_STEP.equals(job.getType())) {
        recorded.add(new Timed(engineNow(), entry(now, job.getElementId(), outcome.kind(), outcome.detail())));
      }
      jobs.newCompleteCommand(job.getKey()).variables(outcome.variables()).send().join();
    } catch (RuntimeException e) {
      // No retries in a preview: the failure shows as an incident in the timeline.
      jobs.newFailCommand(job.getKey()).retries(0).errorMessage(String.valueOf(e.getMessage())).send().join();
    }
  }

  /** Until the engine has processed everything and no job is waiting for a worker. */
  private void settle() {
    Instant until = Instant.now().plus(SETTLE);
    while (Instant.now().isBefore(until)) {
      try {
        engine.engine().waitForIdleState(SETTLE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        notes.add("the engine did not settle");
        return;
      }
      if (openJobs() == 0) {
        return;
      }
      sleep(5);
    }
  }

  private void awaitBusy() {
    try {
      engine.engine().waitForBusyState(Duration.ofMillis(200));
    } catch (java.util.concurrent.TimeoutException e) {
      // the timer may already have fired
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Record<?>> records() {
    List<Record<?>> all = new ArrayList<>();
    engine.engine().getRecordStreamSource().getRecords().forEach(all::add);
    return all;
  }

  private int openJobs() {
    Map<Long, Boolean> open = new HashMap<>();
    for (Record<?> record : records()) {
      if (record.getRecordType() != RecordType.EVENT || record.getValueType() != ValueType.JOB) {
        continue;
      }
      JobIntent intent = (JobIntent) record.getIntent();
      int retries = ((JobRecordValue) record.getValue()).getRetries();
      switch (intent) {
        case CREATED, TIMED_OUT, RECURRED_AFTER_BACKOFF, RETRIES_UPDATED -> open.put(record.getKey(), true);
        case FAILED -> open.put(record.getKey(), retries > 0);
        case COMPLETED, CANCELED, ERROR_THROWN -> open.put(record.getKey(), false);
        default -> { }
      }
    }
    return (int) open.values().stream().filter(Boolean::booleanValue).count();
  }

  /**
   * The record's timestamp and the clock reading Zeebe computed the due date from differ by a few
   * milliseconds (PT239H59M59.99S for a P7D after a P3D): journey timers are whole seconds, so the
   * simulated due time is rounded to the nearest second after the start.
   */
  private Instant wholeSecondsAfterStart(Instant simulated) {
    long millis = Duration.between(start, simulated).toMillis();
    return start.plusSeconds(Math.round(millis / 1000.0));
  }

  /** A timer's due time on the engine clock and in simulated time. */
  private record Due(Instant engine, Instant simulated) {}

  /**
   * The earliest open timer. Its simulated due time is the simulated time it was created at plus
   * its duration, free of the real time that passed before the engine created it.
   */
  private Due nextTimerDue() {
    Map<Long, Due> due = new HashMap<>();
    for (Record<?> record : records()) {
      if (record.getRecordType() != RecordType.EVENT || record.getValueType() != ValueType.TIMER) {
        continue;
      }
      TimerIntent intent = (TimerIntent) record.getIntent();
      if (intent == TimerIntent.CREATED) {
        Instant created = Instant.ofEpochMilli(record.getTimestamp());
        Instant engineDue = Instant.ofEpochMilli(((TimerRecordValue) record.getValue()).getDueDate());
        due.put(record.getKey(), new Due(engineDue, wholeSecondsAfterStart(
            simulated(created).plus(Duration.between(created, engineDue)))));
      } else if (intent == TimerIntent.TRIGGERED || intent == TimerIntent.CANCELED) {
        due.remove(record.getKey());
      }
    }
    return due.values().stream().min(Comparator.comparing(Due::engine)).orElse(null);
  }


  private boolean instanceEnded() {
    for (Record<?> record : records()) {
      if (record.getRecordType() == RecordType.EVENT && record.getValueType() == ValueType.PROCESS_INSTANCE
          && record.getValue() instanceof ProcessInstanceRecordValue value
          && value.getBpmnElementType() == BpmnElementType.PROCESS
          && (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
              || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED)) {
        return true;
      }
    }
    return false;
  }

  private List<JourneyPreviews.Entry> timeline() {
    List<Timed> entries;
    synchronized (recorded) {
      entries = new ArrayList<>(recorded);
    }
    for (Record<?> record : records()) {
      if (record.getRecordType() != RecordType.EVENT) {
        continue;
      }
      Instant engineAt = Instant.ofEpochMilli(record.getTimestamp());
      Instant at = simulated(engineAt);
      if (record.getValueType() == ValueType.PROCESS_INSTANCE && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getValue() instanceof ProcessInstanceRecordValue value
          && !NOT_STEPS.contains(value.getBpmnElementType())) {
        boolean process = value.getBpmnElementType() == BpmnElementType.PROCESS;
        entries.add(timed(engineAt, at, value.getElementId(), process ? "end" : "step",
            Map.of("type", value.getBpmnElementType().name())));
      } else if (record.getValueType() == ValueType.TIMER && record.getIntent() == TimerIntent.TRIGGERED) {
        TimerRecordValue timer = (TimerRecordValue) record.getValue();
        entries.add(timed(engineAt, at, timer.getTargetElementId(), "timer", Map.of()));
      } else if (record.getValueType() == ValueType.INCIDENT && record.getIntent() == IncidentIntent.CREATED) {
        IncidentRecordValue incident = (IncidentRecordValue) record.getValue();
        entries.add(timed(engineAt, at, incident.getElementId(), "incident", Map.of("error", incident.getErrorMessage())));
      }
    }
    entries.sort(Comparator.comparing((Timed t) -> t.entry().at()).thenComparing(Timed::engineAt));
    return entries.stream().map(Timed::entry).toList();
  }

  private Timed timed(Instant engineAt, Instant at, String elementId, String kind, Map<String, Object> detail) {
    return new Timed(engineAt, entry(at, elementId, kind, detail));
  }

  private JourneyPreviews.Entry entry(Instant at, String elementId, String kind, Map<String, Object> detail) {
    Duration after = start == null ? Duration.ZERO : Duration.between(start, at);
    return new JourneyPreviews.Entry(at, after.isNegative() ? Duration.ZERO : after, elementId,
        elementId == null ? null : model.nameOf(elementId), kind, detail);
  }

  private Instant engineNow() {
    return engine.clock().instant();
  }

  private static void sleep(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    openWorkers.forEach(JobWorker::close);
    client.close();
    engine.close();
  }
}
