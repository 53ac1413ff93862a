// Dashboards (Apache ECharts) over the engine's aggregate APIs: RFM grid and segments, lifecycle
// funnel, journey conversions. Charts whose API the engine does not offer yet say which one.

import * as api from '../api.js';
import { chart } from '../charts.js';
import { el, errorBox, loadingNote, panel, replaceContent } from '../dom.js';
import { t } from '../i18n.js';
import { hasAnyRole } from '../roles.js';
import { lifecycleFunnel, rfmHeatmap } from '../dashboards.js';

const TIERS = ['BASIC', 'SILVER', 'GOLD', 'PLUS'];

export function mount(container, { me }) {
  const boxes = {
    tiers: el('div'), rfm: el('div', {}, loadingNote()), lifecycle: el('div', {}, loadingNote()),
    points: el('div'), messages: el('div'), journeys: el('div', {}, loadingNote()),
  };
  // Only the charts whose data the role may read (SecurityConfiguration): the others are not offered.
  const customerData = hasAnyRole(me, ['ADMIN', 'MARKETER', 'BUSINESS']);
  const journeyData = hasAnyRole(me, ['ADMIN', 'MARKETER']);
  replaceContent(container, el('h2', {}, t('dash.title')),
    el('div', { className: 'dash-grid' },
      panel('dash-tiers', 'dash.tiers', boxes.tiers),
      customerData ? panel('dash-rfm', 'dash.rfm', boxes.rfm) : null,
      customerData ? panel('dash-lifecycle', 'dash.lifecycle', boxes.lifecycle) : null,
      panel('dash-points', 'dash.points', boxes.points),
      panel('dash-messages', 'dash.messages', boxes.messages),
      journeyData ? panel('dash-journeys', 'dash.journeys', boxes.journeys) : null));

  const missing = (box, path) => replaceContent(box, el('p', { className: 'empty', dataset: { testid: 'needs-api' } }, t('dash.needsApi', { api: path })));
  // Tier distribution: one segment preview per tier gives exact counts (segments are marketers' API).
  if (hasAnyRole(me, ['ADMIN', 'MARKETER'])) (async () => {
    try {
      const counts = await Promise.all(TIERS.map((tier) => api.segments.preview({ all: [{ field: 'tier', op: 'eq', value: tier }] })
        .then((p) => p?.count ?? 0)));
      replaceContent(boxes.tiers, chart('chart-tiers', {
        tooltip: { trigger: 'item' }, legend: { bottom: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: TIERS.map((tier, i) => ({ name: tier, value: counts[i] })),
          label: { formatter: '{b}: {c} ({d}%)' } }],
      }));
    } catch (error) {
      if (error.status === 404) missing(boxes.tiers, 'POST /api/segments/preview');
      else replaceContent(boxes.tiers, errorBox(error));
    }
  })();
  else missing(boxes.tiers, 'GET /api/stats/tiers');
  missing(boxes.points, 'GET /api/stats/points');
  missing(boxes.messages, 'GET /api/stats/messages');

  if (customerData) (async () => {
    try {
      const summary = await api.analytics.rfm();
      if (!summary) return missing(boxes.rfm, 'GET /api/rfm/summary');
      if (!(summary.grid || []).length) return replaceContent(boxes.rfm, el('p', { className: 'empty' }, t('dash.noData')));
      const heat = rfmHeatmap(summary);
      replaceContent(boxes.rfm, chart('chart-rfm', {
        tooltip: { formatter: (p) => `R${p.value[0] + 1} F${p.value[1] + 1}: ${p.value[2]}` },
        grid: { top: 20, left: 40, right: 20, bottom: 90 },
        xAxis: { type: 'category', name: 'R', data: heat.rs.map((r) => `R${r}`) },
        yAxis: { type: 'category', name: 'F', data: heat.fs.map((f) => `F${f}`) },
        visualMap: { min: 0, max: heat.max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ type: 'heatmap', data: heat.data, label: { show: true } }],
      }), (summary.segments || []).length ? chart('chart-rfm-segments', {
        tooltip: {}, grid: { left: 120, top: 10, bottom: 30 },
        yAxis: { type: 'category', data: summary.segments.map((s) => s.name || s.segment), axisLabel: { interval: 0 } }, xAxis: { type: 'value' },
        series: [{ type: 'bar', data: summary.segments.map((s) => s.customers) }],
      }, { height: Math.max(220, summary.segments.length * 24 + 40) }) : null);
    } catch (error) {
      replaceContent(boxes.rfm, errorBox(error));
    }
    return undefined;
  })();

  if (customerData) (async () => {
    try {
      const stages = await api.analytics.lifecycle();
      if (!stages) return missing(boxes.lifecycle, 'GET /api/lifecycle/summary');
      replaceContent(boxes.lifecycle, chart('chart-lifecycle', {
        tooltip: {}, series: [{ type: 'funnel', sort: 'none', data: lifecycleFunnel(stages), label: { formatter: '{b}: {c}' } }],
      }));
    } catch (error) {
      replaceContent(boxes.lifecycle, errorBox(error));
    }
    return undefined;
  })();

  if (journeyData) (async () => {
    try {
      const journeys = await api.journeys.list();
      const reports = await Promise.all(journeys.map((j) => api.journeys.experiments(j.journey).catch(() => null)));
      const names = journeys.map((j) => j.journey);
      const goals = [...new Set(reports.flatMap((r) => Object.keys(r?.conversionsByGoal || {})))];
      if (!goals.length) return replaceContent(boxes.journeys, el('p', { className: 'empty' }, t('dash.noData')));
      replaceContent(boxes.journeys, chart('chart-journeys', {
        tooltip: {}, legend: { bottom: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 20 } }, yAxis: { type: 'value', minInterval: 1 },
        series: goals.map((g) => ({ name: g, type: 'bar', data: reports.map((r) => r?.conversionsByGoal?.[g] || 0) })),
      }));
    } catch (error) {
      replaceContent(boxes.journeys, errorBox(error));
    }
    return undefined;
  })();
  return null;
}
