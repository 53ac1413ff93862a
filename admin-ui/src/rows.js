// Pure functions that turn API data into display rows (plain objects of strings).
// Each table has a column list (field key + dictionary label key) and a row builder.
// `opts.timeZone` pins the time zone (tests); the browser's is used otherwise.

import { translate, translateEnum } from './i18n.js';
import { formatAmount, formatDate, formatDateTime, formatNumber, formatPoints } from './format.js';

const col = (key, label = `field.${key}`) => ({ key, label });

/** Milliseconds of an ISO-8601 instant; missing or unparsable values sort first. */
function timeValue(iso) {
  const ms = iso == null || iso === '' ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? -Infinity : ms;
}

function byTimeAsc(field) {
  return (a, b) => {
    const x = timeValue(a[field]);
    const y = timeValue(b[field]);
    return x === y ? 0 : x < y ? -1 : 1;
  };
}

function byTimeDesc(field) {
  const asc = byTimeAsc(field);
  return (a, b) => asc(b, a);
}

/** "points v1"; just "v1" when only the version is known. */
function ruleSetLabel(ruleSet, version) {
  const v = version != null && version !== '' ? `v${version}` : '';
  return [ruleSet || '', v].filter(Boolean).join(' ');
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

// ---- search results ----

const CUSTOMER_COLUMNS = [col('id'), col('name'), col('email'), col('tier')];

/** Search result columns; the points column only when the results carry a balance. */
export function customerColumns(customers) {
  const withPoints = list(customers).some((c) => c.pointsBalance != null);
  return withPoints ? [...CUSTOMER_COLUMNS, col('pointsBalance')] : CUSTOMER_COLUMNS;
}

export function customerRows(customers, locale) {
  return list(customers).map((c) => ({
    key: c.id,
    id: c.id ?? '',
    name: c.name ?? '',
    email: c.email ?? '',
    tier: c.tier ?? '',
    pointsBalance: formatNumber(c.pointsBalance, locale),
  }));
}

// ---- profile: label/value pairs ----

const PROFILE_FIELDS = [
  ['id'], ['name'], ['email'], ['phone'], ['address'], ['birthday', 'date'], ['timeZone'], ['locale'],
  ['preferredChannel'], ['tier'], ['referralCode'], ['referredBy'],
  ['registeredAt', 'instant'], ['createdAt', 'instant'], ['updatedAt', 'instant'],
];

/** Profile as [{field, label, value}], skipping fields the API omitted. */
export function profileRows(profile, locale, opts = {}) {
  if (!profile) return [];
  return PROFILE_FIELDS.filter(([field]) => profile[field] != null && profile[field] !== '').map(([field, type]) => {
    const raw = profile[field];
    let value = String(raw);
    // Masked personal data is never parsed; formatDate shows a masked date as it is, or as day and
    // month when only the year is masked.
    if (type === 'date') value = formatDate(raw, locale);
    if (type === 'instant') value = formatDateTime(raw, locale, opts.timeZone);
    return { key: field, field, label: translate(locale, `field.${field}`), value };
  });
}

// ---- consents ----

export const consentColumns = [col('channel'), col('granted'), col('source'), col('updatedAt')];

export function consentRows(consents, locale, opts = {}) {
  return list(consents).map((c) => ({
    key: c.channel,
    channel: c.channel ?? '',
    granted: translate(locale, c.granted ? 'common.yes' : 'common.no'),
    grantedFlag: Boolean(c.granted),
    source: c.source ?? '',
    updatedAt: formatDateTime(c.updatedAt, locale, opts.timeZone),
  }));
}

// ---- tier history (newest first) ----

export const tierColumns = [
  col('changedAt'), col('fromTier'), col('toTier'), col('reason'), col('ruleSet'), col('sourceEvent'),
];

export function tierRows(history, locale, opts = {}) {
  return [...list(history)].sort(byTimeDesc('changedAt')).map((h, i) => ({
    key: `${h.changedAt ?? ''}-${i}`,
    changedAt: formatDateTime(h.changedAt, locale, opts.timeZone),
    fromTier: h.fromTier ?? '—',
    toTier: h.toTier ?? '',
    reason: h.reason ?? '',
    ruleSet: ruleSetLabel(h.ruleSet, h.ruleSetVersion),
    sourceEvent: h.eventId ?? h.sourceEventId ?? '',
  }));
}

// ---- points ledger (newest first, with the explanation) ----

export const ledgerColumns = [
  col('createdAt'), col('kind'), col('points'), col('explanation'), col('rulesFired'), col('ruleSet'),
  col('orderId'), col('sourceEvent'),
];

export function ledgerRows(points, locale, opts = {}) {
  const ledger = list(points?.ledger);
  return [...ledger].sort(byTimeDesc('createdAt')).map((e, i) => ({
    key: e.id ?? `${e.createdAt ?? ''}-${i}`,
    createdAt: formatDateTime(e.createdAt, locale, opts.timeZone),
    kind: translateEnum(locale, 'kind', e.kind),
    points: formatPoints(e.points, locale),
    pointsValue: Number(e.points) || 0,
    explanation: e.explanation ?? '',
    rulesFired: list(e.rulesFired).join(', '),
    ruleSet: ruleSetLabel(e.ruleSet, e.ruleSetVersion),
    orderId: e.orderId ?? '',
    sourceEvent: e.eventId ?? e.sourceEventId ?? '',
  }));
}

export function pointsBalance(points, locale) {
  return formatNumber(points?.balance ?? 0, locale);
}

// ---- orders (newest first) ----

export const orderColumns = [col('placedAt'), col('orderId'), col('amount'), col('channel'), col('status')];

export function orderRows(orders, locale, opts = {}) {
  return [...list(orders)].sort(byTimeDesc('placedAt')).map((o) => ({
    key: o.orderId,
    placedAt: formatDateTime(o.placedAt, locale, opts.timeZone),
    orderId: o.orderId ?? '',
    amount: formatAmount(o.amount, o.currency, locale),
    channel: o.channel ?? '',
    status: o.status ?? '',
  }));
}

// ---- journeys with their steps ----

export const journeyColumns = [col('journey'), col('status'), col('startedAt'), col('endedAt'), col('steps')];

/**
 * Journeys as instances with steps. Accepts instances ({processInstanceKey, journey, version, status,
 * startedAt, endedAt, steps: [{elementId, occurredAt}]}) and flat step rows ({journey,
 * processInstanceKey, step, status, at}), which are grouped by process instance; an instance's
 * status is then its latest row's.
 */
export function normalizeJourneys(journeys) {
  const instances = new Map();
  for (const j of list(journeys)) {
    if (!('step' in j) || Array.isArray(j.steps)) {
      instances.set(`i:${instances.size}`, { ...j, steps: list(j.steps) });
      continue;
    }
    const key = `k:${j.processInstanceKey ?? j.journey}`;
    let instance = instances.get(key);
    if (!instance) {
      instance = {
        processInstanceKey: j.processInstanceKey, journey: j.journey, version: j.version, status: j.status,
        startedAt: j.at, endedAt: j.endedAt, steps: [],
      };
      instances.set(key, instance);
    }
    instance.steps.push({ elementId: j.step, occurredAt: j.at });
    const at = timeValue(j.at);
    if (at >= timeValue(instance.lastAt)) {
      instance.lastAt = j.at;
      if (j.status != null) instance.status = j.status;
    }
    if (at < timeValue(instance.startedAt)) instance.startedAt = j.at;
  }
  return [...instances.values()].map(({ lastAt, ...instance }) => instance);
}

/** The journey's steps in the order they happened: [{elementId, occurredAt, text}]. */
export function journeySteps(journey, locale, opts = {}) {
  return [...list(journey?.steps)].sort(byTimeAsc('occurredAt')).map((s) => {
    const elementId = String(s.elementId ?? '');
    const at = formatDateTime(s.occurredAt, locale, opts.timeZone);
    return { elementId, occurredAt: at, text: at ? `${elementId} · ${at}` : elementId };
  });
}

export function journeyRows(journeys, locale, opts = {}) {
  return normalizeJourneys(journeys).sort(byTimeDesc('startedAt')).map((j, i) => ({
    key: String(j.processInstanceKey ?? `${j.journey}-${i}`),
    journey: j.version != null ? `${j.journey} v${j.version}` : String(j.journey ?? ''),
    status: translateEnum(locale, 'status', j.status),
    statusCode: j.status ?? '',
    startedAt: formatDateTime(j.startedAt, locale, opts.timeZone),
    endedAt: formatDateTime(j.endedAt, locale, opts.timeZone),
    steps: journeySteps(j, locale, opts),
  }));
}

// ---- messages (newest first, with status and reason) ----

export const messageColumns = [
  col('createdAt'), col('channel'), col('template'), col('category'), col('recipient'), col('subject'),
  col('status'), col('reason'), col('journey'), col('sentAt'),
];

export function messageRows(messages, locale, opts = {}) {
  return [...list(messages)].sort(byTimeDesc('createdAt')).map((m, i) => ({
    key: m.idempotencyKey ?? `${m.createdAt ?? ''}-${i}`,
    createdAt: formatDateTime(m.createdAt, locale, opts.timeZone),
    channel: m.channel ?? '',
    template: m.template ?? '',
    category: m.category ?? '',
    recipient: m.recipient ?? '',
    subject: m.subject ?? '',
    status: translateEnum(locale, 'status', m.status),
    statusCode: m.status ?? '',
    reason: m.reason ?? '',
    journey: m.journey ?? '',
    sentAt: formatDateTime(m.sentAt, locale, opts.timeZone),
  }));
}

// ---- local outbox (sink) ----

export const emailSinkColumns = [col('at'), col('recipient'), col('subject'), col('text')];
export const smsSinkColumns = [col('at'), col('recipient'), col('text')];

export function sinkRows(items, locale, opts = {}) {
  return [...list(items)].sort(byTimeDesc('at')).map((s, i) => ({
    key: `${s.at ?? ''}-${i}`,
    at: formatDateTime(s.at, locale, opts.timeZone),
    recipient: s.recipient ?? '',
    subject: s.subject ?? '',
    text: s.text ?? '',
  }));
}

// ---- complaints and coupons (newest first) ----

export const complaintColumns = [
  col('openedAt'), col('complaintId', 'complaints.id'), col('severity', 'complaints.severity'),
  col('channel', 'complaints.channel'), col('status', 'complaints.status'), col('level', 'complaints.level'),
  col('slaDueAt', 'complaints.slaDueAt'), col('reason'),
];

export function complaintRows(complaints, locale, opts = {}) {
  return [...list(complaints)].sort(byTimeDesc('openedAt')).map((c) => ({
    key: c.complaintId,
    openedAt: formatDateTime(c.openedAt, locale, opts.timeZone),
    complaintId: c.complaintId ?? '',
    severity: c.severity ?? '',
    channel: c.channel ?? '',
    status: translateEnum(locale, 'complaints.status', c.status),
    statusCode: c.status ?? '',
    level: c.level != null ? `${c.level}${c.maxLevel != null ? ` / ${c.maxLevel}` : ''}` : '',
    slaDueAt: formatDateTime(c.slaDueAt, locale, opts.timeZone),
    reason: c.decision?.reason ?? '',
  }));
}

export const couponColumns = [
  col('issuedAt'), col('code'), col('campaign'), col('value', 'field.amount'), col('minSpend'), col('status'),
  col('expiresAt'), col('journey'),
];

export function couponRows(coupons, locale, opts = {}) {
  return [...list(coupons)].sort(byTimeDesc('issuedAt')).map((c) => ({
    key: c.code ?? String(c.id),
    issuedAt: formatDateTime(c.issuedAt, locale, opts.timeZone),
    code: c.code ?? '',
    campaign: c.campaign ?? '',
    value: formatAmount(c.value, 'CNY', locale),
    minSpend: c.minSpend != null ? formatAmount(c.minSpend, 'CNY', locale) : '',
    status: c.status ?? '',
    expiresAt: formatDateTime(c.expiresAt, locale, opts.timeZone),
    journey: c.journey ?? '',
  }));
}

// ---- RFM, lifecycle, tags and segments (present once the customer-data APIs are in) ----

/** Label/value pairs of the customer's RFM scores, lifecycle stage, tags and segments. */
export function engagementRows(data, locale, opts = {}) {
  const rows = [];
  const add = (field, value) => { if (value != null && value !== '') rows.push({ key: field, field, label: translate(locale, `field.${field}`), value: String(value) }); };
  if (data?.lifecycle) add('lifecycleStage', `${data.lifecycle.stage}${data.lifecycle.since ? ` · ${formatDateTime(data.lifecycle.since, locale, opts.timeZone)}` : ''}`);
  if (data?.rfm) {
    const r = data.rfm;
    add('rfm', `R${r.rScore} F${r.fScore} M${r.mScore} · ${r.segment ?? ''}`);
    add('monetary', formatAmount(r.monetary, 'CNY', locale));
    add('clv', formatAmount(r.clv, 'CNY', locale));
  }
  add('tags', list(data?.tags).map((x) => x.tag).join(', '));
  add('segments', list(data?.segments).join(', '));
  return rows;
}

export const stageColumns = [col('changedAt'), col('fromStage'), col('toStage'), col('reason')];

export function stageRows(history, locale, opts = {}) {
  return [...list(history)].sort(byTimeDesc('changedAt')).map((h, i) => ({
    key: `${h.changedAt ?? ''}-${i}`,
    changedAt: formatDateTime(h.changedAt, locale, opts.timeZone),
    fromStage: h.fromStage ?? '—',
    toStage: h.toStage ?? '',
    reason: h.reason ?? '',
  }));
}
