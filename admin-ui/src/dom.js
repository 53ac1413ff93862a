// DOM helpers: elements are built with createElement/textContent only (no innerHTML with data).

import { t } from './i18n.js';

/**
 * el('button', {className: 'x', dataset: {testid: 'y'}, onclick: fn, type: 'button'}, 'text', child)
 * Strings among the children become text nodes; null/false children are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name === 'className') node.className = value;
    else if (name === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v != null) node.dataset[k] = v;
    }
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export function replaceContent(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}

/** A section with a heading: the container tests and later pages address by data-testid. */
export function panel(testid, titleKey, ...content) {
  return el('section', { className: 'panel', id: testid, dataset: { testid } },
    el('h3', { className: 'panel-title' }, t(titleKey)),
    ...content);
}

export function emptyNote() {
  return el('p', { className: 'empty' }, t('common.empty'));
}

export function loadingNote() {
  return el('p', { className: 'loading' }, t('common.loading'));
}

/** Shows a problem+json error: title, detail and field errors. */
export function errorBox(error) {
  const title = error?.title || t('common.error');
  const detail = error?.detail || (error?.title ? '' : error?.message || '');
  const fieldErrors = Array.isArray(error?.errors) ? error.errors : [];
  return el('div', { className: 'error', role: 'alert', dataset: { testid: 'error' } },
    el('strong', {}, title),
    detail ? el('span', { className: 'error-detail' }, ` ${detail}`) : null,
    fieldErrors.length
      ? el('ul', {}, fieldErrors.map((f) => el('li', {}, `${f.field ?? ''}: ${f.reason ?? ''}`)))
      : null);
}

/**
 * A table from column definitions ({key, label}) and rows (objects of strings).
 * `cell(row, column)` may return a Node or a string to override a cell.
 */
export function table(columns, rows, { testid, rowTestid, cell, onRowClick, rowAttrs } = {}) {
  if (!rows.length) return emptyNote();
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, t(c.label)))));
  const body = el('tbody', {}, rows.map((row) => {
    const custom = rowAttrs ? rowAttrs(row) : {};
    const tr = el('tr', { ...custom, dataset: { ...(rowTestid ? { testid: rowTestid } : {}), ...(custom.dataset || {}) } },
      columns.map((c) => {
        const content = cell ? cell(row, c) : undefined;
        return el('td', { dataset: { col: c.key } }, content === undefined ? row[c.key] ?? '' : content);
      }));
    if (onRowClick) {
      tr.classList.add('clickable');
      tr.tabIndex = 0;
      tr.addEventListener('click', () => onRowClick(row));
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onRowClick(row);
        }
      });
    }
    return tr;
  }));
  return el('div', { className: 'table-wrap' }, el('table', { dataset: testid ? { testid } : {} }, head, body));
}
