package io.engage.engine.journey;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses BPMN XML with a hardened parser: no DOCTYPE at all (so no external or internal entities,
 * no billion laughs), no external DTDs or schemas, no XInclude. A BPMN file never needs a DTD, so a
 * document with one is refused outright rather than parsed with entities ignored.
 */
final class BpmnDocuments {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  private BpmnDocuments() {}

  /** The document, or a rejection naming the line and column at fault. */
  static Document parse(byte[] xml) {
    if (xml.length == 0) {
      throw new BpmnRejection("", "the BPMN file is empty");
    }
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler()); // no stderr noise; errors arrive as exceptions
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity " + systemId + " refused");
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("DOCTYPE")) {
        throw new BpmnRejection("", "DOCTYPE declarations are not allowed in a BPMN file (external entities and DTDs "
            + "are refused to prevent XXE); remove the <!DOCTYPE ...> at line " + e.getLineNumber());
      }
      throw new BpmnRejection("", "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
          + ": " + message);
    } catch (SAXException e) {
      throw new BpmnRejection("", "the BPMN file could not be read: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("XML parser failed", e);
    }
  }

  static String text(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8);
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
