// A read-only diagram with the number of live customers on each element.

import NavigatedViewer from 'camunda-bpmn-js/lib/camunda-cloud/NavigatedViewer';
import 'camunda-bpmn-js/dist/assets/camunda-cloud-navigated-viewer.css';

export async function showDiagram(container, xml, counts) {
  const viewer = new NavigatedViewer({ container });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  canvas.zoom('fit-viewport', 'auto');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  for (const [id, count] of Object.entries(counts || {})) {
    if (!registry.get(id) || !count) continue;
    const badge = document.createElement('div');
    badge.className = 'live-count';
    badge.dataset.testid = 'live-count';
    badge.dataset.elementId = id;
    badge.textContent = String(count);
    overlays.add(id, { position: { bottom: 10, right: 10 }, html: badge });
    canvas.addMarker(id, 'has-live');
  }
  return viewer;
}
