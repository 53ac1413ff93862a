package io.engage.engine.journey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What the engine needs to know about a journey's BPMN: its process id and name, its elements
 * (with names, kinds and where each leads), and the messages that start it.
 */
record JourneyModel(String processId, String name, Map<String, Node> elements, Set<String> startMessages) {

  /** One flow element. {@code next} are the elements its outgoing sequence flows lead to. */
  record Node(String id, String name, String kind, List<String> next, String attachedTo) {}

  private static final Set<String> FLOW_NODES = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
      "intermediateThrowEvent", "boundaryEvent", "task", "serviceTask", "sendTask", "receiveTask", "userTask",
      "manualTask", "scriptTask", "businessRuleTask", "callActivity", "subProcess", "transaction", "exclusiveGateway",
      "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway");

  /** The model of a document's executable process (validation has checked there is exactly one). */
  static JourneyModel of(Document document) {
    Element process = executableProcesses(document).getFirst();
    Map<String, String> messageNames = messageNames(document);
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, List<String>> next = new LinkedHashMap<>();
    Set<String> startMessages = new LinkedHashSet<>();
    collect(process, nodes, next, startMessages, messageNames, true);
    Map<String, Node> linked = new LinkedHashMap<>();
    nodes.forEach((id, node) -> linked.put(id, new Node(id, node.name(), node.kind(),
        List.copyOf(next.getOrDefault(id, List.of())), node.attachedTo())));
    return new JourneyModel(process.getAttribute("id"), emptyToNull(process.getAttribute("name")), linked,
        Set.copyOf(startMessages));
  }

  /** Where an instance whose last recorded step is {@code elementId} waits now. */
  List<String> positionsAfter(String elementId) {
    Node node = elements.get(elementId);
    if (node == null || node.next().isEmpty()) {
      return List.of(elementId);
    }
    return node.next();
  }

  String nameOf(String elementId) {
    Node node = elements.get(elementId);
    if (node == null) {
      return elementId.equals(processId) ? name : null;
    }
    return node.name();
  }

  static List<Element> executableProcesses(Document document) {
    List<Element> processes = new ArrayList<>();
    NodeList all = document.getDocumentElement().getElementsByTagNameNS(BpmnDocuments.BPMN, "process");
    for (int i = 0; i < all.getLength(); i++) {
      Element process = (Element) all.item(i);
      if (!"false".equals(process.getAttribute("isExecutable"))) {
        processes.add(process);
      }
    }
    return processes;
  }

  static Map<String, String> messageNames(Document document) {
    Map<String, String> names = new LinkedHashMap<>();
    NodeList messages = document.getDocumentElement().getElementsByTagNameNS(BpmnDocuments.BPMN, "message");
    for (int i = 0; i < messages.getLength(); i++) {
      Element message = (Element) messages.item(i);
      names.put(message.getAttribute("id"), message.getAttribute("name"));
    }
    return names;
  }

  private static void collect(Element scope, Map<String, Node> nodes, Map<String, List<String>> next,
      Set<String> startMessages, Map<String, String> messageNames, boolean processLevel) {
    NodeList list = scope.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (!(list.item(i) instanceof Element element) || !BpmnDocuments.BPMN.equals(element.getNamespaceURI())) {
        continue;
      }
      String kind = element.getLocalName();
      if ("sequenceFlow".equals(kind)) {
        next.computeIfAbsent(element.getAttribute("sourceRef"), k -> new ArrayList<>()).add(element.getAttribute("targetRef"));
        continue;
      }
      if (!FLOW_NODES.contains(kind)) {
        continue;
      }
      String id = element.getAttribute("id");
      nodes.put(id, new Node(id, emptyToNull(element.getAttribute("name")), kind, List.of(),
          emptyToNull(element.getAttribute("attachedToRef"))));
      if (processLevel && "startEvent".equals(kind)) {
        Element message = first(element, BpmnDocuments.BPMN, "messageEventDefinition");
        if (message != null && messageNames.get(message.getAttribute("messageRef")) != null) {
          startMessages.add(messageNames.get(message.getAttribute("messageRef")));
        }
      }
      if ("subProcess".equals(kind) || "transaction".equals(kind)) {
        collect(element, nodes, next, startMessages, messageNames, false);
      }
    }
  }

  /** The first direct child element with this name. */
  static Element first(Element parent, String namespace, String localName) {
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element element && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        return element;
      }
    }
    return null;
  }

  /** The direct child elements with this name, in document order. */
  static java.util.List<Element> children(Element parent, String namespace, String localName) {
    java.util.List<Element> found = new java.util.ArrayList<>();
    NodeList list = parent.getChildNodes();
    for (int i = 0; i < list.getLength(); i++) {
      if (list.item(i) instanceof Element element && namespace.equals(element.getNamespaceURI())
          && localName.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  private static String emptyToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
