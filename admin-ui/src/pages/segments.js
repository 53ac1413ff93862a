// Saved segments (audiences journeys check with engage:check-segment): list with member counts,
// a condition builder (all/any of field conditions), preview and save. Built on /api/segments
// (data-customers).

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { formatNumber } from '../format.js';
import { getLocale, t } from '../i18n.js';
import { busy, statusLine } from '../views/common.js';
import { SEGMENT_FIELDS, SEGMENT_OPS, definitionToRows, rowsToDefinition } from '../segments.js';

export function mount(container, { route, navigate, onUnauthorized }) {
  const status = statusLine();
  const listBox = el('div', {}, loadingNote());
  const editBox = el('div');
  replaceContent(container, el('h2', {}, t('segments.title'), ' ',
    el('button', { type: 'button', dataset: { testid: 'segment-new' }, onclick: () => edit(null) }, '+')),
  status.element, panel('segment-list', 'segments.title', listBox), editBox);

  async function load() {
    try {
      const list = await api.segments.list();
      if (list == null) {
        replaceContent(listBox, el('p', { className: 'empty' }, t('common.notAvailable')));
        return;
      }
      replaceContent(listBox, table([
        { key: 'key', label: 'segments.key' }, { key: 'name', label: 'segments.name' }, { key: 'members', label: 'segments.size' },
      ], list.map((v) => ({ key: v.segment.key, name: v.segment.name ?? '', members: formatNumber(v.members, getLocale()) })),
      { testid: 'segment-table', rowTestid: 'segment-row', onRowClick: (row) => navigate('segments', [row.key]) }));
    } catch (error) {
      if (!(await onUnauthorized(error))) replaceContent(listBox, errorBox(error));
    }
  }

  async function edit(key) {
    let segment = { key: '', name: '', description: '', definition: '{"all": []}' };
    if (key) {
      try {
        segment = (await api.segments.get(key)).segment;
      } catch (error) {
        replaceContent(editBox, errorBox(error));
        return;
      }
    }
    let parsed = {};
    try { parsed = JSON.parse(segment.definition || '{}'); } catch { parsed = {}; }
    const state = definitionToRows(parsed);
    const keyInput = el('input', { type: 'text', value: segment.key, disabled: Boolean(key), dataset: { testid: 'segment-key' } });
    const name = el('input', { type: 'text', value: segment.name ?? '', dataset: { testid: 'segment-name' } });
    const combine = el('select', { onchange: (e) => { state.combine = e.target.value; } },
      ['all', 'any'].map((c) => el('option', { value: c, selected: state.combine === c }, c)));
    const rowsBox = el('div');
    const drawRows = () => replaceContent(rowsBox, state.advanced
      ? el('p', { className: 'note' }, JSON.stringify(parsed))
      : state.rows.map((r, i) => el('div', { className: 'toolbar', dataset: { testid: 'segment-condition' } },
        el('select', { onchange: (e) => { r.field = e.target.value; } }, SEGMENT_FIELDS.map((f) => el('option', { value: f, selected: r.field === f }, f))),
        el('select', { onchange: (e) => { r.op = e.target.value; } }, SEGMENT_OPS.map((o) => el('option', { value: o, selected: r.op === o }, o))),
        (() => { const v = el('input', { type: 'text', value: r.value }); v.addEventListener('input', () => { r.value = v.value; }); return v; })(),
        el('button', { type: 'button', className: 'link', onclick: () => { state.rows.splice(i, 1); drawRows(); } }, '×'))));
    drawRows();
    const result = el('div', { dataset: { testid: 'segment-preview' } });
    const definition = () => (state.advanced ? parsed : rowsToDefinition(state));
    const preview = el('button', {
      type: 'button', onclick: () => busy(preview, status, async () => {
        const p = await api.segments.preview(definition());
        const sample = p.sample || [];
        const keys = sample.length ? Object.keys(sample[0]) : [];
        replaceContent(result,
          el('p', { dataset: { testid: 'segment-count' } }, `${t('segments.size')}: ${formatNumber(p.count, getLocale())}`),
          sample.length ? table(keys.map((k) => ({ key: k, label: k })), sample.map((x, i) => ({ key: String(i), ...Object.fromEntries(keys.map((k) => [k, String(x[k] ?? '')])) })),
            { testid: 'segment-sample' }) : null);
      }),
    }, t('segments.preview'));
    const save = el('button', {
      type: 'button', className: 'primary', onclick: () => busy(save, status, async () => {
        const body = { key: keyInput.value.trim(), name: name.value.trim(), description: segment.description, definition: definition() };
        const saved = key ? await api.segments.update(key, body) : await api.segments.create(body);
        status.ok(`${t('common.saved')}: ${saved.segment.key} (${formatNumber(saved.members, getLocale())})`);
        load();
      }),
    }, t('common.save'));
    replaceContent(editBox, panel('segment-editor', 'segments.definition',
      el('div', { className: 'toolbar' }, el('label', {}, t('segments.key'), ' ', keyInput), el('label', {}, t('segments.name'), ' ', name),
        el('label', {}, t('segments.definition'), ' ', combine)),
      rowsBox,
      state.advanced ? null : el('button', { type: 'button', onclick: () => { state.rows.push({ field: 'tier', op: 'eq', value: '' }); drawRows(); } }, '+'),
      el('div', { className: 'toolbar' }, preview, save), result));
  }

  load();
  if (route.params[0]) edit(route.params[0]);
  return null;
}
