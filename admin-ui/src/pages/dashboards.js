// Dashboards (Apache ECharts) over the engine's aggregate APIs: RFM grid and segments, lifecycle
// funnel, journey conversions. Charts whose API the engine does not offer yet say which one.

import * as api from '../api.js';
import { chart } from '../charts.js';
import { el, errorBox, loadingNote, panel, replaceContent } from '../dom.js';
import { t } from '../i18n.js';
import { hasAnyRole } from '../roles.js';
import { lifecycleFunnel, rfmHeatmap } from '../dashboards.js';

export function mount(container, { me }) {
  const boxes = {
    tiers: el('div'), rfm: el('div', {}, loadingNote()), lifecycle: el('div', {}, loadingNote()),
    points: el('div'), messages: el('div'), journeys: el('div', {}, loadingNote()),
  };
  replaceContent(container, el('h2', {}, t('dash.title')),
    el('div', { className: 'dash-grid' },
      panel('dash-tiers', 'dash.tiers', boxes.tiers),
      panel('dash-rfm', 'dash.rfm', boxes.rfm),
      panel('dash-lifecycle', 'dash.lifecycle', boxes.lifecycle),
      panel('dash-points', 'dash.points', boxes.points),
      panel('dash-messages', 'dash.messages', boxes.messages),
      panel('dash-journeys', 'dash.journeys', boxes.journeys)));

  const missing = (box, path) => replaceContent(box, el('p', { className: 'empty', dataset: { testid: 'needs-api' } }, t('dash.needsApi', { api: path })));
  missing(boxes.tiers, 'GET /api/stats/tiers');
  missing(boxes.points, 'GET /api/stats/points');
  missing(boxes.messages, 'GET /api/stats/messages');

  (async () => {
    try {
      const summary = await api.analytics.rfm();
      if (!summary) return missing(boxes.rfm, 'GET /api/rfm/summary');
      const heat = rfmHeatmap(summary);
      replaceContent(boxes.rfm, chart('chart-rfm', {
        tooltip: { formatter: (p) => `R${p.value[0] + 1} F${p.value[1] + 1}: ${p.value[2]}` },
        grid: { top: 10, left: 40, right: 10, bottom: 60 },
        xAxis: { type: 'category', name: 'R', data: heat.rs.map((r) => `R${r}`) },
        yAxis: { type: 'category', name: 'F', data: heat.fs.map((f) => `F${f}`) },
        visualMap: { min: 0, max: heat.max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0 },
        series: [{ type: 'heatmap', data: heat.data, label: { show: true } }],
      }), (summary.segments || []).length ? chart('chart-rfm-segments', {
        tooltip: {}, grid: { left: 110 },
        yAxis: { type: 'category', data: summary.segments.map((s) => s.name || s.segment) }, xAxis: { type: 'value' },
        series: [{ type: 'bar', data: summary.segments.map((s) => s.customers) }],
      }, { height: 220 }) : null);
    } catch (error) {
      replaceContent(boxes.rfm, errorBox(error));
    }
    return undefined;
  })();

  (async () => {
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

  (async () => {
    if (!hasAnyRole(me, ['ADMIN', 'MARKETER'])) return replaceContent(boxes.journeys, el('p', { className: 'empty' }, t('common.forbidden')));
    try {
      const journeys = await api.journeys.list();
      const reports = await Promise.all(journeys.map((j) => api.journeys.experiments(j.journey).catch(() => null)));
      const names = journeys.map((j) => j.journey);
      const goals = [...new Set(reports.flatMap((r) => Object.keys(r?.conversionsByGoal || {})))];
      if (!goals.length) return replaceContent(boxes.journeys, el('p', { className: 'empty' }, t('dash.noData')));
      replaceContent(boxes.journeys, chart('chart-journeys', {
        tooltip: {}, legend: { bottom: 0 },
        xAxis: { type: 'category', data: names }, yAxis: { type: 'value' },
        series: goals.map((g) => ({ name: g, type: 'bar', data: reports.map((r) => r?.conversionsByGoal?.[g] || 0) })),
      }));
    } catch (error) {
      replaceContent(boxes.journeys, errorBox(error));
    }
    return undefined;
  })();
  return null;
}
