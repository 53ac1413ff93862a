// The Camunda 8 modeler (camunda-bpmn-js) with Engage's element templates. Loaded only on the
// modeler page: it is most of the UI's weight.

import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';

export function createModeler({ container, properties, templates }) {
  return new Modeler({
    container,
    propertiesPanel: { parent: properties },
    elementTemplates: templates,
    keyboard: { bind: false },
  });
}

/** What lintJourney needs of each flow element, read from the diagram. */
export function describeElements(modeler) {
  const registry = modeler.get('elementRegistry');
  const elementTemplates = modeler.get('elementTemplates');
  return registry.filter((e) => e.type !== 'label' && e.businessObject && e.type.startsWith('bpmn:')
    && !['bpmn:Process', 'bpmn:SequenceFlow', 'bpmn:Collaboration'].includes(e.type)).map((e) => {
    const bo = e.businessObject;
    const ext = bo.extensionElements?.values || [];
    const taskDefinition = ext.find((x) => x.$type === 'zeebe:TaskDefinition');
    const headers = ext.find((x) => x.$type === 'zeebe:TaskHeaders')?.values || [];
    const definitions = bo.eventDefinitions || [];
    const timerDefinition = definitions.find((d) => d.$type === 'bpmn:TimerEventDefinition');
    const messageDefinition = definitions.find((d) => d.$type === 'bpmn:MessageEventDefinition');
    let timer = null;
    if (timerDefinition) {
      const kind = ['timeDuration', 'timeDate', 'timeCycle'].find((k) => timerDefinition[k]) || 'timeDuration';
      timer = { kind, value: timerDefinition[kind]?.body ?? '' };
    }
    const templateId = bo.get('zeebe:modelerTemplate');
    const templateVersion = bo.get('zeebe:modelerTemplateVersion');
    const template = templateId ? elementTemplates.get(templateId, templateVersion ? Number(templateVersion) : undefined) : null;
    const missing = (template?.properties || [])
      .filter((p) => p.constraints?.notEmpty && p.binding?.type === 'zeebe:taskHeader')
      .filter((p) => !headers.find((h) => h.key === p.binding.key && String(h.value ?? '').trim() !== ''))
      .map((p) => p.label || p.binding.key);
    return {
      id: bo.id,
      type: e.type,
      name: bo.name,
      taskType: taskDefinition?.type,
      timer,
      messageRequired: Boolean(messageDefinition) && e.type !== 'bpmn:EndEvent' && e.type !== 'bpmn:IntermediateThrowEvent',
      messageName: messageDefinition?.messageRef?.name,
      templateId,
      missing,
    };
  });
}

/** Marks elements at fault on the canvas (red outline and a badge); clears earlier marks. */
export function markProblems(modeler, problems, onPick) {
  const canvas = modeler.get('canvas');
  const overlays = modeler.get('overlays');
  const registry = modeler.get('elementRegistry');
  overlays.remove({ type: 'engage-problem' });
  registry.forEach((e) => canvas.removeMarker(e, 'engage-problem'));
  const byElement = new Map();
  for (const p of problems) {
    if (!p.elementId || !registry.get(p.elementId)) continue;
    byElement.set(p.elementId, [...(byElement.get(p.elementId) || []), p.text]);
  }
  for (const [id, texts] of byElement) {
    canvas.addMarker(id, 'engage-problem');
    const badge = document.createElement('div');
    badge.className = 'engage-problem-badge';
    badge.dataset.testid = 'problem-badge';
    badge.dataset.elementId = id;
    badge.title = texts.join('\n');
    badge.textContent = String(texts.length);
    badge.addEventListener('click', () => onPick?.(id));
    overlays.add(id, 'engage-problem', { position: { top: -10, right: 10 }, html: badge });
  }
  return byElement;
}

export function selectElement(modeler, id) {
  const element = modeler.get('elementRegistry').get(id);
  if (!element) return;
  modeler.get('selection').select(element);
  modeler.get('canvas').scrollToElement?.(element);
}
