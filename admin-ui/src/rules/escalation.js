// The escalation rules as service managers edit them: severity x tier x channel -> SLA hours and
// start level, plus the ladder (who is notified at each level). Converted to and from the rule
// grid the engine compiles: one grid row per combination, merged where all channels (or all tiers
// and channels) agree. "Other channels" (OTHER) covers every channel not listed, so a complaint from
// a new channel still gets an SLA. Those rows write their own action columns: the engine's overlap
// check treats a blank condition as "any", although "other" and a listed channel never meet.

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
export const TIERS = ['BASIC', 'SILVER', 'GOLD', 'PLUS'];
export const CHANNELS = ['APP', 'PHONE', 'EMAIL', 'WECHAT', 'WEIBO'];
export const OTHER = 'OTHER';
export const NOTIFY_ROLES = ['AGENT', 'SERVICE_MANAGER', 'ADMIN', 'MARKETER', 'BUSINESS'];

const NAME = 'drools.getRule().getName()';
const T_SEVERITY = 'severity == Severity.$param';
const T_TIER = 'tier == "$param"';
const T_CHANNEL = 'channel == "$param"';
const T_SLA = `$p.start(${NAME}, $param, 1);`;
const T_LEVEL = `if ($param > 1) { $p.raiseStart(${NAME}, $param - 1, "by the escalation grid"); }`;
const T_SLA_OTHER = `$p.start(${NAME}, $param, 1); // other channels`;
const T_LEVEL_OTHER = `if ($param > 1) { $p.raiseStart(${NAME}, $param - 1, "by the escalation grid"); } // other channels`;
const tOther = (channels) => `channel not in (${[...channels.map((c) => `"${c}"`), '"$param"'].join(', ')})`;
const OTHER_TEMPLATE = /^channel not in \((.*), "\$param"\)$/;
const tNotify = (level) => `$p.notifyAt(${NAME}, ${level}, "$param".split(" "));`;
const NOTIFY = /^\$p\.notifyAt\(drools\.getRule\(\)\.getName\(\), (\d+), "\$param"\.split\(" "\)\);$/;

export function key(severity, tier, channel) {
  return `${severity}|${tier}|${channel}`;
}

/** The shipped version 1 (escalation.drl) as a model: severity SLA, GOLD/PLUS half, WEIBO one level up. */
export function shippedModel() {
  const base = { CRITICAL: [2, 2], HIGH: [8, 1], MEDIUM: [24, 1], LOW: [72, 1] };
  const ladder = { 1: ['AGENT'], 2: ['SERVICE_MANAGER'], 3: ['ADMIN'] };
  const cells = {};
  for (const s of SEVERITIES) {
    for (const t of TIERS) {
      for (const c of [...CHANNELS, OTHER]) {
        const [hours, level] = base[s];
        const sla = t === 'GOLD' || t === 'PLUS' ? Math.max(1, Math.floor((hours + 1) / 2)) : hours;
        cells[key(s, t, c)] = { slaHours: String(sla), level: String(c === 'WEIBO' ? Math.min(level + 1, 3) : level) };
      }
    }
  }
  return { severities: [...SEVERITIES], tiers: [...TIERS], channels: [...CHANNELS], cells, ladder };
}

export function maxLevel(model) {
  const levels = Object.keys(model.ladder).map(Number).filter((n) => Number.isInteger(n));
  return levels.length ? Math.max(...levels) : 0;
}

function same(a, b) {
  return a && b && a.slaHours === b.slaHours && a.level === b.level;
}

function allSame(list) {
  return list.every((x) => same(x, list[0]));
}

/**
 * The model as the engine's rule grid (RuleGrid JSON). Per severity and tier: one row when every
 * channel agrees; else one row per channel that differs from "other channels" plus one row for
 * the rest (condition "channel not in (those)", a column per distinct set of exceptions).
 */
export function toRuleGrid(model) {
  const levels = Object.keys(model.ladder).map(Number).sort((a, b) => a - b);
  const notify = levels.map((l) => (model.ladder[l] || []).join(' '));
  const groups = [];
  for (const s of model.severities) {
    const perTier = model.tiers.map((t) => ({
      tier: t,
      other: model.cells[key(s, t, OTHER)],
      exceptions: model.channels.filter((c) => !same(model.cells[key(s, t, c)], model.cells[key(s, t, OTHER)])),
    }));
    const signature = (g) => JSON.stringify([g.other, g.exceptions.map((c) => [c, model.cells[key(s, g.tier, c)]])]);
    if (perTier.every((g) => signature(g) === signature(perTier[0]))) {
      const tierless = { ...perTier[0], tier: '' };
      groups.push({ severity: s, ...tierless, cellsOf: (c) => model.cells[key(s, perTier[0].tier, c)] });
    } else {
      perTier.forEach((g) => groups.push({ severity: s, ...g, cellsOf: (c) => model.cells[key(s, g.tier, c)] }));
    }
  }
  const exclusionSets = [...new Set(groups.filter((g) => g.exceptions.length).map((g) => g.exceptions.join(',')))];
  const columns = [
    { kind: 'CONDITION', title: 'Severity', template: T_SEVERITY },
    { kind: 'CONDITION', title: 'Tier', template: T_TIER },
    { kind: 'CONDITION', title: 'Channel', template: T_CHANNEL },
    ...exclusionSets.map((set) => ({ kind: 'CONDITION', title: `Channel other than ${set.split(',').join(' ')}`, template: tOther(set.split(',')) })),
    ...levels.map((l) => ({ kind: 'ACTION', title: `Notify at level ${l}`, template: tNotify(l) })),
    { kind: 'ACTION', title: 'SLA hours', template: T_SLA },
    { kind: 'ACTION', title: 'Start level', template: T_LEVEL },
    { kind: 'ACTION', title: 'SLA hours (other channels)', template: T_SLA_OTHER },
    { kind: 'ACTION', title: 'Start level (other channels)', template: T_LEVEL_OTHER },
  ];
  const rows = [];
  const push = (g, channel, exclusion, cell) => {
    const sla = String(cell.slaHours).trim();
    const level = String(cell.level).trim();
    const other = exclusion != null;
    rows.push({
      name: [g.severity, g.tier, other ? 'other channels' : channel].filter(Boolean).join(' '),
      cells: [g.severity, g.tier, channel, ...exclusionSets.map((set) => (set === exclusion ? OTHER : '')), ...notify,
        other ? '' : sla, other ? '' : level, other ? sla : '', other ? level : ''],
    });
  };
  for (const g of groups) {
    if (!g.exceptions.length) {
      push(g, '', null, g.other);
      continue;
    }
    g.exceptions.forEach((c) => push(g, c, null, g.cellsOf(c)));
    push(g, '', g.exceptions.join(','), g.other);
  }
  return {
    packageName: 'io.engage.rules.escalation',
    imports: [],
    tableName: 'Escalation',
    factBinding: '$p : EscalationPlan',
    columns,
    rows,
  };
}

/**
 * A rule grid back into the model, expanding blank (any) conditions; null when the grid is not
 * one this editor wrote (other columns, or a combination no row covers).
 */
export function fromRuleGrid(grid) {
  if (!grid || !Array.isArray(grid.columns)) return null;
  const at = (template) => grid.columns.findIndex((c) => c.template === template);
  const iS = at(T_SEVERITY); const iT = at(T_TIER); const iC = at(T_CHANNEL);
  const iSla = at(T_SLA); const iLevel = at(T_LEVEL); const iSlaO = at(T_SLA_OTHER); const iLevelO = at(T_LEVEL_OTHER);
  if ([iS, iT, iC, iSla, iLevel, iSlaO, iLevelO].some((i) => i < 0)) return null;
  const exclusions = grid.columns.map((c, i) => [i, OTHER_TEMPLATE.exec(c.template)]).filter(([, m]) => m)
    .map(([i, m]) => [i, m[1].split(',').map((c) => c.trim().replace(/^"|"$/g, '')).filter(Boolean)]);
  const notifyColumns = grid.columns.map((c, i) => [i, NOTIFY.exec(c.template)]).filter(([, m]) => m);
  if (notifyColumns.length + exclusions.length + 7 !== grid.columns.length) return null;
  const severities = [...SEVERITIES];
  const tiers = [...TIERS];
  const channels = [...CHANNELS];
  const addChannel = (c) => { if (c && !channels.includes(c)) channels.push(c); };
  exclusions.forEach(([, set]) => set.forEach(addChannel));
  for (const r of grid.rows) {
    if (r.cells[iS] && !severities.includes(r.cells[iS])) severities.push(r.cells[iS]);
    if (r.cells[iT] && !tiers.includes(r.cells[iT])) tiers.push(r.cells[iT]);
    addChannel(r.cells[iC]);
  }
  const ladder = {};
  const cells = {};
  for (const r of grid.rows) {
    for (const [i, m] of notifyColumns) {
      const roles = String(r.cells[i] ?? '').split(/\s+/).filter(Boolean);
      if (roles.length) ladder[Number(m[1])] = roles;
    }
    const exclusion = exclusions.find(([i]) => String(r.cells[i] ?? '').trim() !== '');
    const cell = exclusion
      ? { slaHours: String(r.cells[iSlaO] ?? ''), level: String(r.cells[iLevelO] ?? '') || '1' }
      : { slaHours: String(r.cells[iSla] ?? ''), level: String(r.cells[iLevel] ?? '') || '1' };
    const rowChannels = exclusion ? [...channels.filter((c) => !exclusion[1].includes(c)), OTHER]
      : r.cells[iC] ? [r.cells[iC]] : [...channels, OTHER];
    for (const s of r.cells[iS] ? [r.cells[iS]] : severities) {
      for (const t of r.cells[iT] ? [r.cells[iT]] : tiers) {
        for (const c of rowChannels) cells[key(s, t, c)] = { ...cell };
      }
    }
  }
  const all = [...channels, OTHER];
  const complete = severities.every((s) => tiers.every((t) => all.every((c) => cells[key(s, t, c)])));
  return complete ? { severities, tiers, channels, cells, ladder } : null;
}

/**
 * Inline checks: [{key, field, reason}] where key is a cell key (field slaHours or level), or
 * 'ladder:<level>' for the ladder. Reasons are dictionary keys.
 */
export function validateModel(model) {
  const errors = [];
  const levels = Object.keys(model.ladder).map(Number).sort((a, b) => a - b);
  const top = maxLevel(model);
  if (!levels.length) errors.push({ key: 'ladder', field: 'roles', reason: 'escalation.error.noLadder' });
  levels.forEach((l, i) => {
    if (l !== i + 1) errors.push({ key: `ladder:${l}`, field: 'level', reason: 'escalation.error.ladderGap' });
    const roles = model.ladder[l] || [];
    if (!roles.length) errors.push({ key: `ladder:${l}`, field: 'roles', reason: 'escalation.error.noRoles' });
    if (roles.some((r) => !/^[A-Z_]+$/.test(r))) errors.push({ key: `ladder:${l}`, field: 'roles', reason: 'escalation.error.role' });
  });
  for (const s of model.severities) {
    for (const t of model.tiers) {
      for (const c of [...model.channels, OTHER]) {
        const k = key(s, t, c);
        const cell = model.cells[k] || {};
        const sla = String(cell.slaHours ?? '').trim();
        const level = String(cell.level ?? '').trim();
        if (!/^\d+$/.test(sla) || Number(sla) < 1 || Number(sla) > 8760) {
          errors.push({ key: k, field: 'slaHours', reason: 'escalation.error.sla' });
        }
        if (!/^\d+$/.test(level) || Number(level) < 1 || (top && Number(level) > top)) {
          errors.push({ key: k, field: 'level', reason: 'escalation.error.level', params: { max: top } });
        }
      }
    }
  }
  return errors;
}

/** "PT8H" / "PT1H30M" / "P1DT2H" → hours (1.5); null when not a duration. */
export function durationHours(iso) {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(String(iso ?? ''));
  if (!m) return null;
  const h = (+(m[2] || 0)) * 24 + (+(m[3] || 0)) + (+(m[4] || 0)) / 60 + (+(m[5] || 0)) / 3600;
  return m[1] ? -h : h;
}
