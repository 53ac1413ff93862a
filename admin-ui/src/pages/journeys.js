// Journeys for marketers: the list (versions, status, live customers), a version's diagram with
// live counts, pause/resume, migration of waiting customers, preview on the virtual clock, and the
// modeler (loaded on demand) to change and deploy a journey.

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { formatDateTime, formatNumber } from '../format.js';
import { getLocale, t, translateEnum } from '../i18n.js';
import { routeHref } from '../router.js';
import {
  bpmnElements, defaultMappings, deployErrors, detailText, durationParts, elementCounts, journeyListRows, lintJourney,
} from '../journeys/model.js';
import { badge, busy, statusLine } from '../views/common.js';

const NEW_JOURNEY = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="NewJourneyDefinitions" targetNamespace="https://engage.io/journeys"
  modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:message id="NewJourneyMessage" name="customer.registered" />
  <bpmn:process id="new-journey" name="New journey" isExecutable="true">
    <bpmn:startEvent id="JourneyStarts" name="Customer registered">
      <bpmn:messageEventDefinition id="JourneyStartsTrigger" messageRef="NewJourneyMessage" />
    </bpmn:startEvent>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="NewJourneyDiagram">
    <bpmndi:BPMNPlane id="NewJourneyPlane" bpmnElement="new-journey">
      <bpmndi:BPMNShape id="JourneyStarts_di" bpmnElement="JourneyStarts"><dc:Bounds x="160" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

export function mount(container, ctx) {
  const [journey, sub] = ctx.route.params;
  if (journey && sub === 'edit') return mountModeler(container, ctx, journey);
  if (journey) return mountDetail(container, ctx, journey);
  return mountList(container, ctx);
}

// ---- list ----

function mountList(container, { onUnauthorized }) {
  const status = statusLine();
  const body = el('div', {}, loadingNote());
  replaceContent(container, el('h2', {}, t('journeys.title'), ' ',
    el('a', { href: routeHref('journeys', ['new', 'edit']), className: 'button', dataset: { testid: 'journey-new' } }, `+ ${t('journeys.new')}`)),
  status.element, panel('journey-list', 'journeys.title', body));

  async function load() {
    try {
      const list = await api.journeys.list();
      const locale = getLocale();
      replaceContent(body, table([
        { key: 'journey', label: 'journeys.name' }, { key: 'name', label: 'field.name' }, { key: 'status', label: 'journeys.status' },
        { key: 'latestVersion', label: 'journeys.latest' }, { key: 'versions', label: 'journeys.versions' },
        { key: 'liveInstances', label: 'journeys.live' }, { key: 'actions', label: 'common.actions' },
      ], journeyListRows(list), {
        testid: 'journey-table',
        rowTestid: 'journey-row',
        rowAttrs: (row) => ({ dataset: { journey: row.journey, latestVersion: String(row.latestVersion) } }),
        cell: (row, c) => {
          if (c.key === 'journey') return el('a', { href: routeHref('journeys', [row.journey]) }, row.journey);
          if (c.key === 'status') return badge('status', translateEnum(locale, 'journeys.status', row.status), `status-${row.status.toLowerCase()}`);
          if (c.key === 'latestVersion') return el('span', { dataset: { testid: 'journey-latest' } }, `v${row.latestVersion}`);
          if (c.key === 'liveInstances') return `${formatNumber(row.liveInstances, locale)}${row.perVersion ? ` (${row.perVersion})` : ''}`;
          if (c.key !== 'actions') return undefined;
          return el('span', { className: 'actions' },
            el('a', { href: routeHref('journeys', [row.journey]), dataset: { testid: 'journey-open' } }, t('journeys.open')),
            el('a', { href: routeHref('journeys', [row.journey, 'edit'], { v: row.latestVersion }), dataset: { testid: 'journey-edit' } }, t('journeys.edit')),
            pauseButton(row.journey, row.status, status, load));
        },
      }));
    } catch (error) {
      if (!(await onUnauthorized(error))) replaceContent(body, errorBox(error));
    }
  }
  load();
  return null;
}

function pauseButton(journey, status, line, after) {
  const paused = status === 'PAUSED';
  const button = el('button', {
    type: 'button', className: 'link', dataset: { testid: paused ? 'journey-resume' : 'journey-pause' },
    onclick: () => busy(button, line, async () => {
      await (paused ? api.journeys.resume(journey) : api.journeys.pause(journey));
      line.ok(`${journey}: ${t(paused ? 'journeys.status.ACTIVE' : 'journeys.status.PAUSED')}`);
      await after();
    }),
  }, t(paused ? 'journeys.resume' : 'journeys.pause'));
  return button;
}

// ---- one journey ----

function mountDetail(container, { route, navigate, onUnauthorized }, journey) {
  const status = statusLine();
  const head = el('div');
  const diagram = el('div', { className: 'diagram', dataset: { testid: 'journey-diagram' } });
  const versionsBox = el('div');
  const migrateBox = el('div');
  const previewBox = el('div');
  const experimentsBox = el('div');
  let viewer = null;
  let alive = true;
  replaceContent(container,
    el('p', {}, el('a', { href: routeHref('journeys') }, `← ${t('journeys.title')}`)),
    head, status.element,
    panel('journey-live', 'journeys.liveByElement', diagram),
    panel('journey-versions', 'journeys.versions', versionsBox),
    panel('journey-migrate', 'journeys.migrate', migrateBox),
    panel('journey-preview', 'journeys.preview', previewBox),
    panel('journey-experiments', 'journeys.experiments', experimentsBox));

  async function load() {
    let overview;
    try {
      overview = await api.journeys.get(journey);
    } catch (error) {
      if (!(await onUnauthorized(error))) replaceContent(head, errorBox(error));
      return;
    }
    const locale = getLocale();
    const shown = Number(route.query.v) || overview.latestVersion;
    const version = overview.versions.find((v) => v.version === shown) || overview.versions.at(-1);
    replaceContent(head, el('h2', { dataset: { testid: 'journey-title', status: overview.status } }, overview.name || journey, ' ',
      badge('status', translateEnum(locale, 'journeys.status', overview.status), `status-${overview.status.toLowerCase()}`), ' ',
      el('small', { className: 'muted' }, `${journey} · v${version.version} · ${t('journeys.live')} ${formatNumber(version.liveInstances, locale)}`)),
    el('div', { className: 'toolbar' },
      el('a', { href: routeHref('journeys', [journey, 'edit'], { v: version.version }), className: 'button', dataset: { testid: 'journey-edit' } }, t('journeys.edit')),
      pauseButton(journey, overview.status, status, load)));
    replaceContent(versionsBox, table([
      { key: 'version', label: 'common.version' }, { key: 'source', label: 'journeys.source' },
      { key: 'deployedBy', label: 'journeys.deployedBy' }, { key: 'deployedAt', label: 'journeys.deployedAt' },
      { key: 'live', label: 'journeys.live' },
    ], [...overview.versions].reverse().map((v) => ({
      key: String(v.version), version: `v${v.version}`, source: v.source, deployedBy: v.deployedBy,
      deployedAt: formatDateTime(v.deployedAt, locale), live: formatNumber(v.liveInstances, locale), raw: v,
    })), {
      testid: 'journey-versions-table',
      rowTestid: 'journey-version-row',
      rowAttrs: (row) => ({ className: row.raw.version === version.version ? 'selected' : null, dataset: { version: String(row.raw.version) } }),
      onRowClick: (row) => navigate('journeys', [journey], { v: row.raw.version }),
    }));
    drawMigration(overview, version);
    drawPreview(version);
    loadExperiments();
    try {
      const xml = await api.journeys.bpmn(journey, version.version);
      if (!alive) return;
      const { showDiagram } = await import('../journeys/viewer.js');
      replaceContent(diagram);
      viewer?.destroy();
      viewer = await showDiagram(diagram, xml, elementCounts(version));
    } catch (error) {
      replaceContent(diagram, errorBox(error));
    }
  }

  function drawMigration(overview, version) {
    const others = overview.versions.filter((v) => v.version !== version.version);
    if (!others.length || !version.liveInstances) {
      replaceContent(migrateBox, el('p', { className: 'empty' }, t('common.empty')));
      return;
    }
    const target = el('select', { dataset: { testid: 'migrate-to' } },
      others.map((v) => el('option', { value: String(v.version), selected: v.version === overview.latestVersion }, `v${v.version}`)));
    const mappingBox = el('div');
    let mappings = [];
    const drawMappings = async () => {
      const [sourceXml, targetXml] = await Promise.all([
        api.journeys.bpmn(journey, version.version), api.journeys.bpmn(journey, Number(target.value))]);
      mappings = defaultMappings(version, bpmnElements(sourceXml), bpmnElements(targetXml));
      replaceContent(mappingBox, el('table', { className: 'grid' },
        el('thead', {}, el('tr', {}, el('th', {}, `v${version.version}`), el('th', {}, `v${target.value}`))),
        el('tbody', {}, mappings.map((m) => {
          const input = el('input', { type: 'text', className: 'cell-input', value: m.targetElementId, dataset: { testid: 'migrate-target', source: m.sourceElementId } });
          input.addEventListener('input', () => { m.targetElementId = input.value.trim(); });
          return el('tr', {}, el('td', {}, el('code', {}, m.sourceElementId)), el('td', {}, input));
        }))));
    };
    target.addEventListener('change', drawMappings);
    const run = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'migrate-run' },
      onclick: () => busy(run, status, async () => {
        const report = await api.journeys.migrate(journey, { fromVersion: version.version, toVersion: Number(target.value), mappings });
        await load();
        status.ok(el('span', { dataset: { testid: 'migration-report', migrated: String(report.migrated), failed: String(report.failed) } },
          t('journeys.migrate.done', report),
          (report.failures || []).length ? el('ul', {}, report.failures.slice(0, 10).map((f) => el('li', {}, `${f.processInstanceKey}: ${f.reason}`))) : null));
      }),
    }, t('journeys.migrate.run'));
    replaceContent(migrateBox, el('div', { className: 'toolbar' },
      el('span', {}, `${t('journeys.migrate.from')} v${version.version}`),
      el('label', {}, t('journeys.migrate.to'), ' ', target)),
    el('p', { className: 'hint' }, t('journeys.migrate.mapping')), mappingBox, el('div', { className: 'toolbar' }, run));
    drawMappings().catch((error) => status.error(error));
  }

  function drawPreview(version) {
    const customer = el('input', { type: 'text', placeholder: 'c-000001', dataset: { testid: 'preview-customer' } });
    const days = el('input', { type: 'number', min: '1', max: '60', value: '30', className: 'narrow', dataset: { testid: 'preview-days' } });
    const eventType = el('select', { dataset: { testid: 'preview-event' } },
      ['', 'order.placed', 'order.refunded', 'complaint.resolved', 'survey.answered', 'review.posted', 'content.shared']
        .map((x) => el('option', { value: x }, x || '—')));
    const eventDay = el('input', { type: 'number', min: '0', max: '60', value: '2', className: 'narrow', dataset: { testid: 'preview-event-day' } });
    const result = el('div', { dataset: { testid: 'preview-result-region' } });
    const run = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'preview-run' },
      onclick: () => busy(run, status, async () => {
        replaceContent(result, loadingNote());
        try {
          const body = { customerId: customer.value.trim(), days: Number(days.value), version: version.version };
          if (eventType.value) body.events = [{ type: eventType.value, day: Number(eventDay.value), data: {} }];
          replaceContent(result, timeline(await api.journeys.preview(journey, body)));
        } catch (error) {
          replaceContent(result, errorBox(error));
        }
      }),
    }, t('journeys.preview.run'));
    replaceContent(previewBox, el('div', { className: 'toolbar' },
      el('label', {}, t('journeys.preview.customer'), ' ', customer),
      el('label', {}, t('journeys.preview.days'), ' ', days),
      el('label', {}, t('journeys.preview.event'), ' ', eventType, ' ', t('journeys.preview.eventDay'), ' ', eventDay),
      run), result);
  }

  function timeline(tl) {
    const locale = getLocale();
    return el('div', { dataset: { testid: 'preview-timeline' } },
      el('p', { className: 'muted' }, `v${tl.version} · ${tl.customerId} · ${formatDateTime(tl.start, locale)} → ${formatDateTime(tl.end, locale)} · `,
        t(tl.completed ? 'journeys.preview.completed' : 'journeys.preview.running')),
      table([
        { key: 'after', label: 'journeys.preview.after' }, { key: 'at', label: 'field.at' },
        { key: 'step', label: 'journeys.preview.step' }, { key: 'kind', label: 'journeys.preview.kind' },
        { key: 'detail', label: 'journeys.preview.detail' },
      ], (tl.entries || []).map((e, i) => {
        const d = durationParts(e.after);
        return {
          key: String(i),
          after: d ? `${d.days}d ${d.hours}h ${d.minutes}m` : (e.after ?? ''),
          at: formatDateTime(e.at, locale),
          step: e.name ? `${e.name} (${e.elementId})` : (e.elementId ?? ''),
          kind: e.kind ?? '',
          detail: detailText(e.detail),
        };
      }), { testid: 'preview-table', rowTestid: 'preview-row' }),
      (tl.notes || []).length ? el('ul', { className: 'notes' }, tl.notes.map((n) => el('li', {}, n))) : null);
  }

  async function loadExperiments() {
    try {
      const report = await api.journeys.experiments(journey);
      const locale = getLocale();
      const rows = [];
      for (const ex of report?.experiments || []) {
        for (const v of ex.variants || []) {
          rows.push({ key: `${ex.experiment}-${v.variant}`, experiment: ex.experiment, variant: v.variant,
            customers: formatNumber(v.customers, locale), converted: formatNumber(v.converted, locale),
            rate: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(v.conversionRate || 0) });
        }
      }
      const goals = Object.entries(report?.conversionsByGoal || {});
      replaceContent(experimentsBox,
        goals.length ? el('p', { dataset: { testid: 'conversions-by-goal' } }, goals.map(([g, n]) => `${g}: ${formatNumber(n, locale)}`).join(' · ')) : null,
        table([
          { key: 'experiment', label: 'journeys.experiments' }, { key: 'variant', label: 'field.kind' },
          { key: 'customers', label: 'rules.sim.customers' }, { key: 'converted', label: 'dash.converted' },
          { key: 'rate', label: 'dash.conversionRate' },
        ], rows, { testid: 'experiments-table' }));
    } catch (error) {
      replaceContent(experimentsBox, errorBox(error));
    }
  }

  load();
  return { unmount() { alive = false; viewer?.destroy(); } };
}

// ---- modeler ----

function mountModeler(container, { route }, journey) {
  const isNew = journey === 'new';
  const status = statusLine();
  const problemsBox = el('div', { dataset: { testid: 'modeler-problems' } });
  const canvas = el('div', { className: 'modeler-canvas', dataset: { testid: 'modeler-canvas' } });
  const properties = el('div', { className: 'modeler-properties', dataset: { testid: 'modeler-properties' } });
  const info = el('span', { className: 'muted' }, t('modeler.loading'));
  const validate = el('button', { type: 'button', dataset: { testid: 'modeler-validate' }, disabled: true }, t('modeler.validate'));
  const deploy = el('button', { type: 'button', className: 'primary', dataset: { testid: 'modeler-deploy' }, disabled: true }, t('modeler.deploy'));
  const download = el('button', { type: 'button', disabled: true }, t('modeler.download'));
  replaceContent(container,
    el('div', { className: 'modeler-head' },
      el('a', { href: isNew ? routeHref('journeys') : routeHref('journeys', [journey]) }, `← ${t('modeler.back')}`),
      el('h2', {}, t('modeler.title')), info,
      el('div', { className: 'toolbar' }, validate, deploy, download)),
    status.element, problemsBox,
    el('div', { className: 'modeler', dataset: { testid: 'modeler' } }, canvas, properties));
  let modeler = null;
  let alive = true;

  function showProblems(list, tools) {
    tools.markProblems(modeler, list.map((p) => ({ elementId: p.elementId, text: p.raw ? p.reason : t(p.reason, p.params) })),
      (id) => tools.selectElement(modeler, id));
    if (!list.length) {
      replaceContent(problemsBox);
      return;
    }
    replaceContent(problemsBox, el('div', { className: 'error', role: 'alert' },
      el('strong', {}, t('modeler.invalid', { count: list.length })),
      el('ul', {}, list.map((p) => el('li', { dataset: { testid: 'modeler-problem', elementId: p.elementId } },
        p.elementId ? el('button', { type: 'button', className: 'link', onclick: () => tools.selectElement(modeler, p.elementId) }, p.elementId) : '—',
        ': ', p.raw ? p.reason : t(p.reason, p.params))))));
  }

  (async () => {
    try {
      const [tools, templatesModule] = await Promise.all([import('../journeys/modeler.js'), import('../journeys/templates.js')]);
      const messageTemplates = await api.templates.list().catch(() => null);
      const templates = templatesModule.withTemplatePicker(templatesModule.engageTemplates(), messageTemplates);
      const version = Number(route.query.v) || null;
      let xml = NEW_JOURNEY;
      if (!isNew) {
        const overview = await api.journeys.get(journey);
        xml = await api.journeys.bpmn(journey, version || overview.latestVersion);
        replaceContent(info, t('modeler.basedOn', { journey, version: version || overview.latestVersion }), ' · ', t('modeler.templates', { count: templates.length }));
      } else {
        replaceContent(info, t('modeler.templates', { count: templates.length }));
      }
      if (!alive) return;
      modeler = tools.createModeler({ container: canvas, properties, templates });
      await modeler.importXML(xml);
      // Fit once the layout has sized the canvas.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      modeler.get('canvas').resized();
      modeler.get('canvas').zoom('fit-viewport', 'auto');
      container.dataset.ready = 'true';
      const check = () => {
        const list = lintJourney(tools.describeElements(modeler));
        showProblems(list, tools);
        return list;
      };
      validate.disabled = false;
      deploy.disabled = false;
      download.disabled = false;
      validate.addEventListener('click', () => {
        if (!check().length) status.ok(t('modeler.valid'));
        else status.clear();
      });
      deploy.addEventListener('click', () => busy(deploy, status, async () => {
        if (check().length) { status.clear(); return; }
        const { xml: out } = await modeler.saveXML({ format: true });
        try {
          const result = await api.journeys.deploy(out);
          // A journey for a large audience waits for a second marketer (engage.approvals).
          if (result?.status === 'PENDING') {
            status.ok(el('span', { dataset: { testid: 'deploy-pending', approval: String(result.id) } },
              t('modeler.pendingApproval', { id: result.id })));
            return;
          }
          status.ok(el('span', { dataset: { testid: 'deployed', version: String(result.version), journey: result.journey } },
            t(result.duplicate ? 'modeler.duplicate' : 'modeler.deployed', { version: result.version }), ' ',
            el('a', { href: routeHref('journeys', [result.journey], { v: result.version }) }, `${result.journey} v${result.version} →`)));
        } catch (error) {
          if (error.status === 422) {
            showProblems(deployErrors(error), tools);
            status.error(error);
          } else throw error;
        }
      }));
      download.addEventListener('click', async () => {
        const { xml: out } = await modeler.saveXML({ format: true });
        const link = el('a', { href: URL.createObjectURL(new Blob([out], { type: 'application/xml' })), download: `${journey}.bpmn` });
        link.click();
        URL.revokeObjectURL(link.href);
      });
    } catch (error) {
      status.error(error);
    }
  })();
  return { unmount() { alive = false; modeler?.destroy(); } };
}
