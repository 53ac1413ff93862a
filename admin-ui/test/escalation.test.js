import { describe, expect, it } from 'vitest';
import { CHANNELS, OTHER, durationHours, fromRuleGrid, key, shippedModel, toRuleGrid, validateModel } from '../src/rules/escalation.js';

describe('escalation model', () => {
  it('reproduces the shipped rules: half SLA for GOLD and PLUS, WEIBO one level up', () => {
    const m = shippedModel();
    expect(m.cells[key('HIGH', 'BASIC', 'APP')]).toEqual({ slaHours: '8', level: '1' });
    expect(m.cells[key('HIGH', 'GOLD', 'APP')]).toEqual({ slaHours: '4', level: '1' });
    expect(m.cells[key('LOW', 'PLUS', 'WEIBO')]).toEqual({ slaHours: '36', level: '2' });
    expect(m.cells[key('CRITICAL', 'SILVER', 'WEIBO')]).toEqual({ slaHours: '2', level: '3' });
    expect(m.cells[key('MEDIUM', 'BASIC', OTHER)]).toEqual({ slaHours: '24', level: '1' });
    expect(validateModel(m)).toEqual([]);
  });

  it('round-trips through the rule grid', () => {
    const m = shippedModel();
    m.cells[key('HIGH', 'BASIC', 'APP')].slaHours = '5';
    expect(fromRuleGrid(toRuleGrid(m))).toEqual(m);
  });

  it('merges rows where every channel (or tier) agrees, and covers other channels', () => {
    const m = shippedModel();
    for (const t of m.tiers) for (const c of [...CHANNELS, OTHER]) m.cells[key('LOW', t, c)] = { slaHours: '72', level: '1' };
    for (const c of [...CHANNELS, OTHER]) m.cells[key('HIGH', 'GOLD', c)] = { slaHours: '4', level: '1' };
    const grid = toRuleGrid(m);
    expect(grid.rows.filter((r) => r.cells[0] === 'LOW')).toHaveLength(1);
    expect(grid.rows.find((r) => r.name === 'LOW').cells.slice(0, 4)).toEqual(['LOW', '', '', '']);
    expect(grid.rows.find((r) => r.name === 'HIGH GOLD').cells.slice(0, 4)).toEqual(['HIGH', 'GOLD', '', '']);
    // HIGH BASIC: WEIBO differs; every other channel (listed or not) shares one row
    expect(grid.rows.filter((r) => r.name.startsWith('HIGH BASIC')).map((r) => r.name)).toEqual(['HIGH BASIC WEIBO', 'HIGH BASIC other channels']);
    const other = grid.rows.find((r) => r.name === 'HIGH BASIC other channels');
    expect(grid.columns[3]).toEqual({ kind: 'CONDITION', title: 'Channel other than WEIBO', template: 'channel not in ("WEIBO", "$param")' });
    expect(other.cells.slice(0, 4)).toEqual(['HIGH', 'BASIC', '', 'OTHER']);
    // other-channel rows write their own action columns, so the engine's overlap check lets them be
    expect(other.cells.slice(-4)).toEqual(['', '', '8', '1']);
    expect(grid.rows).toHaveLength(1 + 3 * 2 + 1 + 4 * 2 + 4 * 2);
    expect(fromRuleGrid(grid)).toEqual(m);
  });

  it('refuses grids it did not write', () => {
    expect(fromRuleGrid({ columns: [{ kind: 'CONDITION', title: 'x', template: 'tier == "$param"' }], rows: [] })).toBeNull();
    const grid = toRuleGrid(shippedModel());
    expect(fromRuleGrid({ ...grid, rows: grid.rows.slice(1) })).toBeNull();
  });

  it('validates cells inline', () => {
    const m = shippedModel();
    m.cells[key('HIGH', 'BASIC', 'APP')] = { slaHours: '0', level: '4' };
    m.ladder[2] = [];
    expect(validateModel(m)).toEqual([
      { key: 'ladder:2', field: 'roles', reason: 'escalation.error.noRoles' },
      { key: key('HIGH', 'BASIC', 'APP'), field: 'slaHours', reason: 'escalation.error.sla' },
      { key: key('HIGH', 'BASIC', 'APP'), field: 'level', reason: 'escalation.error.level', params: { max: 3 } },
    ]);
  });

  it('reads ISO durations as hours', () => {
    expect(durationHours('PT7H30M')).toBe(7.5);
    expect(durationHours('P1DT2H')).toBe(26);
    expect(durationHours('-PT1H')).toBe(-1);
    expect(durationHours('soon')).toBeNull();
  });
});
