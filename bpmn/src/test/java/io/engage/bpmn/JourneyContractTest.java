package io.engage.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Gateway;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListenerEventType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeExecutionListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeHeader;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped BPMN files, the element templates and the job types of {@link Journeys} agree with
 * each other and with the contract in README.md. The process tests prove the files deploy and run;
 * this test proves what a reader of the files and a marketer in the modeler rely on.
 */
class JourneyContractTest {

  private static final String ZEEBE_NS = "http://camunda.org/schema/zeebe/1.0";
  private static final String SCHEMA =
      "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";
  private static final String TEMPLATE_FOLDER = "io/engage/bpmn/element-templates/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The headers README.md gives each job type: the templates must offer exactly these. */
  private static final Map<String, Set<String>> CONTRACT_HEADERS = Map.ofEntries(
      Map.entry(Journeys.SEND_MESSAGE, Set.of("channel", "template", "category", "idempotencyScope")),
      Map.entry(Journeys.AWARD_POINTS, Set.of("reason", "points", "idempotencyScope")),
      Map.entry(Journeys.ISSUE_COUPON, Set.of("coupon", "value", "minSpend", "validDays")),
      Map.entry(Journeys.TAG_CUSTOMER, Set.of("tag")),
      Map.entry(Journeys.SET_LIFECYCLE_STAGE, Set.of("stage", "reason")),
      Map.entry(Journeys.RECORD_CONVERSION, Set.of("goal")),
      Map.entry(Journeys.CHECK_SEGMENT, Set.of("segment")),
      Map.entry(Journeys.SPLIT_TEST, Set.of("experiment", "variants", "holdout")),
      Map.entry(Journeys.DECIDE_ESCALATION, Set.of()),
      Map.entry(Journeys.ESCALATE_COMPLAINT, Set.of()),
      Map.entry(Journeys.REOPEN_COMPLAINT, Set.of()));

  /** Headers whose values are a closed set: the template offers them as a dropdown of exactly these. */
  private static final Map<String, Set<String>> CLOSED_HEADERS = Map.of(
      "channel", Set.of("preferred", "email", "sms", "push", "wechat"),
      "category", Set.of("marketing", "transactional"),
      "idempotencyScope", Set.of("", "trigger"));

  // ------------------------------------------------------------------------------------ BPMN

  @Test
  void everyShippedBpmnFileIsAJourneyWithItsProcessId() throws Exception {
    try (Stream<Path> files = Files.list(mainResource(Journeys.ONBOARDING.resource()).getParent())) {
      assertThat(files.map(p -> "io/engage/bpmn/" + p.getFileName()).filter(n -> n.endsWith(".bpmn")))
          .as("the engine deploys every io/engage/bpmn/*.bpmn: each must be in Journeys")
          .containsExactlyInAnyOrder(Arrays.stream(Journeys.values()).map(Journeys::resource).toArray(String[]::new));
    }
    for (Journeys journey : Journeys.values()) {
      BpmnModelInstance model = read(journey);
      Bpmn.validateModel(model);
      assertThat(model.getModelElementsByType(Process.class)).singleElement()
          .satisfies(p -> {
            assertThat(p.getId()).isEqualTo(journey.processId());
            assertThat(p.isExecutable()).isTrue();
            assertThat(p.getName()).as("a Chinese and an English name").matches(".*\\p{IsHan}.*[A-Za-z].*");
          });
    }
  }

  @Test
  void everyServiceTaskAndListenerUsesAJobTypeTheEngineServes() {
    assertThat(Journeys.JOB_TYPES).containsAll(Journeys.SERVICE_TASK_TYPES).contains(Journeys.JOURNEY_STEP);
    for (Journeys journey : Journeys.values()) {
      BpmnModelInstance model = read(journey);
      assertThat(model.getModelElementsByType(ServiceTask.class)).as(journey.processId()).isNotEmpty()
          .allSatisfy(task -> assertThat(taskType(task)).as(task.getId()).isIn(Journeys.SERVICE_TASK_TYPES));
      assertThat(model.getModelElementsByType(ZeebeExecutionListener.class)).as(journey.processId())
          .allSatisfy(l -> assertThat(l.getType()).isIn(Journeys.JOB_TYPES));
    }
  }

  @Test
  void everyElementACustomerPassesAndTheProcessItselfRecordTheirStep() {
    for (Journeys journey : Journeys.values()) {
      BpmnModelInstance model = read(journey);
      List<BaseElement> steps = new ArrayList<>(model.getModelElementsByType(Process.class));
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        // Gateways only route: the events and tasks on either side of them are the steps.
        if (!(node instanceof Gateway)) {
          steps.add(node);
        }
      }
      assertThat(steps).as(journey.processId()).allSatisfy(element -> assertThat(endListeners(element))
          .as(element.getId()).containsExactly(Journeys.JOURNEY_STEP));
    }
  }

  @Test
  void everyNamedElementHasAChineseAndAnEnglishName() {
    for (Journeys journey : Journeys.values()) {
      assertThat(read(journey).getModelElementsByType(FlowNode.class)).as(journey.processId())
          .filteredOn(n -> !(n instanceof Gateway) || n.getName() != null)
          .allSatisfy(n -> assertThat(n.getName()).as(n.getId()).matches(".*\\p{IsHan}.*[A-Za-z].*"));
    }
  }

  @Test
  void everyServiceTaskIsDrawnWithTheElementTemplateOfItsTypeAndFitsItsForm() {
    Map<String, JsonNode> templates = templatesById();
    for (Journeys journey : Journeys.values()) {
      for (ServiceTask task : read(journey).getModelElementsByType(ServiceTask.class)) {
        String where = journey.processId() + "/" + task.getId();
        JsonNode template = templates.get(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplate"));
        assertThat(template).as(where + " names a shipped template").isNotNull();
        assertThat(task.getAttributeValueNs(ZEEBE_NS, "modelerTemplateVersion")).as(where)
            .isEqualTo(template.path("version").asText());
        assertThat(taskType(task)).as(where).isEqualTo(hidden(template, "zeebe:taskDefinition", "type"));
        assertThat(task.getSingleExtensionElement(ZeebeTaskDefinition.class).getRetries()).as(where)
            .isEqualTo(hidden(template, "zeebe:taskDefinition", "retries"));

        Map<String, String> headers = headers(task);
        Map<String, JsonNode> fields = headerFields(template);
        assertThat(fields.keySet()).as(where + ": the headers its form offers").containsAll(headers.keySet());
        fields.forEach((key, field) -> {
          String value = headers.get(key);
          if (value == null) {
            assertThat(field.path("optional").asBoolean()).as(where + ": header " + key + " is required").isTrue();
          } else {
            assertFits(where + ": header " + key, field, value);
          }
        });
      }
    }
  }

  @Test
  void everyElementIsDrawnAndTheDiagramIsReadable() {
    for (Journeys journey : Journeys.values()) {
      BpmnModelInstance model = read(journey);
      Map<String, Bounds> shapes = new HashMap<>();
      for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
        shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
      }
      Map<String, List<Waypoint>> edges = new HashMap<>();
      for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
        edges.put(edge.getBpmnElement().getId(), List.copyOf(edge.getWaypoints()));
      }
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        String where = journey.processId() + "/" + node.getId();
        assertThat(shapes).as(where + " is drawn").containsKey(node.getId());
        for (FlowNode other : model.getModelElementsByType(FlowNode.class)) {
          boolean nested = other.getParentElement() == node || node.getParentElement() == other;
          if (other != node && !nested) {
            assertThat(overlap(shapes.get(node.getId()), shapes.get(other.getId())))
                .as(where + " overlaps " + other.getId()).isFalse();
          }
        }
        if (node.getParentElement() instanceof SubProcess parent) {
          assertThat(inside(shapes.get(node.getId()), shapes.get(parent.getId())))
              .as(where + " is drawn inside " + parent.getId()).isTrue();
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        String where = journey.processId() + "/" + flow.getId();
        List<Waypoint> points = edges.get(flow.getId());
        assertThat(points).as(where + " is drawn").isNotNull().hasSizeGreaterThanOrEqualTo(2);
        assertThat(onBorder(points.getFirst(), shapes.get(flow.getSource().getId())))
            .as(where + " leaves the border of " + flow.getSource().getId()).isTrue();
        assertThat(onBorder(points.getLast(), shapes.get(flow.getTarget().getId())))
            .as(where + " reaches the border of " + flow.getTarget().getId()).isTrue();
        for (int i = 1; i < points.size(); i++) {
          Waypoint a = points.get(i - 1);
          Waypoint b = points.get(i);
          assertThat(a.getX().equals(b.getX()) || a.getY().equals(b.getY()))
              .as(where + " is drawn with right angles").isTrue();
        }
      }
    }
  }

  // ------------------------------------------------------------------------ element templates

  @Test
  void theIndexListsEveryTemplateFileOnce() throws Exception {
    List<String> index = new ArrayList<>();
    JSON.readTree(resource(Journeys.ELEMENT_TEMPLATES_INDEX)).forEach(n -> index.add(n.asText()));
    try (Stream<Path> files = Files.list(mainResource(Journeys.ELEMENT_TEMPLATES_INDEX).getParent())) {
      assertThat(index).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(files
          .map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("index.json")).toList());
    }
  }

  @Test
  void everyServiceTaskTypeHasExactlyOneTemplateAndEveryTemplateATypeTheEngineServes() {
    Map<String, Integer> templatesPerType = new HashMap<>();
    for (JsonNode template : templatesById().values()) {
      String type = hidden(template, "zeebe:taskDefinition", "type");
      assertThat(type).as(template.path("id").asText()).isIn(Journeys.SERVICE_TASK_TYPES).isIn(Journeys.JOB_TYPES);
      templatesPerType.merge(type, 1, Integer::sum);
    }
    assertThat(templatesPerType.keySet()).containsExactlyInAnyOrderElementsOf(Journeys.SERVICE_TASK_TYPES);
    assertThat(templatesPerType.values()).containsOnly(1);
    assertThat(CONTRACT_HEADERS.keySet()).containsExactlyInAnyOrderElementsOf(Journeys.SERVICE_TASK_TYPES);
  }

  @Test
  void everyTemplateIsAWellFormedZeebeServiceTaskTemplate() {
    Set<String> ids = new java.util.HashSet<>();
    for (JsonNode template : templates().values()) {
      String id = template.path("id").asText();
      assertThat(template.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
      assertThat(id).matches("io\\.engage\\.[a-z-]+");
      assertThat(ids.add(id)).as(id + " is unique").isTrue();
      assertThat(template.path("version").isInt()).as(id + " version").isTrue();
      assertThat(template.path("name").asText()).as(id).matches(".*\\p{IsHan}.*[A-Za-z].*");
      assertThat(template.path("description").asText()).as(id).isNotBlank();
      assertThat(template.path("appliesTo")).as(id).containsExactly(JSON.getNodeFactory().textNode("bpmn:Task"));
      assertThat(template.path("elementType").path("value").asText()).as(id).isEqualTo("bpmn:ServiceTask");

      JsonNode properties = template.path("properties");
      assertThat(properties.isArray() && !properties.isEmpty()).as(id + " has properties").isTrue();
      Set<String> groups = new java.util.HashSet<>();
      template.path("groups").forEach(g -> groups.add(g.path("id").asText()));
      for (JsonNode property : properties) {
        JsonNode binding = property.path("binding");
        String type = binding.path("type").asText();
        assertThat(type).as(id + " binding type").isIn("zeebe:taskDefinition", "zeebe:taskHeader",
            "zeebe:executionListener");
        assertThat(property.path("type").asText()).as(id).isIn("Hidden", "String", "Dropdown");
        assertThat(property.has("feel")).as(id + ": a marketer fills forms, not expressions").isFalse();
        switch (type) {
          case "zeebe:taskDefinition" -> {
            assertThat(binding.path("property").asText()).isIn("type", "retries");
            assertThat(property.path("type").asText()).as(id + " task definition is fixed").isEqualTo("Hidden");
            assertThat(property.path("value").asText()).isNotBlank();
          }
          case "zeebe:executionListener" -> {
            assertThat(property.path("type").asText()).isEqualTo("Hidden");
            assertThat(property.path("value").asText()).isEqualTo(Journeys.JOURNEY_STEP);
            assertThat(binding.path("eventType").asText()).isEqualTo("end");
            assertThat(template.path("entriesVisible").path("executionListeners").isBoolean()
                && !template.path("entriesVisible").path("executionListeners").asBoolean())
                .as(id + ": a templated listener needs entriesVisible.executionListeners false").isTrue();
          }
          default -> {
            String key = binding.path("key").asText();
            assertThat(key).as(id + " header key").isNotBlank();
            assertThat(property.path("label").asText()).as(id + "/" + key).matches(".*\\p{IsHan}.*[A-Za-z].*");
            assertThat(groups).as(id + "/" + key + " group").contains(property.path("group").asText());
            if (property.path("optional").asBoolean()) {
              assertThat(property.path("constraints").path("notEmpty").asBoolean()).as(id + "/" + key).isFalse();
            }
            if (property.has("value")) {
              assertFits(id + "/" + key + " default", property, property.path("value").asText());
            }
            JsonNode pattern = property.path("constraints").path("pattern");
            if (!pattern.isMissingNode()) {
              Pattern.compile(pattern.path("value").asText());
              assertThat(pattern.path("message").asText()).as(id + "/" + key).matches(".*\\p{IsHan}.*[A-Za-z].*");
            }
            if (property.path("type").asText().equals("Dropdown")) {
              assertThat(property.path("choices")).as(id + "/" + key).isNotEmpty().allSatisfy(choice -> {
                assertThat(choice.path("name").asText()).matches(".*\\p{IsHan}.*[A-Za-z].*");
                assertThat(choice.has("value")).isTrue();
              });
            }
          }
        }
      }
      assertThat(hidden(template, "zeebe:taskDefinition", "type")).as(id).isNotNull();
      assertThat(hidden(template, "zeebe:taskDefinition", "retries")).as(id).isNotNull();
    }
  }

  @Test
  void everyTemplateOffersTheContractsHeadersAndClosedSetsAsDropdowns() {
    for (JsonNode template : templatesById().values()) {
      String type = hidden(template, "zeebe:taskDefinition", "type");
      Map<String, JsonNode> fields = headerFields(template);
      assertThat(fields.keySet()).as(type).containsExactlyInAnyOrderElementsOf(CONTRACT_HEADERS.get(type));
      fields.forEach((key, field) -> {
        if (CLOSED_HEADERS.containsKey(key)) {
          assertThat(field.path("type").asText()).as(type + "/" + key).isEqualTo("Dropdown");
          assertThat(choices(field)).as(type + "/" + key).containsExactlyInAnyOrderElementsOf(CLOSED_HEADERS.get(key));
        }
      });
    }
  }

  // ------------------------------------------------------------------------------- helpers

  private static void assertFits(String where, JsonNode field, String value) {
    JsonNode constraints = field.path("constraints");
    if (constraints.path("notEmpty").asBoolean()) {
      assertThat(value).as(where + " is not empty").isNotEmpty();
    }
    if (field.path("type").asText().equals("Dropdown")) {
      assertThat(value).as(where + " is one of its choices").isIn(choices(field));
    }
    if (constraints.has("pattern") && !value.isEmpty()) {
      assertThat(value).as(where + " matches its pattern").matches(constraints.path("pattern").path("value").asText());
    }
    if (constraints.has("maxLength")) {
      assertThat(value.length()).as(where + " length").isLessThanOrEqualTo(constraints.path("maxLength").asInt());
    }
  }

  private static List<String> choices(JsonNode dropdown) {
    List<String> values = new ArrayList<>();
    dropdown.path("choices").forEach(c -> values.add(c.path("value").asText()));
    return values;
  }

  private static String hidden(JsonNode template, String bindingType, String property) {
    for (JsonNode p : template.path("properties")) {
      JsonNode binding = p.path("binding");
      if (binding.path("type").asText().equals(bindingType) && binding.path("property").asText().equals(property)) {
        return p.path("value").asText();
      }
    }
    return null;
  }

  private static Map<String, JsonNode> headerFields(JsonNode template) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    for (JsonNode p : template.path("properties")) {
      if (p.path("binding").path("type").asText().equals("zeebe:taskHeader")) {
        assertThat(fields.put(p.path("binding").path("key").asText(), p)).as("one field per header").isNull();
      }
    }
    return fields;
  }

  /** Every template file, by file name. */
  private static Map<String, JsonNode> templates() {
    Map<String, JsonNode> templates = new LinkedHashMap<>();
    try {
      for (JsonNode file : JSON.readTree(resource(Journeys.ELEMENT_TEMPLATES_INDEX))) {
        templates.put(file.asText(), JSON.readTree(resource(TEMPLATE_FOLDER + file.asText())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return templates;
  }

  private static Map<String, JsonNode> templatesById() {
    Map<String, JsonNode> byId = new HashMap<>();
    templates().values().forEach(t -> byId.put(t.path("id").asText(), t));
    return byId;
  }

  private static String taskType(ServiceTask task) {
    return task.getSingleExtensionElement(ZeebeTaskDefinition.class).getType();
  }

  private static Map<String, String> headers(ServiceTask task) {
    Map<String, String> headers = new HashMap<>();
    ZeebeTaskHeaders taskHeaders = task.getSingleExtensionElement(ZeebeTaskHeaders.class);
    if (taskHeaders != null) {
      for (ZeebeHeader header : taskHeaders.getHeaders()) {
        headers.put(header.getKey(), header.getValue());
      }
    }
    return headers;
  }

  private static List<String> endListeners(BaseElement element) {
    if (element.getExtensionElements() == null) {
      return List.of();
    }
    ZeebeExecutionListeners listeners =
        (ZeebeExecutionListeners) element.getExtensionElements().getUniqueChildElementByType(ZeebeExecutionListeners.class);
    if (listeners == null) {
      return List.of();
    }
    Collection<ZeebeExecutionListener> all = listeners.getExecutionListeners();
    return all.stream().filter(l -> l.getEventType() == ZeebeExecutionListenerEventType.end)
        .map(ZeebeExecutionListener::getType).toList();
  }

  private static boolean overlap(Bounds a, Bounds b) {
    return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
        && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
  }

  private static boolean inside(Bounds inner, Bounds outer) {
    return inner.getX() >= outer.getX() && inner.getY() >= outer.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }

  private static boolean onBorder(Waypoint p, Bounds b) {
    double left = b.getX();
    double right = b.getX() + b.getWidth();
    double top = b.getY();
    double bottom = b.getY() + b.getHeight();
    boolean withinX = p.getX() >= left - 1 && p.getX() <= right + 1;
    boolean withinY = p.getY() >= top - 1 && p.getY() <= bottom + 1;
    boolean onVertical = Math.abs(p.getX() - left) <= 1 || Math.abs(p.getX() - right) <= 1;
    boolean onHorizontal = Math.abs(p.getY() - top) <= 1 || Math.abs(p.getY() - bottom) <= 1;
    return withinX && withinY && (onVertical || onHorizontal);
  }

  private static BpmnModelInstance read(Journeys journey) {
    try (InputStream in = resource(journey.resource())) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = JourneyContractTest.class.getClassLoader().getResourceAsStream(name);
    assertThat(in).as(name + " on the classpath").isNotNull();
    return in;
  }

  /** Where a main resource lies on disk (test-classes holds the same package: go by a file, not a folder). */
  private static Path mainResource(String name) throws URISyntaxException {
    return Path.of(JourneyContractTest.class.getClassLoader().getResource(name).toURI());
  }
}
