// Pure functions around the rule grid the engine compiles (RuleGrid: columns x rows of plain
// cells): checking cells before sending, turning the engine's 422 errors into cell positions, and
// reading a CSV decision table back into a grid.

import { catalogColumn } from './catalog.js';

/** What the engine accepts in a cell or a rule name (GridCompiler.SAFE_CELL). */
export const SAFE_CELL = /^[\p{L}\p{N} ._:@+\-/%,]*$/u;

const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;

function isBlank(v) {
  return v == null || String(v).trim() === '';
}

/** The grid as the engine's API takes it: trimmed cells, fully empty rows dropped. */
export function toApiGrid(grid) {
  const rows = grid.rows
    .map((r) => ({ name: String(r.name ?? '').trim(), cells: r.cells.map((c) => String(c ?? '').trim()) }))
    .filter((r) => r.name !== '' || r.cells.some((c) => c !== ''));
  return {
    packageName: grid.packageName,
    imports: [...(grid.imports || [])],
    tableName: grid.tableName,
    factBinding: grid.factBinding,
    columns: grid.columns.map(({ kind, title, template, factBinding }) => (factBinding
      ? { kind, title, template, factBinding } : { kind, title, template })),
    rows,
  };
}

/**
 * Problems the engine would refuse anyway, found before sending: [{row, column, reason}] with
 * row 0-based and column -1 for the rule name (null for the whole grid). Reasons are dictionary
 * keys with params, so they render in the user's language.
 */
export function validateGrid(ruleSet, grid) {
  const errors = [];
  const rows = toApiGrid(grid).rows;
  if (!rows.length) errors.push({ row: null, column: null, reason: 'grid.error.noRows' });
  const kinds = grid.columns.map((c) => c.kind);
  const firstAction = kinds.indexOf('ACTION');
  if (firstAction >= 0 && kinds.slice(firstAction).includes('CONDITION')) {
    errors.push({ row: null, column: null, reason: 'grid.error.conditionsApart' });
  }
  const names = new Map();
  grid.rows.forEach((r, i) => {
    const name = String(r.name ?? '').trim();
    const cells = r.cells.map((c) => String(c ?? '').trim());
    if (name === '' && cells.every((c) => c === '')) return; // dropped on send
    if (name === '') errors.push({ row: i, column: -1, reason: 'grid.error.nameRequired' });
    else if (!SAFE_CELL.test(name)) errors.push({ row: i, column: -1, reason: 'grid.error.unsafe' });
    else if (names.has(name)) errors.push({ row: i, column: -1, reason: 'grid.error.duplicateName', params: { other: names.get(name) + 1 } });
    else names.set(name, i);
    if (cells.every((c) => c === '')) errors.push({ row: i, column: null, reason: 'grid.error.emptyRow' });
    else if (firstAction >= 0 && cells.slice(firstAction).every((c) => c === '')) {
      errors.push({ row: i, column: null, reason: 'grid.error.noAction' });
    }
    cells.forEach((cell, c) => {
      if (cell === '') return;
      if (!SAFE_CELL.test(cell)) {
        errors.push({ row: i, column: c, reason: 'grid.error.unsafe' });
        return;
      }
      const known = catalogColumn(ruleSet, grid.columns[c]);
      const reason = known && typeError(known, cell);
      if (reason) errors.push({ row: i, column: c, reason, params: { choices: (known.choices || []).join(', ') } });
    });
  });
  return errors;
}

function typeError(column, cell) {
  switch (column.type) {
    case 'number': return NUMBER.test(cell) ? null : 'grid.error.number';
    case 'integer': return INTEGER.test(cell) ? null : 'grid.error.integer';
    case 'boolean': return cell === 'true' || cell === 'false' ? null : 'grid.error.boolean';
    case 'enum': return column.choices.includes(cell) ? null : 'grid.error.choice';
    case 'pair': {
      // "books, 0.5": the cell of a template with $1, $2 (Drools splits it at the comma)
      const parts = cell.split(',').map((p) => p.trim());
      const ok = parts.length === column.parts.length && parts.every((p, i) => p !== ''
        && (column.parts[i] === 'text' || !typeError({ type: column.parts[i] }, p)));
      return ok ? null : 'grid.error.pair';
    }
    default: return null;
  }
}

/**
 * The engine's 422 errors for a grid draft as cell positions: [{row, column, reason}], row 0-based
 * (null: the whole grid), column 0-based over the cells, -1 for the name, null for the whole row.
 * Fields read "grid row 2 column 1", "grid row 2 name", "grid row 3" (an overlap names the column
 * by its title in the reason) or "grid".
 */
export function gridErrorsToCells(errors, grid) {
  return (errors || []).map((e) => {
    const field = String(e.field ?? '');
    const reason = String(e.reason ?? '');
    let m = /^grid row (\d+) column (\d+)$/.exec(field);
    if (m) return { row: +m[1] - 1, column: +m[2] - 1, reason, raw: true };
    m = /^grid row (\d+) name$/.exec(field);
    if (m) return { row: +m[1] - 1, column: -1, reason, raw: true };
    m = /^grid row (\d+)$/.exec(field);
    if (m) return { row: +m[1] - 1, column: columnByTitle(reason, grid), reason, raw: true };
    return { row: null, column: null, reason, raw: true };
  });
}

function columnByTitle(reason, grid) {
  const m = /different '([^']+)'/.exec(reason);
  if (!m || !grid) return null;
  const index = grid.columns.findIndex((c) => c.title === m[1]);
  return index >= 0 ? index : null;
}

/**
 * Errors of an uploaded table as sheet cells: [{row, column, reason}] with the 1-based sheet row
 * (0: the whole file) and 1-based column (0: the whole row), as the engine reports them.
 */
export function uploadErrorsToCells(errors) {
  return (errors || []).map((e) => ({
    source: e.field ?? '',
    row: Number.isInteger(e.line) ? e.line : 0,
    column: Number.isInteger(e.column) ? e.column : 0,
    reason: String(e.reason ?? ''),
  }));
}

/** Parses CSV text (RFC 4180: quotes, doubled quotes, commas and line breaks inside quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = String(text ?? '').replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const MERGE = '...';

/**
 * A CSV decision table (as the engine downloads tables and grids) read back into a grid, so any
 * table version can be edited in the grid. The first condition's object type is the grid's fact;
 * a later condition on another binding (one column, e.g. "$g : TierContext") keeps it as its own
 * factBinding. Returns null when the table does not have a grid's shape (NAME, conditions, actions).
 */
export function csvTableToGrid(text) {
  const sheet = parseCsv(text);
  let packageName = '';
  const imports = [];
  let header = -1;
  let first = 0;
  for (let r = 0; r < sheet.length && header < 0; r++) {
    const cells = sheet[r];
    const key = String(cells[0] ?? '').trim();
    if (key === 'RuleSet') packageName = String(cells[1] ?? '').trim();
    if (key === 'Import') String(cells[1] ?? '').split(',').map((x) => x.trim()).filter(Boolean).forEach((x) => imports.push(x));
    const at = cells.findIndex((c) => String(c).trim().startsWith('RuleTable'));
    if (at >= 0) { header = r; first = at; }
  }
  if (header < 0 || sheet.length < header + 5) return null;
  const line = (offset) => (sheet[header + offset] || []).slice(first).map((c) => String(c ?? '').trim());
  const tableName = String(sheet[header][first]).trim().replace(/^RuleTable\s*/, '');
  const kinds = line(1);
  const types = line(2);
  const templates = line(3);
  const titles = line(4);
  if ((kinds[0] || '').toUpperCase() !== 'NAME') return null;
  const columns = [];
  let factBinding = '';
  for (let c = 1; c < kinds.length; c++) {
    const kind = kinds[c].toUpperCase();
    if (!kind) continue;
    if (kind !== 'CONDITION' && kind !== 'ACTION') return null;
    let own = null;
    if (kind === 'CONDITION') {
      const merged = types[c].endsWith(MERGE);
      const binding = merged ? types[c].slice(0, -MERGE.length).trim() : types[c];
      if (binding && !factBinding) factBinding = binding;
      else if (binding && binding !== factBinding) {
        if (merged) return null; // several columns on a second fact: not a grid's shape
        own = binding;
      }
    }
    columns.push({ kind, title: titles[c] || `Column ${c}`, template: templates[c], index: c, factBinding: own });
  }
  const rows = [];
  for (let r = header + 5; r < sheet.length; r++) {
    const cells = (sheet[r] || []).slice(first).map((x) => String(x ?? ''));
    if (cells.every((x) => x.trim() === '')) break;
    rows.push({ name: cells[0] ?? '', cells: columns.map((col) => cells[col.index] ?? '') });
  }
  return {
    packageName,
    imports,
    tableName,
    factBinding,
    columns: columns.map(({ kind, title, template, factBinding: own }) => (own
      ? { kind, title, template, factBinding: own } : { kind, title, template })),
    rows,
  };
}

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(n) {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** Is this grid empty of meaning (no row with a value)? */
export function isBlankGrid(grid) {
  return !grid || grid.rows.every((r) => isBlank(r.name) && r.cells.every(isBlank));
}
