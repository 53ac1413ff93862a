// The escalation workbench for service managers: severity x tier x channel -> SLA hours and start
// level, the notification ladder, inline validation, save/activate, versions, history, roll back.

import * as api from '../api.js';
import { el, loadingNote, panel, replaceContent } from '../dom.js';
import { t } from '../i18n.js';
import { canEditRuleSet } from '../roles.js';
import { routeHref } from '../router.js';
import { OTHER, fromRuleGrid, key, maxLevel, shippedModel, toRuleGrid, validateModel } from '../rules/escalation.js';
import { busy, statusLine } from '../views/common.js';
import { historyPanel, versionsPanel } from '../views/rule-versions.js';

export function mount(container, { me }) {
  const ruleSet = 'escalation';
  const canEdit = canEditRuleSet(me, ruleSet);
  const status = statusLine();
  const editorBox = el('div', {}, loadingNote());
  const versions = versionsPanel({ ruleSet, canEdit, status, onChanged: reload });
  const history = historyPanel({ ruleSet });
  let model = null;

  replaceContent(container,
    el('h2', {}, t('escalation.title'), ' ',
      el('a', { href: routeHref('complaints'), className: 'small' }, `→ ${t('nav.complaints')}`)),
    status.element,
    panel('escalation-grid', 'escalation.matrix', editorBox),
    versions.element,
    history.element);

  async function reload() {
    const list = await versions.load();
    history.load();
    return list;
  }

  async function loadModel(list) {
    const active = list.find((v) => v.status === 'ACTIVE');
    let source = t('escalation.fromShipped');
    let note = null;
    model = null;
    if (active?.format === 'GRID') {
      try {
        model = fromRuleGrid(await api.rules.gridJson(ruleSet, active.version));
      } catch (error) {
        status.error(error);
      }
      if (model) source = t('escalation.fromVersion', { version: active.version });
    }
    if (!model) {
      if (active && active.version !== 1) note = t('escalation.unreadable');
      model = shippedModel();
    }
    draw(source, note);
  }

  function draw(source, note) {
    const summary = el('span', { className: 'grid-summary', dataset: { testid: 'esc-errors' } });
    const inputs = new Map(); // "key|field" -> input
    const levelInputs = new Map();

    function check() {
      const errors = validateModel(model);
      inputs.forEach((node) => { node.parentElement.classList.remove('cell-error'); node.title = ''; node.dataset.error = ''; });
      levelInputs.forEach((node) => { node.parentElement.classList.remove('cell-error'); node.title = ''; });
      for (const e of errors) {
        const node = e.key.startsWith('ladder') ? levelInputs.get(e.key) : inputs.get(`${e.key}|${e.field}`);
        if (node) {
          node.parentElement.classList.add('cell-error');
          node.title = t(e.reason, e.params);
          node.dataset.error = 'true';
        }
      }
      replaceContent(summary, errors.length ? t('escalation.errors', { count: errors.length }) : '');
      return errors;
    }

    const channels = [...model.channels, OTHER];
    const cellInput = (k, field) => {
      const node = el('input', {
        type: 'text', inputMode: 'numeric', className: 'cell-input narrow', value: model.cells[k]?.[field] ?? '',
        disabled: !canEdit, 'aria-label': `${k.replaceAll('|', ' ')} ${field}`,
        dataset: { testid: field === 'slaHours' ? 'esc-sla' : 'esc-level', key: k },
      });
      node.addEventListener('input', () => {
        model.cells[k] = { ...(model.cells[k] || {}), [field]: node.value.trim() };
        check();
      });
      inputs.set(`${k}|${field}`, node);
      return el('td', {}, node);
    };
    const matrix = el('table', { className: 'grid escalation-matrix', dataset: { testid: 'escalation-matrix' } },
      el('thead', {},
        el('tr', {}, el('th', { rowSpan: 2 }, t('escalation.severity')), el('th', { rowSpan: 2 }, t('escalation.tier')),
          channels.map((c) => el('th', { colSpan: 2, className: 'group' }, c === OTHER ? t('escalation.otherChannels') : c))),
        el('tr', {}, channels.map(() => [el('th', {}, t('escalation.sla')), el('th', {}, t('escalation.level'))]))),
      el('tbody', {}, model.severities.flatMap((s) => model.tiers.map((tier, i) => el('tr', { className: i === 0 ? 'group-start' : null },
        i === 0 ? el('th', { rowSpan: model.tiers.length, scope: 'rowgroup' }, s) : null,
        el('th', { scope: 'row' }, tier),
        channels.map((c) => [cellInput(key(s, tier, c), 'slaHours'), cellInput(key(s, tier, c), 'level')]))))));

    const ladderBody = el('tbody');
    const drawLadder = () => {
      levelInputs.clear();
      replaceContent(ladderBody, Object.keys(model.ladder).map(Number).sort((a, b) => a - b).map((level) => {
        const node = el('input', {
          type: 'text', className: 'cell-input', value: (model.ladder[level] || []).join(' '), disabled: !canEdit,
          dataset: { testid: 'esc-ladder-roles', level: String(level) },
        });
        node.addEventListener('input', () => {
          model.ladder[level] = node.value.split(/\s+/).filter(Boolean);
          check();
        });
        levelInputs.set(`ladder:${level}`, node);
        return el('tr', {}, el('th', {}, String(level)), el('td', {}, node));
      }));
    };
    drawLadder();
    const ladderTools = canEdit ? el('div', { className: 'toolbar' },
      el('button', {
        type: 'button', onclick: () => { model.ladder[maxLevel(model) + 1] = ['ADMIN']; drawLadder(); check(); },
      }, `+ ${t('escalation.ladder.add')}`),
      el('button', {
        type: 'button', onclick: () => { if (maxLevel(model) > 1) { delete model.ladder[maxLevel(model)]; drawLadder(); check(); } },
      }, t('escalation.ladder.remove'))) : null;

    const comment = el('input', { type: 'text', placeholder: t('common.comment'), dataset: { testid: 'esc-comment' } });
    const save = async (activate, button) => {
      if (check().length) return;
      await busy(button, status, async () => {
        const created = await api.rules.saveGrid(ruleSet, toRuleGrid(model), comment.value.trim() || null);
        if (activate) {
          await api.rules.activate(ruleSet, created.version);
          status.ok(t('rules.activated', { version: created.version }));
        } else {
          status.ok(`${t('common.saved')}: v${created.version}`);
        }
        const list = await reload();
        if (activate) loadModel(list);
      });
    };
    replaceContent(editorBox,
      el('p', { className: 'muted', dataset: { testid: 'esc-source' } }, source),
      note ? el('p', { className: 'note' }, note) : null,
      el('p', { className: 'hint' }, t('escalation.hint')),
      el('div', { className: 'table-wrap' }, matrix),
      el('h4', {}, t('escalation.ladder')),
      el('table', { className: 'grid ladder', dataset: { testid: 'escalation-ladder' } },
        el('thead', {}, el('tr', {}, el('th', {}, t('escalation.ladder.level')), el('th', {}, t('escalation.ladder.roles')))),
        ladderBody),
      ladderTools,
      canEdit ? el('div', { className: 'toolbar' }, comment,
        el('button', { type: 'button', dataset: { testid: 'esc-save' }, onclick: (e) => save(false, e.currentTarget) }, t('escalation.saveDraft')),
        el('button', { type: 'button', className: 'primary', dataset: { testid: 'esc-save-activate' }, onclick: (e) => save(true, e.currentTarget) },
          t('escalation.saveAndActivate')),
        summary) : null);
    check();
  }

  reload().then(loadModel);
  return null;
}
