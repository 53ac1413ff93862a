// Dashboards (Apache ECharts) over the engine's aggregate APIs: RFM grid and segments, lifecycle
// funnel, points flows and messages over a chosen range, journey conversion per version.

import * as api from '../api.js';
import { chart } from '../charts.js';
import { el, errorBox, loadingNote, panel, replaceContent } from '../dom.js';
import { formatNumber } from '../format.js';
import { getLocale, t } from '../i18n.js';
import { hasAnyRole } from '../roles.js';
import {
  isoDay, journeyConversion, lifecycleFunnel, messagesByChannel, pointsSeries, rfmHeatmap,
} from '../dashboards.js';

const TIERS = ['BASIC', 'SILVER', 'GOLD', 'PLUS'];

export function mount(container, { me }) {
  const locale = getLocale();
  const boxes = {
    tiers: el('div'), rfm: el('div', {}, loadingNote()), lifecycle: el('div', {}, loadingNote()),
    points: el('div'), messages: el('div'), journeys: el('div', {}, loadingNote()),
  };
  // Only the charts whose data the role may read (SecurityConfiguration): the others are not offered.
  const customerData = hasAnyRole(me, ['ADMIN', 'MARKETER', 'BUSINESS']);
  // The days the points and messages charts cover (the engine counts them in its calendar).
  const today = new Date();
  const from = el('input', { type: 'date', value: isoDay(new Date(today.getTime() - 29 * 864e5)), dataset: { testid: 'dash-from' } });
  const to = el('input', { type: 'date', value: isoDay(today), dataset: { testid: 'dash-to' } });
  const bucket = el('select', { dataset: { testid: 'dash-bucket' } },
    ['day', 'week', 'month'].map((b) => el('option', { value: b }, t(`dash.bucket.${b}`))));
  replaceContent(container, el('h2', {}, t('dash.title')),
    el('div', { className: 'toolbar', dataset: { testid: 'dash-range' } },
      el('label', {}, t('dash.from'), ' ', from), el('label', {}, t('dash.to'), ' ', to),
      el('label', {}, t('dash.bucket'), ' ', bucket)),
    el('div', { className: 'dash-grid' },
      panel('dash-tiers', 'dash.tiers', boxes.tiers),
      customerData ? panel('dash-rfm', 'dash.rfm', boxes.rfm) : null,
      customerData ? panel('dash-lifecycle', 'dash.lifecycle', boxes.lifecycle) : null,
      panel('dash-points', 'dash.points', boxes.points),
      panel('dash-messages', 'dash.messages', boxes.messages),
      // /api/dashboards/* answers every role of this page.
      panel('dash-journeys', 'dash.journeys', boxes.journeys)));

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

  (async () => {
    try {
      const conv = journeyConversion(await api.dashboards.journeys());
      if (!conv.labels.length) return replaceContent(boxes.journeys, el('p', { className: 'empty' }, t('dash.noData')));
      const percent = (v) => `${formatNumber(v, locale)}%`;
      replaceContent(boxes.journeys, chart('chart-journeys', {
        tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(v, locale) }, legend: { bottom: 0 },
        grid: { bottom: 70 },
        xAxis: { type: 'category', data: conv.labels, axisLabel: { interval: 0, rotate: 20 } },
        yAxis: [{ type: 'value', minInterval: 1, axisLabel: { formatter: (v) => formatNumber(v, locale) } },
          { type: 'value', min: 0, max: 100, axisLabel: { formatter: percent } }],
        series: [
          { name: t('dash.entered'), type: 'bar', data: conv.entered },
          { name: t('dash.exited'), type: 'bar', data: conv.exited },
          { name: t('dash.converted'), type: 'bar', data: conv.converted },
          { name: t('dash.conversionRate'), type: 'line', yAxisIndex: 1, data: conv.rates, tooltip: { valueFormatter: percent } },
        ],
      }));
    } catch (error) {
      replaceContent(boxes.journeys, errorBox(error));
    }
    return undefined;
  })();

  // Points and messages over the chosen range.
  const load = () => {
    const range = { from: from.value, to: to.value };
    replaceContent(boxes.points, loadingNote());
    replaceContent(boxes.messages, loadingNote());
    (async () => {
      try {
        const flow = pointsSeries(await api.dashboards.points({ ...range, bucket: bucket.value }), locale);
        if (flow.empty) return replaceContent(boxes.points, el('p', { className: 'empty' }, t('dash.noData')));
        replaceContent(boxes.points, chart('chart-points', {
          tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(v, locale) }, legend: { bottom: 0 },
          xAxis: { type: 'category', data: flow.labels },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => formatNumber(v, locale) } },
          series: flow.series.map((s) => ({ name: t(`dash.${s.key}`), type: 'bar', data: s.data })),
        }));
      } catch (error) {
        replaceContent(boxes.points, errorBox(error));
      }
      return undefined;
    })();
    (async () => {
      try {
        const messages = messagesByChannel(await api.dashboards.messages(range));
        if (!messages.total) return replaceContent(boxes.messages, el('p', { className: 'empty' }, t('dash.noData')));
        replaceContent(boxes.messages, chart('chart-messages', {
          tooltip: { trigger: 'axis', valueFormatter: (v) => formatNumber(v, locale) }, legend: { bottom: 0 },
          xAxis: { type: 'category', data: messages.channels },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v) => formatNumber(v, locale) } },
          series: messages.series.map((s) => ({ name: s.status, type: 'bar', stack: 'status', data: s.data })),
        }));
      } catch (error) {
        replaceContent(boxes.messages, errorBox(error));
      }
      return undefined;
    })();
  };
  for (const control of [from, to, bucket]) control.addEventListener('change', load);
  load();
  return null;
}
