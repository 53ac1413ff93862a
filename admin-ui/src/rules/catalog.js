// The columns business staff can use in a rule grid, per rule set: a friendly title, the DRL
// template the engine fills with the cell ($param), and the kind of value a cell holds. Templates
// are code and stay out of the grid; cells are plain values (the engine refuses anything else).

const NAME = 'drools.getRule().getName()';
const TIERS = ['BASIC', 'SILVER', 'GOLD', 'PLUS'];

const cond = (id, title, template, type, extra = {}) => ({ id, kind: 'CONDITION', title, template, type, ...extra });
const act = (id, title, template, type, extra = {}) => ({ id, kind: 'ACTION', title, template, type, ...extra });

const points = {
  packageName: 'io.engage.rules.points',
  imports: ['java.math.BigDecimal'],
  factBinding: '$c : PointsCalculation',
  tableName: 'Points',
  columns: [
    cond('tier', 'Tier', 'tier == "$param"', 'enum', { choices: TIERS }),
    cond('channel', 'Channel', 'channel == "$param"', 'text'),
    cond('firstOrder', 'First order', 'firstOrder == $param', 'boolean'),
    cond('birthdayMonth', 'Birthday month', 'birthdayMonth == $param', 'boolean'),
    cond('minAmount', 'Amount at least', 'amount >= $param', 'number'),
    act('perYuan', 'Points per yuan', '$c.awardBase("Base points", new BigDecimal("$param"));', 'number'),
    act('tierMultiplier', 'Tier multiplier', '$c.multiplyBase("Tier multiplier", new BigDecimal("$param"));', 'number'),
    act('birthdayMultiplier', 'Birthday multiplier',
      '$c.multiplyBase("Birthday month multiplier", "birthday", new BigDecimal("$param"));', 'number'),
    act('bonus', 'Bonus points', `$c.bonus(${NAME}, ${NAME}, $param);`, 'integer'),
    act('baseShare', 'Bonus share of base', `$c.bonusOnBase(${NAME}, ${NAME}, new BigDecimal("$param"));`, 'number'),
    act('dailyCap', 'Daily cap', '$c.capDaily("Daily cap", $param);', 'integer'),
  ],
  // The shipped version 1 as a grid, except the category bonuses (they need a second fact).
  starter: {
    note: 'rules.starter.points',
    rows: [
      ['Basic', { tier: 'BASIC', perYuan: '1' }],
      ['Silver', { tier: 'SILVER', perYuan: '1', tierMultiplier: '1.2' }],
      ['Gold', { tier: 'GOLD', perYuan: '1', tierMultiplier: '1.5' }],
      ['Plus', { tier: 'PLUS', perYuan: '1', tierMultiplier: '2' }],
      ['Birthday month', { birthdayMonth: 'true', birthdayMultiplier: '2' }],
      ['First order', { firstOrder: 'true', bonus: '100' }],
      ['App orders', { channel: 'app', baseShare: '0.05' }],
      ['Daily cap', { minAmount: '0', dailyCap: '5000' }],
    ],
  },
};

const tierActions = TIERS.flatMap((tier, rank) => (rank === 0
  ? [act(`entry${tier}`, `Entry tier ${tier}: next threshold`,
    `$e.qualifyAsEntry(${NAME}, "${tier}", new BigDecimal("$param"));`, 'number')]
  : [
    act(`spend${tier}`, `${tier} on spend: threshold`,
      `$e.qualifyOnSpend(${NAME}, "${tier}", ${rank}, new BigDecimal("$param"));`, 'number'),
    act(`orders${tier}`, `${tier} on orders: threshold`, `$e.qualifyOnOrders(${NAME}, "${tier}", ${rank}, $param);`, 'integer'),
  ]));

const tiers = {
  packageName: 'io.engage.rules.tiers',
  imports: ['java.math.BigDecimal'],
  factBinding: '$e : TierEvaluation',
  tableName: 'Tiers',
  columns: [
    cond('minSpend', '12-month spend at least', 'spend >= $param', 'number'),
    cond('minOrders', '12-month orders at least', 'orders >= $param', 'integer'),
    ...tierActions,
  ],
  starter: {
    note: 'rules.starter.tiers',
    rows: [
      ['BASIC entry tier', { minSpend: '0', entryBASIC: '2000' }],
      ['SILVER on spend', { minSpend: '2000', spendSILVER: '2000' }],
      ['SILVER on order count', { minOrders: '10', ordersSILVER: '10' }],
      ['GOLD on spend', { minSpend: '8000', spendGOLD: '8000' }],
      ['PLUS on spend', { minSpend: '20000', spendPLUS: '20000' }],
    ],
  },
};

const referral = {
  packageName: 'io.engage.rules.referral',
  imports: [],
  factBinding: '$r : ReferralEvaluation',
  tableName: 'Referral',
  columns: [
    cond('self', 'Self-referral', 'selfReferral == $param', 'boolean'),
    cond('sharedMin', 'Shared fingerprints at least', 'sharedFingerprints >= $param', 'integer'),
    cond('sharedMax', 'Shared fingerprints at most', 'sharedFingerprints <= $param', 'integer'),
    cond('firstPaid', "Referee's first paid order", 'refereeFirstPaidOrder == $param', 'boolean'),
    cond('rewardsBelow', 'Referrer rewards this month below', 'referrerRewardsThisMonth < $param', 'integer'),
    cond('rewardsAtLeast', 'Referrer rewards this month at least', 'referrerRewardsThisMonth >= $param', 'integer'),
    act('refuse', 'Refuse with reason', `$r.refuse(${NAME}, "$param");`, 'text'),
    act('referrer', 'Referrer points', `$r.rewardReferrer(${NAME}, $param);`, 'integer'),
    act('referee', 'Referee points', `$r.rewardReferee(${NAME}, $param);`, 'integer'),
    act('note', 'Note', `$r.note(${NAME}, "$param");`, 'text'),
  ],
  starter: {
    note: 'rules.starter.referral',
    rows: [
      ['Self-referral', { self: 'true', refuse: 'refused: self-referral' }],
      ['Shared fingerprint', { self: 'false', sharedMin: '1', refuse: 'refused: shared phone/device/address fingerprint' }],
      ['Not the first paid order', { self: 'false', sharedMax: '0', firstPaid: 'false', note: 'no reward: not the first paid order' }],
      ['Referrer reward', { self: 'false', sharedMax: '0', firstPaid: 'true', rewardsBelow: '5', referrer: '500' }],
      ['Referrer monthly cap', { self: 'false', sharedMax: '0', firstPaid: 'true', rewardsAtLeast: '5', note: 'referrer +0: monthly cap 5' }],
      ['Referee reward', { self: 'false', sharedMax: '0', firstPaid: 'true', referee: '200' }],
    ],
  },
};

export const CATALOGS = { points, tiers, referral };

export function catalogFor(ruleSet) {
  return CATALOGS[ruleSet] || null;
}

/** The catalog column a grid column is (same template), or null for a column written elsewhere. */
export function catalogColumn(ruleSet, column) {
  const catalog = catalogFor(ruleSet);
  const template = normalizeTemplate(column?.template);
  return catalog?.columns.find((c) => c.kind === column?.kind && normalizeTemplate(c.template) === template) || null;
}

function normalizeTemplate(template) {
  return String(template ?? '').replace(/\s+/g, ' ').trim();
}

/** The starter grid of a rule set: only the catalog columns its rows use, in catalog order. */
export function starterGrid(ruleSet) {
  const catalog = catalogFor(ruleSet);
  if (!catalog) return null;
  const used = new Set(catalog.starter.rows.flatMap(([, cells]) => Object.keys(cells)));
  const columns = catalog.columns.filter((c) => used.has(c.id));
  return {
    packageName: catalog.packageName,
    imports: [...catalog.imports],
    tableName: catalog.tableName,
    factBinding: catalog.factBinding,
    columns: columns.map(({ kind, title, template }) => ({ kind, title, template })),
    rows: catalog.starter.rows.map(([name, cells]) => ({ name, cells: columns.map((c) => cells[c.id] ?? '') })),
  };
}

/** Adds a catalog column to a grid: conditions stay together (they share one fact), actions after. */
export function addCatalogColumn(grid, column) {
  const copy = cloneGrid(grid);
  const entry = { kind: column.kind, title: column.title, template: column.template };
  const lastCondition = copy.columns.map((c) => c.kind).lastIndexOf('CONDITION');
  const at = column.kind === 'CONDITION' ? lastCondition + 1 : copy.columns.length;
  copy.columns.splice(at, 0, entry);
  copy.rows.forEach((r) => r.cells.splice(at, 0, ''));
  return copy;
}

export function removeColumn(grid, index) {
  const copy = cloneGrid(grid);
  copy.columns.splice(index, 1);
  copy.rows.forEach((r) => r.cells.splice(index, 1));
  return copy;
}

export function cloneGrid(grid) {
  return {
    ...grid,
    imports: [...(grid.imports || [])],
    columns: grid.columns.map((c) => ({ ...c })),
    rows: grid.rows.map((r) => ({ name: r.name, cells: [...r.cells] })),
  };
}
