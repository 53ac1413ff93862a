// Small building blocks shared by the workbench pages.

import { el, replaceContent } from '../dom.js';
import { t } from '../i18n.js';
import { diffLines } from '../diff.js';

/** A status line for "saved", "activated" and errors: show(text) / show(error). */
export function statusLine(testid = 'status') {
  const node = el('div', { className: 'status-line', role: 'status', dataset: { testid }, hidden: true });
  return {
    element: node,
    ok(text) {
      node.className = 'status-line ok';
      node.hidden = false;
      replaceContent(node, text);
    },
    error(error) {
      node.className = 'status-line bad';
      node.hidden = false;
      const detail = [error?.title, error?.detail].filter(Boolean).join(': ') || error?.message || String(error);
      const items = Array.isArray(error?.errors) ? error.errors : [];
      replaceContent(node, el('strong', {}, detail),
        items.length ? el('ul', {}, items.map((e) => el('li', {}, [e.field, e.reason].filter(Boolean).join(': ')))) : null);
    },
    clear() {
      node.hidden = true;
      replaceContent(node);
    },
  };
}

export function badge(kind, text, extra = '') {
  return el('span', { className: `badge ${kind} ${extra}`.trim() }, text);
}

/** A line diff as a <pre> with added and removed lines marked. */
export function diffView(diff) {
  const lines = diffLines(diff);
  if (!lines.length) return el('p', { className: 'empty' }, t('rules.diff.none'));
  return el('pre', { className: 'diff', dataset: { testid: 'diff-view' } },
    lines.map((l) => el('div', { className: `diff-${l.type}` }, `${l.type === 'add' ? '+' : l.type === 'del' ? '−' : ' '} ${l.text}`)));
}

/** Runs an async action with the button disabled; errors go to the status line. */
export async function busy(button, status, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    status?.error(error);
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

/** A KPI tile: label and value. */
export function tile(label, value, testid) {
  return el('div', { className: 'tile', dataset: testid ? { testid } : {} },
    el('div', { className: 'tile-label' }, label), el('div', { className: 'tile-value' }, value));
}

/** "2026-11-30" for an input[type=date], in local time. */
export function dateInputValue(date) {
  const d = new Date(date);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
