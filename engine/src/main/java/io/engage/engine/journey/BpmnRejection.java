package io.engage.engine.journey;

/** A BPMN file refused before deployment, naming the element at fault (empty for the whole file). */
class BpmnRejection extends RuntimeException {

  private final String elementId;

  BpmnRejection(String elementId, String reason) {
    super(reason);
    this.elementId = elementId;
  }

  String elementId() {
    return elementId;
  }
}
