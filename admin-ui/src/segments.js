// A flat segment definition (all/any of field conditions) to and from the engine's JSON form.
// Nested groups and the order/spend conditions stay as JSON ("advanced").

export const SEGMENT_FIELDS = ['tier', 'locale', 'timeZone', 'preferredChannel', 'birthdayMonth', 'rfm.r', 'rfm.f', 'rfm.m',
  'rfm.segment', 'rfm.recencyDays', 'rfm.frequency', 'rfm.monetary', 'clv', 'lifecycle.stage', 'tag', 'consent.email',
  'consent.sms', 'consent.push', 'consent.wechat'];
export const SEGMENT_OPS = ['eq', 'in', 'gt', 'gte', 'lt', 'lte', 'has'];

function valueOf(op, field, text) {
  const s = String(text ?? '').trim();
  if (op === 'in') return s.split(',').map((x) => x.trim()).filter(Boolean);
  if (field.startsWith('consent.')) return s === 'true';
  if (/^-?\d+(\.\d+)?$/.test(s) && !['tier', 'locale', 'rfm.segment', 'lifecycle.stage', 'tag'].includes(field)) {
    return field === 'rfm.monetary' || field === 'clv' ? s : Number(s);
  }
  return s;
}

export function rowsToDefinition({ combine, rows }) {
  return { [combine === 'any' ? 'any' : 'all']: rows.map((r) => ({ field: r.field, op: r.op, value: valueOf(r.op, r.field, r.value) })) };
}

/** {combine, rows, advanced}: advanced when the definition has more than flat field conditions. */
export function definitionToRows(definition) {
  const combine = definition && Array.isArray(definition.any) ? 'any' : 'all';
  const list = definition?.[combine];
  if (!Array.isArray(list)) return { combine, rows: [], advanced: Boolean(definition && Object.keys(definition).length) };
  const flat = list.every((c) => c && typeof c.field === 'string' && typeof c.op === 'string');
  return {
    combine,
    advanced: !flat,
    rows: flat ? list.map((c) => ({ field: c.field, op: c.op, value: Array.isArray(c.value) ? c.value.join(', ') : String(c.value ?? '') })) : [],
  };
}
