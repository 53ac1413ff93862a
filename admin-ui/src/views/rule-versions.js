// A rule set's versions (with downloads, activate and roll back) and its audit history with
// diffs. Shared by the rewards and the escalation workbench.

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { auditDetail, diffStats } from '../diff.js';
import { formatDateTime } from '../format.js';
import { getLocale, t, translateEnum } from '../i18n.js';
import { badge, busy, diffView } from './common.js';

const TABLE_FORMATS = ['GRID', 'CSV', 'XLSX'];

export function versionsPanel({ ruleSet, canEdit, status, onChanged, onEdit, onSimulate }) {
  const body = el('div', {}, loadingNote());
  const rollback = canEdit
    ? el('button', { type: 'button', dataset: { testid: 'rollback' }, onclick: () => doRollback() }, t('rules.rollback'))
    : null;
  const node = panel('rule-versions', 'rules.versions', el('div', { className: 'panel-tools' }, rollback), body);
  let versions = [];

  async function doActivate(version, button) {
    if (!window.confirm(t('rules.activate.confirm', { version }))) return;
    await busy(button, status, async () => {
      await api.rules.activate(ruleSet, version);
      status.ok(t('rules.activated', { version }));
      await onChanged?.();
    });
  }

  async function doRollback() {
    if (!window.confirm(t('rules.rollback.confirm'))) return;
    await busy(rollback, status, async () => {
      const back = await api.rules.rollback(ruleSet);
      status.ok(t('rules.rolledBack', { version: back.version }));
      await onChanged?.();
    });
  }

  function draw() {
    const locale = getLocale();
    const rows = versions.map((v) => ({
      key: String(v.version),
      version: `v${v.version}`,
      status: v.status,
      format: v.format,
      comment: v.comment ?? '',
      createdBy: v.createdBy ?? '',
      createdAt: formatDateTime(v.createdAt, locale),
      activatedAt: formatDateTime(v.activatedAt, locale),
      raw: v,
    }));
    const columns = [
      { key: 'version', label: 'common.version' }, { key: 'status', label: 'field.status' },
      { key: 'format', label: 'rules.format' }, { key: 'comment', label: 'common.comment' },
      { key: 'createdBy', label: 'rules.createdBy' }, { key: 'createdAt', label: 'rules.createdAt' },
      { key: 'activatedAt', label: 'rules.activatedAt' }, { key: 'actions', label: 'common.actions' },
    ];
    replaceContent(body, table(columns, rows, {
      testid: 'versions-table',
      rowTestid: 'version-row',
      rowAttrs: (row) => ({ dataset: { version: String(row.raw.version), status: row.raw.status } }),
      cell: (row, c) => {
        const v = row.raw;
        if (c.key === 'status') return badge('status', translateEnum(locale, 'rules.status', v.status), `status-${v.status.toLowerCase()}`);
        if (c.key !== 'actions') return undefined;
        const table = TABLE_FORMATS.includes(v.format);
        return el('span', { className: 'actions' },
          table && onEdit ? el('button', { type: 'button', className: 'link', dataset: { testid: 'version-edit' }, onclick: () => onEdit(v) }, t('rules.grid')) : null,
          table ? el('a', { href: api.rules.fileUrl(ruleSet, v.version, 'xlsx'), download: '' }, t('rules.download.xlsx')) : null,
          table ? el('a', { href: api.rules.fileUrl(ruleSet, v.version, 'csv'), download: '' }, t('rules.download.csv')) : null,
          el('a', { href: api.rules.drlUrl(ruleSet, v.version), download: '' }, t('rules.download.drl')),
          canEdit && v.status === 'DRAFT' && onSimulate
            ? el('button', { type: 'button', className: 'link', dataset: { testid: 'version-simulate' }, onclick: () => onSimulate(v) }, t('rules.simulate')) : null,
          canEdit && v.status !== 'ACTIVE'
            ? el('button', {
              type: 'button', className: 'link', dataset: { testid: 'version-activate' },
              onclick: (e) => doActivate(v.version, e.currentTarget),
            }, t('rules.activate')) : null);
      },
    }));
  }

  return {
    element: node,
    async load() {
      try {
        versions = await api.rules.versions(ruleSet);
        draw();
      } catch (error) {
        replaceContent(body, errorBox(error));
      }
      return versions;
    },
    versions: () => versions,
  };
}

export function historyPanel({ ruleSet }) {
  const body = el('div', {}, loadingNote());
  const diffBox = el('div', { className: 'diff-box' });
  const node = panel('rule-history', 'rules.history', body, diffBox);

  function draw(entries) {
    const locale = getLocale();
    const rows = entries.map((e) => {
      const detail = auditDetail(e);
      const stats = detail.diff ? diffStats(detail.diff) : null;
      return {
        key: String(e.id),
        at: formatDateTime(e.at, locale),
        action: translateEnum(locale, 'rules.audit', e.action),
        version: e.version != null ? `v${e.version}` : '',
        actor: e.actor ?? '',
        detail: detail.from !== undefined ? `v${detail.from ?? '—'} → v${detail.to}` : (detail.comment && detail.comment !== 'null' ? detail.comment : detail.format ?? ''),
        stats,
        raw: e,
        parsed: detail,
      };
    });
    replaceContent(body, table([
      { key: 'at', label: 'rules.audit.at' }, { key: 'action', label: 'rules.audit.action' },
      { key: 'version', label: 'common.version' }, { key: 'actor', label: 'rules.audit.actor' },
      { key: 'detail', label: 'rules.audit.detail' }, { key: 'diff', label: '' },
    ], rows, {
      testid: 'history-table',
      rowTestid: 'audit-row',
      rowAttrs: (row) => ({ dataset: { action: row.raw.action, version: String(row.raw.version ?? '') } }),
      cell: (row, c) => {
        if (c.key !== 'diff') return undefined;
        if (!row.parsed.diff) return '';
        return el('button', {
          type: 'button', className: 'link', dataset: { testid: 'show-diff' },
          onclick: () => replaceContent(diffBox,
            el('h4', {}, t('rules.diff.title', { from: row.parsed.from ?? '—', to: row.parsed.to })), diffView(row.parsed.diff)),
        }, `${t('rules.audit.showDiff')} (+${row.stats.added} −${row.stats.removed})`);
      },
    }));
  }

  return {
    element: node,
    async load() {
      try {
        draw(await api.rules.audit(ruleSet, 50));
      } catch (error) {
        replaceContent(body, errorBox(error));
      }
    },
  };
}
