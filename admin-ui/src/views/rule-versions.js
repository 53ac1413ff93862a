// A rule set's versions (with downloads, activate and roll back) and its audit history with
// diffs. Shared by the rewards and the escalation workbench.

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { auditDetail, diffStats } from '../diff.js';
import { formatDateTime } from '../format.js';
import { getLocale, t, translateEnum } from '../i18n.js';
import { REWARD_RULE_SETS } from '../roles.js';
import { badge, busy, diffView } from './common.js';

const TABLE_FORMATS = ['GRID', 'CSV', 'XLSX'];
// Version 1 is always the shipped rule set; these sets also ship as grids, which the engine serves
// as that version's table forms.
const SHIPPED_AS_GRID = ['points', 'tiers'];

/** Whether a version downloads as a decision table (xlsx, csv). */
export function hasTableForm(ruleSet, version) {
  return TABLE_FORMATS.includes(version.format) || (version.version === 1 && SHIPPED_AS_GRID.includes(ruleSet));
}

/**
 * Activates a version, or asks for it: a reward rule version never in force before answers 202
 * with a pending approval, which a second person approves from the versions table.
 */
export async function activateOrRequest(ruleSet, version, status) {
  const answer = await api.rules.activate(ruleSet, version);
  if (answer?.status === 'PENDING') status.ok(t('rules.pendingApproval', { version }));
  else status.ok(t('rules.activated', { version }));
  return answer;
}

export function versionsPanel({ ruleSet, canEdit, status, onChanged, onEdit, onSimulate, me }) {
  const body = el('div', {}, loadingNote());
  const rollback = canEdit
    ? el('button', { type: 'button', dataset: { testid: 'rollback' }, onclick: () => doRollback() }, t('rules.rollback'))
    : null;
  const node = panel('rule-versions', 'rules.versions', el('div', { className: 'panel-tools' }, rollback), body);
  let versions = [];
  let pending = new Map();

  async function doActivate(version, button) {
    if (!window.confirm(t('rules.activate.confirm', { version }))) return;
    await busy(button, status, async () => {
      await activateOrRequest(ruleSet, version, status);
      await onChanged?.();
    });
  }

  async function decide(approval, version, button, approve) {
    await busy(button, status, async () => {
      if (approve) {
        await api.approvals.approve(approval.id);
        status.ok(t('rules.approved', { version }));
      } else {
        await api.approvals.reject(approval.id);
        status.ok(t('rules.withdrawn', { version }));
      }
      await onChanged?.();
    });
  }

  function approvalActions(v) {
    const approval = pending.get(v.version);
    if (!approval) return [];
    const mine = approval.requestedBy === me?.username;
    return [
      badge('approval', t('rules.approvalPending'), 'status-pending'),
      canEdit && !mine ? el('button', {
        type: 'button', className: 'link', dataset: { testid: 'version-approve' },
        onclick: (e) => decide(approval, v.version, e.currentTarget, true),
      }, t('rules.approve')) : null,
      mine ? el('button', {
        type: 'button', className: 'link', dataset: { testid: 'version-withdraw' },
        onclick: (e) => decide(approval, v.version, e.currentTarget, false),
      }, t('rules.withdraw')) : null,
    ];
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
      rowAttrs: (row) => ({ dataset: {
        version: String(row.raw.version), status: row.raw.status, approval: pending.has(row.raw.version) ? 'pending' : '',
      } }),
      cell: (row, c) => {
        const v = row.raw;
        if (c.key === 'status') return badge('status', translateEnum(locale, 'rules.status', v.status), `status-${v.status.toLowerCase()}`);
        if (c.key !== 'actions') return undefined;
        const table = hasTableForm(ruleSet, v);
        return el('span', { className: 'actions' },
          TABLE_FORMATS.includes(v.format) && onEdit ? el('button', { type: 'button', className: 'link', dataset: { testid: 'version-edit' }, onclick: () => onEdit(v) }, t('rules.grid')) : null,
          table ? el('a', { href: api.rules.fileUrl(ruleSet, v.version, 'xlsx'), download: '' }, t('rules.download.xlsx')) : null,
          table ? el('a', { href: api.rules.fileUrl(ruleSet, v.version, 'csv'), download: '' }, t('rules.download.csv')) : null,
          el('a', { href: api.rules.drlUrl(ruleSet, v.version), download: '' }, t('rules.download.drl')),
          canEdit && v.status === 'DRAFT' && onSimulate
            ? el('button', { type: 'button', className: 'link', dataset: { testid: 'version-simulate' }, onclick: () => onSimulate(v) }, t('rules.simulate')) : null,
          ...approvalActions(v),
          canEdit && v.status !== 'ACTIVE' && !pending.has(v.version)
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
        const [list, approvals] = await Promise.all([
          api.rules.versions(ruleSet),
          REWARD_RULE_SETS.includes(ruleSet)
            ? api.approvals.list({ status: 'PENDING', targetType: 'rule-set' }).catch(() => []) : [],
        ]);
        versions = list;
        pending = new Map((approvals || [])
          .filter((a) => a.kind === 'rules.activate' && a.payload?.ruleSet === ruleSet)
          .map((a) => [Number(a.payload.version), a]));
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
