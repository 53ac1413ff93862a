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
    cond('category', 'Spent in category', 'spentIn("$param") > 0', 'text'),
    act('perYuan', 'Points per yuan', '$c.awardBase("Base points", new BigDecimal("$param"));', 'number'),
    act('tierMultiplier', 'Tier multiplier', '$c.multiplyBase("Tier multiplier", new BigDecimal("$param"));', 'number'),
    act('birthdayMultiplier', 'Birthday multiplier',
      '$c.multiplyBase("Birthday month multiplier", "birthday", new BigDecimal("$param"));', 'number'),
    act('bonus', 'Bonus points', `$c.bonus(${NAME}, ${NAME}, $param);`, 'integer'),
    act('baseShare', 'Bonus share of base', `$c.bonusOnBase(${NAME}, ${NAME}, new BigDecimal("$param"));`, 'number'),
    act('labelledBonus', 'Bonus points (label, points)', `$c.bonus(${NAME}, "$1", $2);`, 'pair',
      { parts: ['text', 'integer'] }),
    act('labelledBaseShare', 'Bonus share of base (label, share)',
      `$c.bonusOnBase(${NAME}, "$1", new BigDecimal("$2"));`, 'pair', { parts: ['text', 'number'] }),
    act('categoryBonus', 'Category bonus (category, points per yuan)',
      `$c.bonusPerYuan(${NAME}, "$1", $c.spentIn("$1"), new BigDecimal("$2"));`, 'pair', { parts: ['text', 'number'] }),
    act('dailyCap', 'Daily cap', '$c.capDaily("Daily cap", $param);', 'integer'),
  ],
  // The shipped version 1 as a grid (rules/.../points.grid.csv, which decides exactly as points.drl):
  // rows fire top down, so the base comes first and the daily cap last.
  starter: {
    note: 'rules.starter.points',
    rows: [
      ['Base points', { minAmount: '0', perYuan: '1' }],
      ['Tier multiplier SILVER', { tier: 'SILVER', tierMultiplier: '1.2' }],
      ['Tier multiplier GOLD', { tier: 'GOLD', tierMultiplier: '1.5' }],
      ['Tier multiplier PLUS', { tier: 'PLUS', tierMultiplier: '2' }],
      ['Birthday month multiplier', { birthdayMonth: 'true', birthdayMultiplier: '2' }],
      ['First order bonus', { firstOrder: 'true', labelledBonus: 'first order, 100' }],
      ['App channel bonus', { channel: 'app', labelledBaseShare: 'app, 0.05' }],
      ['Category bonus books', { category: 'books', categoryBonus: 'books, 0.5' }],
      ['Category bonus fresh', { category: 'fresh', categoryBonus: 'fresh, 0.2' }],
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
    // Conditions on the customer's tier context, each its own pattern (own binding).
    cond('override', 'Manual override in force', 'overrideInForce == $param', 'boolean', { factBinding: '$o : TierContext' }),
    cond('graceDays', 'Within days of the last upgrade',
      'lastUpgradeOrRenewal != null, lastUpgradeOrRenewal.plusDays($param) >= today', 'integer',
      { factBinding: '$g : TierContext' }),
    ...tierActions,
    // No $param: any value (true) applies it.
    act('applyOverride', 'Apply the manual override', `$e.override(${NAME}, $o.manualOverrideTier(), $o.overrideUntil());`,
      'enum', { choices: ['true'] }),
    act('holdDowngrade', 'Hold a downgrade for days after the last upgrade',
      `$e.holdDowngradeUntil(${NAME}, $g.lastUpgradeOrRenewal().plusDays($param));`, 'integer'),
  ],
  // The shipped version 1 as a grid (rules/.../tiers.grid.csv, which decides exactly as tiers.drl):
  // the override and then the grace period come last, after every threshold.
  starter: {
    note: 'rules.starter.tiers',
    rows: [
      ['BASIC entry tier', { minSpend: '0', entryBASIC: '2000' }],
      ['SILVER on spend', { minSpend: '2000', spendSILVER: '2000' }],
      ['SILVER on order count', { minOrders: '10', ordersSILVER: '10' }],
      ['GOLD on spend', { minSpend: '8000', spendGOLD: '8000' }],
      ['PLUS on spend', { minSpend: '20000', spendPLUS: '20000' }],
      ['Manual override', { minSpend: '0', override: 'true', applyOverride: 'true' }],
      ['Downgrade grace period', { minSpend: '0', graceDays: '90', holdDowngrade: '90' }],
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
    columns: columns.map(gridColumn),
    rows: catalog.starter.rows.map(([name, cells]) => ({ name, cells: columns.map((c) => cells[c.id] ?? '') })),
  };
}

/** A catalog column as the grid holds it; factBinding only for a condition on another fact. */
function gridColumn({ kind, title, template, factBinding }) {
  return factBinding ? { kind, title, template, factBinding } : { kind, title, template };
}

/** Adds a catalog column to a grid: conditions stay together (they share one fact), actions after. */
export function addCatalogColumn(grid, column) {
  const copy = cloneGrid(grid);
  const entry = gridColumn(column);
  // Conditions on the grid's own fact stay one run, before those on other facts (GridCompiler).
  const kinds = copy.columns.map((c) => (c.kind !== 'CONDITION' ? 'ACTION' : c.factBinding ? 'OTHER' : 'OWN'));
  const own = kinds.lastIndexOf('OWN');
  const other = kinds.lastIndexOf('OTHER');
  let at;
  if (column.kind !== 'CONDITION') at = copy.columns.length;
  else if (!column.factBinding) at = own + 1;
  else at = Math.max(own, other) + 1;
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
