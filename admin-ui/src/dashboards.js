// Chart data from the engine's aggregates (pure, unit tested): the dashboards APIs in, ECharts data out.

/** RFM summary → heatmap data [[rIndex, fIndex, customers]] with the axes and the maximum. */
export function rfmHeatmap(summary) {
  const cells = summary?.grid || [];
  const rs = [...new Set(cells.map((c) => c.r))].sort((a, b) => a - b);
  const fs = [...new Set(cells.map((c) => c.f))].sort((a, b) => a - b);
  const data = cells.map((c) => [rs.indexOf(c.r), fs.indexOf(c.f), c.customers]);
  return { rs, fs, data, max: Math.max(0, ...cells.map((c) => c.customers)) };
}

const STAGE_ORDER = ['prospect', 'new', 'potential', 'active', 'loyal', 'at-risk', 'dormant', 'churned', 'won-back'];

/** Lifecycle counts → funnel data in lifecycle order (unknown stages last). */
export function lifecycleFunnel(stages) {
  const rank = (s) => {
    const i = STAGE_ORDER.indexOf(s);
    return i < 0 ? STAGE_ORDER.length : i;
  };
  return [...(stages || [])].sort((a, b) => rank(a.stage) - rank(b.stage)).map((s) => ({ name: s.stage, value: s.customers }));
}

/** A calendar date "2019-03-04" as an axis label: day and month, or month and year for a month bucket. */
export function bucketLabel(date, bucket, locale) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(date || ''));
  if (!m) return String(date ?? '');
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  const options = bucket === 'month' ? { year: 'numeric', month: 'short' } : { month: '2-digit', day: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(d);
}

export const POINTS_FLOWS = ['issued', 'redeemed', 'expired', 'reversed'];

/** GET /api/dashboards/points → axis labels and one series per flow (points out as positive numbers). */
export function pointsSeries(flow, locale) {
  const points = flow?.points || [];
  return {
    labels: points.map((p) => bucketLabel(p.date, flow.bucket, locale)),
    series: POINTS_FLOWS.map((key) => ({ key, data: points.map((p) => Number(p[key]) || 0) })),
    empty: points.every((p) => POINTS_FLOWS.every((key) => !Number(p[key]))),
  };
}

/** GET /api/dashboards/messages → channels on the axis, one stacked series per status. */
export function messagesByChannel(result) {
  const counts = result?.counts || [];
  const channels = [...new Set(counts.map((c) => c.channel))].sort();
  const statuses = [...new Set(counts.map((c) => c.status))].sort();
  const count = (channel, status) => counts.filter((c) => c.channel === channel && c.status === status)
    .reduce((sum, c) => sum + (Number(c.messages) || 0), 0);
  return {
    channels,
    series: statuses.map((status) => ({ status, data: channels.map((channel) => count(channel, status)) })),
    total: Number(result?.total) || 0,
  };
}

/** GET /api/dashboards/journeys → one category per journey version, counts and conversion rate (%). */
export function journeyConversion(result) {
  const rows = [...(result?.journeys || [])]
    .sort((a, b) => String(a.journey).localeCompare(String(b.journey)) || a.version - b.version);
  const pick = (key) => rows.map((r) => Number(r[key]) || 0);
  return {
    labels: rows.map((r) => `${r.journey} v${r.version}`),
    entered: pick('entered'),
    exited: pick('exited'),
    converted: pick('converted'),
    rates: rows.map((r) => Math.round((Number(r.conversionRate) || 0) * 1000) / 10),
  };
}

/** A Date as the yyyy-MM-dd of its local calendar day (date inputs and the API's from/to). */
export function isoDay(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
