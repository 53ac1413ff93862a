import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addCatalogColumn, catalogFor, starterGrid } from '../src/rules/catalog.js';
import { columnLetter, csvTableToGrid, gridErrorsToCells, parseCsv, toApiGrid, uploadErrorsToCells, validateGrid } from '../src/rules/grid.js';

// The CSV the engine downloads for a grid version (GridCompiler.toCsv), for two condition columns.
const CSV = [
  'RuleSet,io.engage.rules.points',
  'Import,java.math.BigDecimal',
  'Notes,generated from an Engage rule grid',
  '',
  'RuleTable Tier and channel',
  'NAME,CONDITION,CONDITION,ACTION',
  ',$c : PointsCalculation...,$c : PointsCalculation...,',
  ',"tier == ""$param""","channel == ""$param""","$c.awardBase(""Base points"", new BigDecimal(""$param""));"',
  'Rule,Tier,Channel,Points per yuan',
  'Basic,BASIC,,1',
  '"Plus, app",PLUS,app,2',
  '',
].join('\n');

describe('starter grids', () => {
  it('hold the shipped rules in catalog columns', () => {
    const grid = starterGrid('points');
    expect(grid.factBinding).toBe('$c : PointsCalculation');
    expect(grid.columns.map((c) => c.title)).toEqual(['Tier', 'Channel', 'First order', 'Birthday month', 'Amount at least',
      'Spent in category', 'Points per yuan', 'Tier multiplier', 'Birthday multiplier', 'Bonus points (label, points)',
      'Bonus share of base (label, share)', 'Category bonus (category, points per yuan)', 'Daily cap']);
    expect(grid.rows.find((r) => r.name === 'Tier multiplier GOLD').cells.filter(Boolean)).toEqual(['GOLD', '1.5']);
    expect(grid.rows.find((r) => r.name === 'Category bonus books').cells.filter(Boolean)).toEqual(['books', 'books, 0.5']);
    expect(validateGrid('points', grid)).toEqual([]);
    expect(validateGrid('tiers', starterGrid('tiers'))).toEqual([]);
    expect(validateGrid('referral', starterGrid('referral'))).toEqual([]);
  });

  it('add conditions next to the other conditions', () => {
    const grid = starterGrid('referral');
    const points = catalogFor('points');
    const minAmount = points.columns.find((c) => c.id === 'minAmount');
    const added = addCatalogColumn({ ...grid, columns: grid.columns.slice(-2), rows: grid.rows.map((r) => ({ ...r, cells: r.cells.slice(-2) })) }, minAmount);
    expect(added.columns[0].title).toBe('Amount at least');
    expect(added.rows[0].cells).toHaveLength(3);
  });
});

describe('the shipped points and tiers grids', () => {
  // The grids the rules module proves equal to the shipped DRL (ShippedGridsTest): the starter grid
  // the UI offers for the shipped version must be exactly them.
  const shipped = (set) => readFileSync(new URL(`../../rules/src/main/resources/io/engage/rules/${set}/${set}.grid.csv`,
    import.meta.url), 'utf8');

  it('are the starter grids, category bonuses, override and grace period included', () => {
    expect(starterGrid('points')).toEqual(csvTableToGrid(shipped('points')));
    const tiers = starterGrid('tiers');
    expect(tiers).toEqual(csvTableToGrid(shipped('tiers')));
    expect(tiers.columns.filter((c) => c.factBinding).map((c) => [c.title, c.factBinding])).toEqual([
      ['Manual override in force', '$o : TierContext'], ['Within days of the last upgrade', '$g : TierContext']]);
    expect(tiers.rows.at(-1)).toEqual({ name: 'Downgrade grace period', cells: ['0', '', '', '90', '', '', '', '', '', '', '90'] });
  });

  it('send each condition on another fact with its binding', () => {
    const api = toApiGrid(starterGrid('tiers'));
    expect(api.columns.find((c) => c.title === 'Within days of the last upgrade').factBinding).toBe('$g : TierContext');
    expect(api.columns.find((c) => c.title === '12-month spend at least')).not.toHaveProperty('factBinding');
  });

  it('check two-part cells (category, points per yuan)', () => {
    const grid = starterGrid('points');
    grid.rows[7].cells[11] = 'books';
    grid.rows[8].cells[11] = 'fresh, lots';
    grid.rows[5].cells[9] = 'first order, 100, 3';
    expect(validateGrid('points', grid)).toEqual([
      { row: 5, column: 9, reason: 'grid.error.pair', params: { choices: '' } },
      { row: 7, column: 11, reason: 'grid.error.pair', params: { choices: '' } },
      { row: 8, column: 11, reason: 'grid.error.pair', params: { choices: '' } },
    ]);
  });

  it('keep conditions on the grid fact before those on other facts when a column is added', () => {
    const tiers = catalogFor('tiers');
    const grid = starterGrid('tiers');
    const withoutOrders = { ...grid, columns: grid.columns.filter((c) => c.title !== '12-month orders at least'),
      rows: grid.rows.map((r) => ({ ...r, cells: r.cells.filter((_, i) => i !== 1) })) };
    const added = addCatalogColumn(withoutOrders, tiers.columns.find((c) => c.id === 'minOrders'));
    expect(added.columns.slice(0, 4).map((c) => c.title)).toEqual(['12-month spend at least', '12-month orders at least',
      'Manual override in force', 'Within days of the last upgrade']);
  });
});

describe('grid validation', () => {
  it('marks the cell at fault with a reason', () => {
    const grid = starterGrid('points');
    grid.rows[1].cells[6] = 'lots';
    grid.rows[2].cells[0] = 'GOLDEN';
    grid.rows[3].name = 'Tier multiplier GOLD';
    grid.rows[4].cells[3] = 'yes';
    grid.rows[0].cells[1] = 'app"; System.exit(0)';
    const errors = validateGrid('points', grid);
    expect(errors).toEqual(expect.arrayContaining([
      { row: 1, column: 6, reason: 'grid.error.number', params: { choices: '' } },
      { row: 2, column: 0, reason: 'grid.error.choice', params: { choices: 'BASIC, SILVER, GOLD, PLUS' } },
      { row: 3, column: -1, reason: 'grid.error.duplicateName', params: { other: 3 } },
      { row: 4, column: 3, reason: 'grid.error.boolean', params: { choices: '' } },
      { row: 0, column: 1, reason: 'grid.error.unsafe' },
    ]));
  });

  it('drops empty rows when sending and refuses a grid without rows', () => {
    const grid = starterGrid('points');
    grid.rows.push({ name: ' ', cells: grid.columns.map(() => ' ') });
    expect(toApiGrid(grid).rows).toHaveLength(10);
    expect(validateGrid('points', { ...grid, rows: [] })).toEqual([{ row: null, column: null, reason: 'grid.error.noRows' }]);
  });

  it('requires an action in every row', () => {
    const grid = starterGrid('points');
    grid.rows[0].cells = grid.rows[0].cells.map((c, i) => (i === 0 ? 'BASIC' : ''));
    expect(validateGrid('points', grid)).toEqual([{ row: 0, column: null, reason: 'grid.error.noAction' }]);
  });
});

describe("the engine's errors on cells", () => {
  const grid = starterGrid('points');

  it('maps grid rows and columns', () => {
    expect(gridErrorsToCells([
      { field: 'grid row 2 column 1', reason: 'not a plain value' },
      { field: 'grid row 3 name', reason: 'a rule name is letters' },
      { field: 'grid row 4', reason: "rows 1 and 4 overlap: the same facts match both, with different 'Tier multiplier' (1.2 / 1.5)" },
      { field: 'grid', reason: 'the grid has no rows' },
    ], grid)).toEqual([
      { row: 1, column: 0, reason: 'not a plain value', raw: true },
      { row: 2, column: -1, reason: 'a rule name is letters', raw: true },
      { row: 3, column: 7, reason: "rows 1 and 4 overlap: the same facts match both, with different 'Tier multiplier' (1.2 / 1.5)", raw: true },
      { row: null, column: null, reason: 'the grid has no rows', raw: true },
    ]);
  });

  it('keeps upload errors at their sheet row and column', () => {
    expect(uploadErrorsToCells([{ field: 't.xlsx', reason: 'overlap', line: 12, column: 3 }, { field: 't.xlsx', reason: 'empty' }]))
      .toEqual([{ source: 't.xlsx', row: 12, column: 3, reason: 'overlap' }, { source: 't.xlsx', row: 0, column: 0, reason: 'empty' }]);
    expect(columnLetter(3)).toBe('C');
    expect(columnLetter(28)).toBe('AB');
  });
});

describe('CSV decision tables', () => {
  it('parse quotes, doubled quotes and commas', () => {
    expect(parseCsv('a,"b,c","d ""e"""\r\nx,,\n')).toEqual([['a', 'b,c', 'd "e"'], ['x', '', '']]);
  });

  it('read back into a grid', () => {
    expect(csvTableToGrid(CSV)).toEqual({
      packageName: 'io.engage.rules.points',
      imports: ['java.math.BigDecimal'],
      tableName: 'Tier and channel',
      factBinding: '$c : PointsCalculation',
      columns: [
        { kind: 'CONDITION', title: 'Tier', template: 'tier == "$param"' },
        { kind: 'CONDITION', title: 'Channel', template: 'channel == "$param"' },
        { kind: 'ACTION', title: 'Points per yuan', template: '$c.awardBase("Base points", new BigDecimal("$param"));' },
      ],
      rows: [{ name: 'Basic', cells: ['BASIC', '', '1'] }, { name: 'Plus, app', cells: ['PLUS', 'app', '2'] }],
    });
  });

  it('refuse tables that are not one-fact grids', () => {
    expect(csvTableToGrid('hello,world\n')).toBeNull();
    expect(csvTableToGrid(CSV.replace('NAME,CONDITION', 'PRIORITY,CONDITION'))).toBeNull();
  });
});
