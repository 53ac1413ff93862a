// An editable rule grid: one input per cell, conditions then actions, errors on their cells.
// Keeps its own copy of the grid; getGrid() returns it. Pasting rows copied from Excel (tab
// separated) fills the cells from the one pasted into.

import { addCatalogColumn, catalogColumn, catalogFor, cloneGrid, removeColumn } from '../rules/catalog.js';
import { el, replaceContent } from '../dom.js';
import { t } from '../i18n.js';

/** A catalog column's title in the user's language; any other column by its own title. */
function columnLabel(ruleSet, column) {
  const known = catalogColumn(ruleSet, column);
  const key = known ? `grid.column.${ruleSet}.${known.id}` : null;
  const text = key ? t(key) : column.title;
  return text === key ? column.title : text;
}

function errorText(e) {
  return e.raw ? e.reason : t(e.reason, e.params);
}

export function gridEditor({ ruleSet, grid, readOnly = false }) {
  let model = cloneGrid(grid);
  let errors = [];
  const box = el('div', { className: 'grid-editor', dataset: { testid: 'grid-editor' } });

  function cellErrors(row, column) {
    return errors.filter((e) => e.row === row && e.column === column);
  }

  function input(value, row, column, onInput) {
    const known = column >= 0 ? catalogColumn(ruleSet, model.columns[column]) : null;
    const attrs = {
      type: 'text', value: value ?? '', disabled: readOnly,
      className: 'cell-input',
      placeholder: column >= 0 && model.columns[column].kind === 'CONDITION' ? t('rules.grid.any') : '',
      dataset: { testid: column < 0 ? 'grid-name' : 'grid-cell', row: String(row), col: String(column) },
    };
    if (known?.type === 'enum' || known?.type === 'boolean') attrs.list = `choices-${ruleSet}-${column}`;
    if (column < 0) attrs.className = 'cell-input name';
    const node = el('input', attrs);
    node.addEventListener('input', () => onInput(node.value));
    node.addEventListener('paste', (e) => {
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.includes('\t') && !text.includes('\n')) return;
      e.preventDefault();
      paste(row, column, text);
    });
    node.addEventListener('keydown', (e) => move(e, row, column));
    return node;
  }

  function move(e, row, column) {
    const delta = { ArrowDown: [1, 0], ArrowUp: [-1, 0], Enter: [1, 0] }[e.key];
    if (!delta) return;
    const target = box.querySelector(`[data-row="${row + delta[0]}"][data-col="${column + delta[1]}"]`);
    if (target) {
      e.preventDefault();
      target.focus();
    }
  }

  function paste(row, column, text) {
    const lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    lines.forEach((values, i) => {
      const r = row + i;
      while (model.rows.length <= r) model.rows.push({ name: '', cells: model.columns.map(() => '') });
      values.forEach((v, j) => {
        const c = column + j;
        if (c === -1) model.rows[r].name = v.trim();
        else if (c >= 0 && c < model.columns.length) model.rows[r].cells[c] = v.trim();
      });
    });
    draw();
  }

  function cell(content, row, column) {
    const own = cellErrors(row, column);
    return el('td', {
      className: own.length ? 'cell-error' : null,
      title: own.map(errorText).join('\n') || null,
      dataset: own.length ? { error: 'true' } : {},
    }, content, own.length ? el('div', { className: 'cell-error-text', dataset: { testid: 'grid-cell-error' } }, own.map(errorText).join('; ')) : null);
  }

  function draw() {
    const catalog = catalogFor(ruleSet);
    const datalists = model.columns.map((c, i) => {
      const known = catalogColumn(ruleSet, c);
      const choices = known?.type === 'boolean' ? ['true', 'false'] : known?.choices;
      return choices ? el('datalist', { id: `choices-${ruleSet}-${i}` }, choices.map((v) => el('option', { value: v }))) : null;
    });
    const head = el('thead', {},
      el('tr', { className: 'kinds' }, el('th', {}, '#'), el('th', {}, ''),
        model.columns.map((c, i) => el('th', { className: `kind-${c.kind.toLowerCase()}` },
          t(c.kind === 'CONDITION' ? 'rules.grid.condition' : 'rules.grid.action'),
          readOnly ? null : el('button', {
            type: 'button', className: 'link', title: t('rules.grid.removeColumn'), 'aria-label': t('rules.grid.removeColumn'),
            onclick: () => { model = removeColumn(model, i); draw(); },
          }, '×'))), el('th', {}, '')),
      el('tr', {}, el('th', {}, ''), el('th', {}, t('rules.grid.ruleName')),
        model.columns.map((c) => el('th', { className: `kind-${c.kind.toLowerCase()}`, title: c.template, dataset: { testid: 'grid-column' } },
          columnLabel(ruleSet, c))),
        el('th', {}, '')));
    const body = el('tbody', {}, model.rows.map((r, i) => el('tr', { className: cellErrors(i, null).length ? 'row-error' : null, dataset: { testid: 'grid-row' } },
      el('td', { className: 'row-number', title: cellErrors(i, null).map(errorText).join('\n') || null }, String(i + 1),
        cellErrors(i, null).length ? el('div', { className: 'cell-error-text' }, cellErrors(i, null).map(errorText).join('; ')) : null),
      cell(input(r.name, i, -1, (v) => { model.rows[i].name = v; }), i, -1),
      r.cells.map((v, j) => cell(input(v, i, j, (x) => { model.rows[i].cells[j] = x; }), i, j)),
      el('td', { className: 'row-actions' }, readOnly ? null : [
        el('button', { type: 'button', className: 'link', title: t('rules.grid.moveUp'), disabled: i === 0, onclick: () => swap(i, i - 1) }, '↑'),
        el('button', { type: 'button', className: 'link', title: t('rules.grid.moveDown'), disabled: i === model.rows.length - 1, onclick: () => swap(i, i + 1) }, '↓'),
        el('button', { type: 'button', className: 'link', title: t('rules.grid.removeRow'), onclick: () => { model.rows.splice(i, 1); draw(); } }, '×'),
      ]))));
    const unused = (catalog?.columns || []).filter((c) => !model.columns.some((m) => m.template === c.template));
    const addColumn = unused.length && !readOnly
      ? el('select', {
        dataset: { testid: 'grid-add-column' },
        onchange: (e) => {
          const chosen = unused.find((c) => c.id === e.target.value);
          if (chosen) { model = addCatalogColumn(model, chosen); draw(); }
        },
      }, el('option', { value: '' }, `+ ${t('rules.grid.addColumn')}`),
      unused.map((c) => el('option', { value: c.id }, `${t(c.kind === 'CONDITION' ? 'rules.grid.condition' : 'rules.grid.action')}: ${columnLabel(ruleSet, c)}`)))
      : null;
    const gridErrors = errors.filter((e) => e.row == null);
    replaceContent(box,
      el('p', { className: 'hint' }, t('rules.grid.hint')),
      datalists,
      el('div', { className: 'table-wrap' }, el('table', { className: 'grid' }, head, body)),
      readOnly ? null : el('div', { className: 'toolbar' },
        el('button', {
          type: 'button', dataset: { testid: 'grid-add-row' },
          onclick: () => { model.rows.push({ name: '', cells: model.columns.map(() => '') }); draw(); },
        }, `+ ${t('rules.grid.addRow')}`),
        addColumn),
      gridErrors.length ? el('ul', { className: 'error-list' }, gridErrors.map((e) => el('li', {}, errorText(e)))) : null);
  }

  function swap(a, b) {
    [model.rows[a], model.rows[b]] = [model.rows[b], model.rows[a]];
    draw();
  }

  draw();
  return {
    element: box,
    getGrid: () => cloneGrid(model),
    setErrors(list) {
      errors = list || [];
      draw();
    },
  };
}
