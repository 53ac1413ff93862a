package io.engage.engine.journey;

import io.engage.bpmn.Journeys;
import io.engage.engine.platform.web.FieldError;
import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks a journey's BPMN before it goes anywhere near Zeebe: one executable process with a usable
 * id; every task and listener type one this engine serves; every message a running instance waits
 * for has a correlation key; every timer parses. Each problem names the element id at fault.
 */
final class JourneyValidator {

  static final Pattern PROCESS_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  /** Path segments of the journeys API that a journey id would hide. */
  private static final Set<String> RESERVED_IDS = Set.of("holidays", "customers");
  private static final Set<String> JOB_TASKS = Set.of("serviceTask", "sendTask", "scriptTask", "businessRuleTask");
  private static final Pattern ISO_DURATION = Pattern.compile(
      "P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?");
  private static final Pattern REPETITION = Pattern.compile("R(\\d*)");

  private JourneyValidator() {}

  /** Every problem found; empty when the journey may be deployed. */
  static List<FieldError> validate(Document document) {
    List<FieldError> errors = new ArrayList<>();
    Element root = document.getDocumentElement();
    if (!BpmnDocuments.BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      errors.add(new FieldError("", "not a BPMN 2.0 file: the root element must be bpmn:definitions"));
      return errors;
    }
    List<Element> processes = JourneyModel.executableProcesses(document);
    if (processes.size() != 1) {
      errors.add(new FieldError("", "a journey is exactly one executable process; this file has " + processes.size()));
      return errors;
    }
    String processId = processes.getFirst().getAttribute("id");
    if (!PROCESS_ID.matcher(processId).matches() || RESERVED_IDS.contains(processId)) {
      errors.add(new FieldError(processId, "the process id must be 1-64 letters, digits, _ or -, start with a letter,"
          + " and not be one of " + RESERVED_IDS));
    }
    Map<String, String> messages = JourneyModel.messageNames(document);
    walk(processes.getFirst(), processId, true, messages, document, errors);
    return errors;
  }

  private static void walk(Element scope, String scopeId, boolean processLevel, Map<String, String> messages,
      Document document, List<FieldError> errors) {
    listeners(scope, scopeId, errors);
    NodeList list = scope.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (!(list.item(i) instanceof Element element) || !BpmnDocuments.BPMN.equals(element.getNamespaceURI())) {
        continue;
      }
      String kind = element.getLocalName();
      String id = element.getAttribute("id");
      if ("sequenceFlow".equals(kind) || "laneSet".equals(kind) || "extensionElements".equals(kind)
          || "documentation".equals(kind) || "textAnnotation".equals(kind) || "association".equals(kind)) {
        continue;
      }
      if (JOB_TASKS.contains(kind)) {
        jobTask(element, id, kind, errors);
      } else if ("userTask".equals(kind)) {
        errors.add(new FieldError(id, "user tasks are not served by Engage (there is no task list); use a service task"));
      } else if ("callActivity".equals(kind)) {
        errors.add(new FieldError(id, "call activities are not supported in journeys; draw the steps in this process"));
      } else if ("receiveTask".equals(kind)) {
        messageWait(element, id, element.getAttribute("messageRef"), messages, errors);
      }
      if (!"sequenceFlow".equals(kind)) {
        listeners(element, id, errors);
      }
      events(element, id, kind, processLevel, messages, errors);
      if ("subProcess".equals(kind) || "transaction".equals(kind)) {
        walk(element, id, false, messages, document, errors);
      }
    }
  }

  private static void jobTask(Element task, String id, String kind, List<FieldError> errors) {
    Element definition = zeebe(task, "taskDefinition");
    if (definition == null) {
      if ("scriptTask".equals(kind) && zeebe(task, "script") != null
          || "businessRuleTask".equals(kind) && zeebe(task, "calledDecision") != null) {
        if ("businessRuleTask".equals(kind)) {
          errors.add(new FieldError(id, "DMN decisions are not deployed with journeys; Engage's rules run in its workers"));
        }
        return;
      }
      errors.add(new FieldError(id, "the " + kind + " has no zeebe:taskDefinition type; use one of " + Journeys.JOB_TYPES));
      return;
    }
    jobType(id, definition.getAttribute("type"), "task type", errors);
  }

  /** Messages thrown by intermediate and end events are jobs in Zeebe: they need a served type too. */
  private static void events(Element element, String id, String kind, boolean processLevel,
      Map<String, String> messages, List<FieldError> errors) {
    Element message = JourneyModel.first(element, BpmnDocuments.BPMN, "messageEventDefinition");
    if (message != null) {
      boolean catching = "intermediateCatchEvent".equals(kind) || "boundaryEvent".equals(kind)
          || "startEvent".equals(kind) && !processLevel;
      if (catching) {
        messageWait(element, id, message.getAttribute("messageRef"), messages, errors);
      } else if ("startEvent".equals(kind)) {
        String name = messages.get(message.getAttribute("messageRef"));
        if (name == null || name.isBlank()) {
          errors.add(new FieldError(id, "the message start event refers to no named bpmn:message"));
        }
      } else if ("intermediateThrowEvent".equals(kind) || "endEvent".equals(kind)) {
        Element definition = zeebe(element, "taskDefinition");
        if (definition == null) {
          definition = zeebe(message, "taskDefinition");
        }
        if (definition == null) {
          errors.add(new FieldError(id, "a message throw event needs a zeebe:taskDefinition type; use one of "
              + Journeys.JOB_TYPES));
        } else {
          jobType(id, definition.getAttribute("type"), "task type", errors);
        }
      }
    }
    Element timer = JourneyModel.first(element, BpmnDocuments.BPMN, "timerEventDefinition");
    if (timer != null) {
      timer(timer, id, errors);
    }
  }

  private static void messageWait(Element element, String id, String messageRef, Map<String, String> messages,
      List<FieldError> errors) {
    if (messageRef == null || messageRef.isBlank() || !messages.containsKey(messageRef)) {
      errors.add(new FieldError(id, "waits for a message but refers to no bpmn:message"));
      return;
    }
    String name = messages.get(messageRef);
    if (name == null || name.isBlank()) {
      errors.add(new FieldError(id, "waits for message " + messageRef + ", which has no name"));
    }
    Element message = findMessage(element.getOwnerDocument(), messageRef);
    Element subscription = message == null ? null : zeebe(message, "subscription");
    String key = subscription == null ? "" : subscription.getAttribute("correlationKey").trim();
    if (key.isEmpty() || "=".equals(key)) {
      errors.add(new FieldError(id, "waits for message '" + name + "' without a correlation key: add"
          + " zeebe:subscription correlationKey (e.g. =customerId, or =complaintId for complaint messages) to "
          + messageRef));
    }
  }

  private static Element findMessage(Document document, String messageId) {
    NodeList all = document.getDocumentElement().getElementsByTagNameNS(BpmnDocuments.BPMN, "message");
    for (int i = 0; i < all.getLength(); i++) {
      Element message = (Element) all.item(i);
      if (messageId.equals(message.getAttribute("id"))) {
        return message;
      }
    }
    return null;
  }

  private static void timer(Element timer, String id, List<FieldError> errors) {
    Element duration = JourneyModel.first(timer, BpmnDocuments.BPMN, "timeDuration");
    Element date = JourneyModel.first(timer, BpmnDocuments.BPMN, "timeDate");
    Element cycle = JourneyModel.first(timer, BpmnDocuments.BPMN, "timeCycle");
    int given = (duration != null ? 1 : 0) + (date != null ? 1 : 0) + (cycle != null ? 1 : 0);
    if (given != 1) {
      errors.add(new FieldError(id, "a timer needs exactly one of timeDuration, timeDate or timeCycle; it has " + given));
      return;
    }
    String text = (duration != null ? duration : date != null ? date : cycle).getTextContent().trim();
    if (text.startsWith("=")) {
      if (text.substring(1).isBlank()) {
        errors.add(new FieldError(id, "the timer's FEEL expression is empty"));
      }
      return;
    }
    String problem = duration != null ? durationProblem(text) : date != null ? dateProblem(text) : cycleProblem(text);
    if (problem != null) {
      errors.add(new FieldError(id, problem));
    }
  }

  static String durationProblem(String text) {
    return ISO_DURATION.matcher(text).matches() ? null
        : "timer duration '" + text + "' is neither an ISO-8601 duration (e.g. P3D, PT8H, P1DT12H) nor a FEEL expression (=...)";
  }

  private static String dateProblem(String text) {
    try {
      ZonedDateTime.parse(text);
      return null;
    } catch (DateTimeException e) {
      return "timer date '" + text + "' is neither an ISO-8601 date-time with offset (e.g. 2026-11-11T09:00:00+08:00)"
          + " nor a FEEL expression (=...)";
    }
  }

  private static String cycleProblem(String text) {
    if (CronExpression.isValidExpression(text)) {
      return null;
    }
    String[] parts = text.split("/");
    boolean valid = parts.length >= 2 && parts.length <= 3 && REPETITION.matcher(parts[0]).matches()
        && ISO_DURATION.matcher(parts[parts.length - 1]).matches()
        && (parts.length == 2 || dateProblem(parts[1]) == null);
    return valid ? null
        : "timer cycle '" + text + "' is neither an ISO-8601 repetition (e.g. R3/PT1H, R/P1D), a cron expression"
            + " (e.g. 0 0 9 * * ?) nor a FEEL expression (=...)";
  }

  private static void listeners(Element element, String id, List<FieldError> errors) {
    Element extensions = JourneyModel.first(element, BpmnDocuments.BPMN, "extensionElements");
    if (extensions == null) {
      return;
    }
    for (String container : List.of("executionListeners", "taskListeners")) {
      Element listeners = JourneyModel.first(extensions, BpmnDocuments.ZEEBE, container);
      if (listeners == null) {
        continue;
      }
      NodeList list = listeners.getChildNodes();
      for (int i = 0; i < list.getLength(); i++) {
        if (list.item(i) instanceof Element listener) {
          jobType(id, listener.getAttribute("type"), "listener type", errors);
        }
      }
    }
  }

  private static void jobType(String id, String type, String what, List<FieldError> errors) {
    if (type == null || type.isBlank()) {
      errors.add(new FieldError(id, "the " + what + " is empty; use one of " + Journeys.JOB_TYPES));
    } else if (type.startsWith("=")) {
      errors.add(new FieldError(id, "the " + what + " is a FEEL expression (" + type + "); it must name one of "
          + Journeys.JOB_TYPES + " so that it can be checked"));
    } else if (!Journeys.JOB_TYPES.contains(type)) {
      errors.add(new FieldError(id, "unknown " + what + " '" + type + "': this engine serves " + Journeys.JOB_TYPES));
    }
  }

  private static Element zeebe(Element element, String localName) {
    Element extensions = JourneyModel.first(element, BpmnDocuments.BPMN, "extensionElements");
    return extensions == null ? null : JourneyModel.first(extensions, BpmnDocuments.ZEEBE, localName);
  }
}
