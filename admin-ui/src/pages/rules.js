// The rewards workbench: points, tier and referral rules as editable grids, Excel upload and
// download, simulation of a draft with charts, activation, history with diffs, roll back.

import * as api from '../api.js';
import { chart } from '../charts.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { formatAmount, formatNumber, formatPoints } from '../format.js';
import { getLocale, t } from '../i18n.js';
import { REWARD_RULE_SETS, canEditRuleSet } from '../roles.js';
import { routeHref } from '../router.js';
import { catalogFor, starterGrid } from '../rules/catalog.js';
import { columnLetter, csvTableToGrid, gridErrorsToCells, parseCsv, toApiGrid, uploadErrorsToCells, validateGrid } from '../rules/grid.js';
import { busy, dateInputValue, statusLine, tile } from '../views/common.js';
import { gridEditor } from '../views/grid-editor.js';
import { activateOrRequest, historyPanel, versionsPanel } from '../views/rule-versions.js';

const TABLE_FORMATS = ['GRID', 'CSV', 'XLSX'];

export function mount(container, { me, route, navigate }) {
  const ruleSet = REWARD_RULE_SETS.includes(route.params[0]) ? route.params[0] : 'points';
  const canEdit = canEditRuleSet(me, ruleSet);
  const status = statusLine();
  const gridBox = el('div', {}, loadingNote());
  const simBox = el('div');
  const tabs = el('nav', { className: 'tabs', dataset: { testid: 'rule-set-tabs' } },
    REWARD_RULE_SETS.map((s) => el('a', {
      href: routeHref('rules', [s]), className: s === ruleSet ? 'active' : null, dataset: { testid: `rules-tab-${s}` },
    }, t(`rules.set.${s}`))));

  const versions = versionsPanel({
    ruleSet, canEdit, status, me,
    onChanged: reload,
    onEdit: (v) => navigate('rules', [ruleSet], { edit: v.version }),
    onSimulate: (v) => drawSimulation(v.version),
  });
  const history = historyPanel({ ruleSet });

  replaceContent(container,
    el('h2', {}, t('rules.title')), tabs, status.element,
    versions.element,
    catalogFor(ruleSet) ? panel('rule-grid', 'rules.grid', gridBox) : null,
    canEdit ? uploadPanel() : null,
    canEdit ? panel('rule-simulation', 'rules.simulate', simBox) : null,
    history.element);

  async function reload() {
    const list = await versions.load();
    history.load();
    return list;
  }

  // ---- grid ----

  async function loadGrid(list, edit = Number(route.query.edit)) {
    if (!catalogFor(ruleSet)) return;
    const wanted = edit;
    const chosen = list.find((v) => v.version === wanted)
      || list.find((v) => v.status === 'ACTIVE' && TABLE_FORMATS.includes(v.format))
      || null;
    let grid = null;
    let source = t('rules.grid.fromStarter');
    try {
      if (chosen && TABLE_FORMATS.includes(chosen.format)) {
        grid = chosen.format === 'GRID'
          ? await api.rules.gridJson(ruleSet, chosen.version)
          : csvTableToGrid(await api.rules.csv(ruleSet, chosen.version));
        if (grid) source = t('rules.grid.fromVersion', { version: chosen.version });
      }
    } catch (error) {
      status.error(error);
    }
    const starter = !grid;
    drawGrid(grid || starterGrid(ruleSet), source, starter);
  }

  function drawGrid(grid, source, starter) {
    const editor = gridEditor({ ruleSet, grid, readOnly: !canEdit });
    const comment = el('input', { type: 'text', placeholder: t('common.comment'), dataset: { testid: 'grid-comment' } });
    const summary = el('div', { className: 'grid-summary', dataset: { testid: 'grid-errors' } });
    const save = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'grid-save' },
      onclick: async () => {
        const draft = editor.getGrid();
        const local = validateGrid(ruleSet, draft);
        editor.setErrors(local);
        replaceContent(summary, local.length ? t('rules.grid.errors', { count: local.length }) : '');
        if (local.length) return;
        await busy(save, status, async () => {
          try {
            const created = await api.rules.saveGrid(ruleSet, toApiGrid(draft), comment.value.trim() || null);
            status.ok(`${t('common.saved')}: v${created.version}`);
            const list = await reload();
            drawSimulation(created.version);
            loadGrid(list, created.version);
          } catch (error) {
            if (error.status === 422 && error.errors.length) {
              const cells = gridErrorsToCells(error.errors, toApiGrid(draft));
              editor.setErrors(cells);
              replaceContent(summary, t('rules.grid.errors', { count: cells.length }));
            }
            throw error;
          }
        });
      },
    }, t('rules.grid.saveDraft'));
    const catalog = catalogFor(ruleSet);
    replaceContent(gridBox,
      el('p', { className: 'muted', dataset: { testid: 'grid-source' } }, t('rules.grid.from', { source })),
      starter && catalog ? el('p', { className: 'note' }, t(catalog.starter.note)) : null,
      editor.element,
      canEdit ? el('div', { className: 'toolbar' }, comment, save, summary) : null);
  }

  // ---- upload ----

  function uploadPanel() {
    const file = el('input', { type: 'file', accept: '.xlsx,.csv', dataset: { testid: 'upload-file' } });
    const comment = el('input', { type: 'text', placeholder: t('common.comment'), dataset: { testid: 'upload-comment' } });
    const errors = el('div', { dataset: { testid: 'upload-errors' } });
    const submit = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'upload-submit' },
      onclick: async () => {
        replaceContent(errors);
        if (!file.files?.length) return;
        await busy(submit, status, async () => {
          try {
            const created = await api.rules.upload(ruleSet, file.files[0], comment.value.trim() || null);
            status.ok(`${t('common.saved')}: v${created.version}`);
            const list = await reload();
            drawSimulation(created.version);
            loadGrid(list, created.version);
          } catch (error) {
            if (error.status !== 422) throw error;
            const chosen = file.files[0];
            const sheet = /\.csv$/i.test(chosen.name) ? parseCsv(await chosen.text()) : null;
            replaceContent(errors, uploadErrors(error), sheet ? sheetPreview(sheet, uploadErrorsToCells(error.errors)) : null);
          }
        });
      },
    }, t('rules.upload.submit'));
    return panel('rule-upload', 'rules.upload', el('p', { className: 'hint' }, t('rules.upload.hint')),
      el('div', { className: 'toolbar' }, file, comment, submit), errors);
  }

  function uploadErrors(error) {
    const cells = uploadErrorsToCells(error.errors);
    return el('div', { className: 'error', role: 'alert' },
      el('strong', {}, t('rules.upload.errors')), error.detail ? ` ${error.detail}` : '',
      el('ul', {}, cells.map((c) => el('li', { dataset: { testid: 'upload-error', row: String(c.row), col: String(c.column) } },
        [c.source, c.row ? t('rules.upload.sheetRow', { row: c.row }) : null,
          c.row && c.column ? t('rules.upload.cell', { cell: `${columnLetter(c.column)}${c.row}` }) : null]
          .filter(Boolean).join(' · '), ': ', c.reason))));
  }

  /** The uploaded CSV as a sheet (row numbers, column letters) with the cells at fault marked. */
  function sheetPreview(sheet, cells) {
    const width = Math.max(...sheet.map((r) => r.length));
    const rowsAtFault = new Set(cells.filter((c) => c.row && !c.column).map((c) => c.row));
    const atFault = (row, column) => cells.filter((c) => c.row === row && c.column === column);
    return el('div', { className: 'table-wrap' }, el('table', { className: 'grid sheet', dataset: { testid: 'upload-sheet' } },
      el('thead', {}, el('tr', {}, el('th', {}, ''), Array.from({ length: width }, (_, i) => el('th', {}, columnLetter(i + 1))))),
      el('tbody', {}, sheet.map((cellsOfRow, r) => el('tr', { className: rowsAtFault.has(r + 1) ? 'row-error' : null },
        el('td', { className: 'row-number' }, String(r + 1)),
        Array.from({ length: width }, (_, c) => {
          const own = atFault(r + 1, c + 1);
          return el('td', {
            className: own.length ? 'cell-error' : null, title: own.map((e) => e.reason).join('\n') || null,
            dataset: own.length ? { testid: 'upload-cell-error', row: String(r + 1), col: String(c + 1) } : {},
          }, cellsOfRow[c] ?? '');
        }))))));
  }

  // ---- simulation ----

  function drawSimulation(version) {
    if (!canEdit) return;
    const drafts = versions.versions().filter((v) => v.status === 'DRAFT');
    const pick = el('select', { dataset: { testid: 'sim-version' } },
      drafts.map((v) => el('option', { value: String(v.version), selected: v.version === version }, `v${v.version}${v.comment ? ` · ${v.comment}` : ''}`)));
    const now = new Date();
    const from = el('input', { type: 'date', value: dateInputValue(now.getTime() - 365 * 864e5), dataset: { testid: 'sim-from' } });
    const to = el('input', { type: 'date', value: dateInputValue(now.getTime() + 864e5), dataset: { testid: 'sim-to' } });
    const result = el('div', { dataset: { testid: 'sim-result-region' } });
    const run = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'sim-run' }, disabled: !drafts.length,
      onclick: () => busy(run, status, async () => {
        replaceContent(result, loadingNote());
        try {
          const report = await api.rules.simulate(ruleSet, {
            draftVersion: Number(pick.value),
            from: new Date(`${from.value}T00:00:00`).toISOString(),
            to: new Date(`${to.value}T00:00:00`).toISOString(),
            page: 0,
            size: 20,
          });
          replaceContent(result, simulationReport(report, Number(pick.value)));
        } catch (error) {
          replaceContent(result, errorBox(error));
        }
      }),
    }, t('rules.simulate.run'));
    replaceContent(simBox,
      drafts.length ? null : el('p', { className: 'empty' }, t('rules.simulate.none')),
      el('div', { className: 'toolbar' },
        el('label', {}, t('common.version'), ' ', pick),
        el('label', {}, t('rules.simulate.from'), ' ', from),
        el('label', {}, t('rules.simulate.to'), ' ', to), run),
      result);
    if (version != null) simBox.scrollIntoView?.({ block: 'nearest' });
  }

  function simulationReport(report, version) {
    const locale = getLocale();
    const totals = report.totals || {};
    const moves = report.tierMoves;
    const referrals = report.referrals;
    const affected = report.mostAffected || [];
    const activate = el('button', {
      type: 'button', className: 'primary', dataset: { testid: 'sim-activate' },
      onclick: async (e) => {
        if (!window.confirm(t('rules.activate.confirm', { version }))) return;
        await busy(e.currentTarget, status, async () => {
          await activateOrRequest(ruleSet, version, status);
          await reload();
        });
      },
    }, `${t('rules.activate')} v${version}`);
    const charts = [
      chart('sim-points-chart', {
        title: { text: t('rules.sim.deltaPoints'), left: 'center', textStyle: { fontSize: 13 } },
        tooltip: {},
        xAxis: { type: 'category', data: [t('rules.sim.activePoints'), t('rules.sim.draftPoints'), t('rules.sim.deltaPoints')] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [totals.activePoints || 0, totals.draftPoints || 0,
          { value: totals.deltaPoints || 0, itemStyle: { color: (totals.deltaPoints || 0) >= 0 ? '#c2410c' : '#137a3a' } }] }],
      }),
    ];
    if (moves && (moves.up || moves.down)) {
      const tiers = [...new Set([...Object.keys(moves.upInto || {}), ...Object.keys(moves.downInto || {})])];
      charts.push(chart('sim-tier-chart', {
        title: { text: t('rules.sim.tierMoves'), left: 'center', textStyle: { fontSize: 13 } },
        tooltip: {}, legend: { bottom: 0 },
        xAxis: { type: 'category', data: tiers }, yAxis: { type: 'value' },
        series: [
          { name: t('rules.sim.up'), type: 'bar', data: tiers.map((x) => moves.upInto?.[x] || 0) },
          { name: t('rules.sim.down'), type: 'bar', data: tiers.map((x) => moves.downInto?.[x] || 0) },
        ],
      }));
    }
    if (affected.length) {
      const top = affected.slice(0, 10).reverse();
      charts.push(chart('sim-affected-chart', {
        title: { text: t('rules.sim.mostAffected'), left: 'center', textStyle: { fontSize: 13 } },
        tooltip: {}, grid: { left: 90 },
        yAxis: { type: 'category', data: top.map((c) => c.customerId) }, xAxis: { type: 'value' },
        series: [{ type: 'bar', data: top.map((c) => c.delta) }],
      }));
    }
    if (referrals) {
      charts.push(chart('sim-referral-chart', {
        title: { text: t('rules.sim.referrals'), left: 'center', textStyle: { fontSize: 13 } },
        tooltip: {}, legend: { bottom: 0 },
        xAxis: { type: 'category', data: [t('rules.sim.activePoints'), t('rules.sim.draftPoints')] }, yAxis: { type: 'value' },
        series: [
          { name: t('rules.sim.granted'), type: 'bar', data: [referrals.activeGranted, referrals.draftGranted] },
          { name: t('rules.sim.refused'), type: 'bar', data: [referrals.activeRefused, referrals.draftRefused] },
        ],
      }));
    }
    return el('div', { className: 'sim-result', dataset: { testid: 'sim-result' } },
      el('div', { className: 'tiles' },
        tile(t('rules.sim.orders'), formatNumber(totals.orders, locale)),
        tile(t('rules.sim.customers'), formatNumber(totals.customers, locale)),
        tile(t('rules.sim.activePoints'), formatNumber(totals.activePoints, locale)),
        tile(t('rules.sim.draftPoints'), formatNumber(totals.draftPoints, locale)),
        tile(t('rules.sim.deltaPoints'), formatPoints(totals.deltaPoints, locale), 'sim-delta'),
        totals.liabilityDeltaMoney != null ? tile(t('rules.sim.liabilityMoney'), formatAmount(totals.liabilityDeltaMoney, 'CNY', locale)) : null,
        moves ? tile(t('rules.sim.tierMoves'), `↑${moves.up} ↓${moves.down} =${moves.unchanged}`) : null),
      el('div', { className: 'charts' }, charts),
      affected.length ? table([
        { key: 'customerId', label: 'field.id' }, { key: 'orders', label: 'rules.sim.orders' },
        { key: 'activePoints', label: 'rules.sim.activePoints' }, { key: 'draftPoints', label: 'rules.sim.draftPoints' },
        { key: 'delta', label: 'rules.sim.delta' }, { key: 'activeTier', label: 'rules.sim.activeTier' },
        { key: 'draftTier', label: 'rules.sim.draftTier' },
      ], affected.map((c) => ({
        key: c.customerId, customerId: c.customerId, orders: formatNumber(c.orders, locale),
        activePoints: formatNumber(c.activePoints, locale), draftPoints: formatNumber(c.draftPoints, locale),
        delta: formatPoints(c.delta, locale), activeTier: c.activeTier ?? '', draftTier: c.draftTier ?? '',
      })), {
        testid: 'sim-affected',
        cell: (row, c) => (c.key === 'customerId' ? el('a', { href: routeHref('customers', [row.customerId]) }, row.customerId) : undefined),
      }) : null,
      report.stats ? el('p', { className: 'muted' }, t('rules.sim.stats', {
        millis: formatNumber(report.stats.millis, locale), rate: formatNumber(report.stats.decisionsPerSecond, locale),
      })) : null,
      el('div', { className: 'toolbar' }, activate));
  }

  reload().then((list) => {
    loadGrid(list);
    drawSimulation(null);
  });
  return null;
}
