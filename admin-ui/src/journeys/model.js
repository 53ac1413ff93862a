// Pure helpers for the journey pages: list rows, live counts per element, migration mappings,
// preview timelines, and the modeler's own checks before a deploy.

/** Journey overviews (GET /api/journeys) as list rows. */
export function journeyListRows(journeys) {
  return (journeys || []).map((j) => ({
    key: j.journey,
    journey: j.journey,
    name: j.name ?? j.journey,
    status: j.status ?? 'ACTIVE',
    latestVersion: j.latestVersion,
    liveInstances: j.liveInstances ?? 0,
    versions: (j.versions || []).length,
    perVersion: (j.versions || []).filter((v) => v.liveInstances > 0).map((v) => `v${v.version}: ${v.liveInstances}`).join(' · '),
  }));
}

/** {elementId: count} of one version's live instances. */
export function elementCounts(version) {
  const counts = {};
  for (const e of version?.elements || []) counts[e.elementId] = (counts[e.elementId] || 0) + (e.instances || 0);
  return counts;
}

/**
 * The mapping a migration needs: every element where instances wait in the source version, and
 * every element that holds a subscription (message or timer catch events, boundary events, event
 * sub-process starts, receive tasks: Zeebe asks for those too), each to the element of the same id
 * in the target when it has one ('' for the user to choose, for a waiting element).
 */
export function defaultMappings(sourceVersion, sourceElements, targetElements) {
  const target = new Set((targetElements || []).map((e) => e.id));
  const waiting = Object.keys(elementCounts(sourceVersion)).filter((id) => !id.startsWith('('));
  const subscriptions = (sourceElements || []).filter((e) => e.subscribes && target.has(e.id)).map((e) => e.id);
  return [...new Set([...waiting, ...subscriptions])]
    .map((id) => ({ sourceElementId: id, targetElementId: target.has(id) ? id : '' }));
}

const SUBSCRIBING = new Set(['intermediateCatchEvent', 'boundaryEvent', 'receiveTask']);

/**
 * The flow elements of a BPMN XML document in document order: {id, type (local name), subscribes}
 * where subscribes marks elements that wait on a message or timer subscription.
 */
export function bpmnElements(xml, parser = new DOMParser()) {
  const doc = parser.parseFromString(String(xml ?? ''), 'application/xml');
  const out = [];
  const walk = (node, inEventSubprocess) => {
    for (const child of Array.from(node.children || [])) {
      const local = child.localName;
      const id = child.getAttribute('id');
      const eventSub = local === 'subProcess' && child.getAttribute('triggeredByEvent') === 'true';
      if (id && /(Task|Event|Gateway|subProcess|task)$/.test(local)) {
        out.push({ id, type: local, subscribes: SUBSCRIBING.has(local) || (local === 'startEvent' && inEventSubprocess) });
      }
      walk(child, eventSub || (inEventSubprocess && local !== 'subProcess'));
    }
  };
  walk(doc.documentElement || doc, false);
  return out;
}

/** "PT36H" / "P2DT3H" → "1d 12h" style parts in hours and minutes; ISO duration of a preview entry. */
export function durationParts(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso ?? ''));
  if (!m) return null;
  const seconds = (+(m[1] || 0)) * 86400 + (+(m[2] || 0)) * 3600 + (+(m[3] || 0)) * 60 + Math.round(+(m[4] || 0));
  return { days: Math.floor(seconds / 86400), hours: Math.floor((seconds % 86400) / 3600), minutes: Math.floor((seconds % 3600) / 60) };
}

/** A preview entry's detail object as one readable line: "channel=sms · template=first-order". */
export function detailText(detail) {
  if (!detail || typeof detail !== 'object') return '';
  return Object.entries(detail)
    .filter(([, v]) => v != null && v !== '')
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : v}`)
    .join(' · ');
}

const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/**
 * Checks the modeler makes before a deploy, on element descriptors taken from the diagram:
 * {id, type, name, taskType, timer: {kind, value}, messageName, templateId, missing: [labels]}.
 * Returns [{elementId, reason, params}] with dictionary keys as reasons.
 */
export function lintJourney(elements) {
  const problems = [];
  const list = elements || [];
  if (!list.some((e) => e.type === 'bpmn:StartEvent')) problems.push({ elementId: '', reason: 'lint.noStart' });
  for (const e of list) {
    if (e.type === 'bpmn:ServiceTask' && !e.taskType) problems.push({ elementId: e.id, reason: 'lint.noTaskType' });
    if (e.type === 'bpmn:ServiceTask' && e.taskType && !e.taskType.startsWith('engage:')) {
      problems.push({ elementId: e.id, reason: 'lint.unknownTaskType', params: { type: e.taskType } });
    }
    if (e.timer) {
      const value = String(e.timer.value ?? '').trim();
      if (!value) problems.push({ elementId: e.id, reason: 'lint.timerEmpty' });
      else if (e.timer.kind === 'timeDuration' && !value.startsWith('=') && !ISO_DURATION.test(value)) {
        problems.push({ elementId: e.id, reason: 'lint.timerDuration', params: { value } });
      }
    }
    if (e.messageRequired && !e.messageName) problems.push({ elementId: e.id, reason: 'lint.noMessage' });
    for (const label of e.missing || []) problems.push({ elementId: e.id, reason: 'lint.missingField', params: { field: label } });
  }
  return problems;
}

/** The engine's 422 for a refused journey as [{elementId, reason}] ('' = the whole file). */
export function deployErrors(error) {
  const items = Array.isArray(error?.errors) ? error.errors : [];
  if (!items.length) return [{ elementId: '', reason: error?.detail || error?.message || '', raw: true }];
  return items.map((e) => ({ elementId: String(e.field ?? ''), reason: String(e.reason ?? ''), raw: true }));
}
