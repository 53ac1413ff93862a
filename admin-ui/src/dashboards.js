// Chart data from the engine's aggregates (pure, unit tested).

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
