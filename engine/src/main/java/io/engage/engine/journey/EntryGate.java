package io.engage.engine.journey;

import io.engage.bpmn.Journeys;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Makes sure every journey passes the pause gate. The gate is the {@code engage:journey-step}
 * listener on the start event ({@link JourneyStepWorker} cancels a new instance of a paused
 * journey there), and the listener on the process records the instance's end. A BPMN drawn in
 * Camunda Modeler or by a marketer need not carry them, so they are added at deploy time where
 * missing: without them Zeebe would start the journey on every matching message, paused or not.
 */
final class EntryGate {

  private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

  private EntryGate() {}

  /** The BPMN to deploy: the same bytes when every listener is there, else the document with them added. */
  static byte[] withListeners(Document document, byte[] original) {
    List<Element> missing = new ArrayList<>();
    for (Element process : JourneyModel.children(document.getDocumentElement(), BpmnDocuments.BPMN, "process")) {
      if (!hasStepListener(process)) {
        missing.add(process);
      }
      for (Element start : JourneyModel.children(process, BpmnDocuments.BPMN, "startEvent")) {
        if (!hasStepListener(start)) {
          missing.add(start);
        }
      }
    }
    if (missing.isEmpty()) {
      return original;
    }
    String prefix = zeebePrefix(document);
    for (Element element : missing) {
      Element listeners = listenersOf(element, prefix);
      Element listener = document.createElementNS(BpmnDocuments.ZEEBE, prefix + ":executionListener");
      listener.setAttribute("eventType", "end");
      listener.setAttribute("type", Journeys.JOURNEY_STEP);
      listeners.appendChild(listener);
    }
    return serialize(document);
  }

  private static boolean hasStepListener(Element element) {
    Element extensions = JourneyModel.first(element, BpmnDocuments.BPMN, "extensionElements");
    Element listeners = extensions == null ? null : JourneyModel.first(extensions, BpmnDocuments.ZEEBE, "executionListeners");
    if (listeners == null) {
      return false;
    }
    return JourneyModel.children(listeners, BpmnDocuments.ZEEBE, "executionListener").stream()
        .anyMatch(l -> Journeys.JOURNEY_STEP.equals(l.getAttribute("type")) && "end".equals(l.getAttribute("eventType")));
  }

  /** The element's zeebe:executionListeners, created where BPMN's schema puts extensionElements (after documentation). */
  private static Element listenersOf(Element element, String prefix) {
    Document document = element.getOwnerDocument();
    Element extensions = JourneyModel.first(element, BpmnDocuments.BPMN, "extensionElements");
    if (extensions == null) {
      extensions = document.createElementNS(BpmnDocuments.BPMN, qualified(element, "extensionElements"));
      Node before = element.getFirstChild();
      while (before != null && !(before instanceof Element e && !isDocumentation(e))) {
        before = before.getNextSibling();
      }
      element.insertBefore(extensions, before);
    }
    Element listeners = JourneyModel.first(extensions, BpmnDocuments.ZEEBE, "executionListeners");
    if (listeners == null) {
      listeners = document.createElementNS(BpmnDocuments.ZEEBE, prefix + ":executionListeners");
      extensions.appendChild(listeners);
    }
    return listeners;
  }

  private static boolean isDocumentation(Element element) {
    return BpmnDocuments.BPMN.equals(element.getNamespaceURI()) && "documentation".equals(element.getLocalName());
  }

  /** A BPMN element name with the prefix the document uses for BPMN (or none, as the element itself). */
  private static String qualified(Element sibling, String localName) {
    String prefix = sibling.getPrefix();
    return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
  }

  /** The prefix bound to Zeebe's namespace on the root, declaring {@code zeebe} when there is none. */
  private static String zeebePrefix(Document document) {
    Element root = document.getDocumentElement();
    String prefix = root.lookupPrefix(BpmnDocuments.ZEEBE);
    if (prefix != null) {
      return prefix;
    }
    String candidate = "zeebe";
    for (int i = 1; root.lookupNamespaceURI(candidate) != null; i++) {
      candidate = "zeebe" + i;
    }
    root.setAttributeNS(XMLNS, "xmlns:" + candidate, BpmnDocuments.ZEEBE);
    return candidate;
  }

  private static byte[] serialize(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("Cannot write the BPMN back out", e);
    }
  }
}
