// The complaint queue: most urgent SLA first, with level and time left; a complaint's decision
// (rule set version, rules fired) and history on click.

import * as api from '../api.js';
import { el, errorBox, loadingNote, panel, replaceContent, table } from '../dom.js';
import { formatDateTime, formatHours } from '../format.js';
import { getLocale, t, translateEnum } from '../i18n.js';
import { routeHref } from '../router.js';
import { durationHours } from '../rules/escalation.js';
import { badge } from '../views/common.js';

const REFRESH_MS = 15000;

/** Queue items as display rows (exported for tests). */
export function queueRows(items, locale, opts = {}) {
  return (items || []).map((c) => {
    const left = durationHours(c.timeLeft);
    let timeLeft = t('complaints.noSla');
    if (left != null) timeLeft = c.overdue || left < 0 ? t('complaints.overdue', { time: formatHours(-left, locale) }) : formatHours(left, locale);
    return {
      key: c.complaintId,
      complaintId: c.complaintId,
      customerId: c.customerId ?? '',
      severity: c.severity ?? '',
      channel: c.channel ?? '',
      status: translateEnum(locale, 'complaints.status', c.status),
      statusCode: c.status ?? '',
      level: c.level != null ? `${c.level} / ${c.maxLevel ?? '?'}` : '',
      slaDueAt: formatDateTime(c.slaDueAt, locale, opts.timeZone),
      timeLeft,
      overdue: Boolean(c.overdue),
    };
  });
}

export function mount(container, { route, navigate, onUnauthorized }) {
  const list = el('div', {}, loadingNote());
  const detail = el('div');
  const refresh = el('button', { type: 'button', className: 'refresh', dataset: { testid: 'complaints-refresh' }, onclick: () => load() }, t('common.refresh'));
  replaceContent(container,
    el('h2', {}, t('complaints.title')),
    panel('complaint-queue', 'complaints.title', refresh, el('p', { className: 'hint' }, t('complaints.hint')), list),
    detail);
  let alive = true;

  async function load() {
    try {
      const items = await api.complaints.queue();
      if (!alive) return;
      const locale = getLocale();
      replaceContent(list, table([
        { key: 'complaintId', label: 'complaints.id' }, { key: 'customerId', label: 'complaints.customer' },
        { key: 'severity', label: 'complaints.severity' }, { key: 'channel', label: 'complaints.channel' },
        { key: 'status', label: 'complaints.status' }, { key: 'level', label: 'complaints.level' },
        { key: 'slaDueAt', label: 'complaints.slaDueAt' }, { key: 'timeLeft', label: 'complaints.timeLeft' },
      ], queueRows(items, locale), {
        testid: 'complaint-queue-table',
        rowTestid: 'complaint-queue-row',
        rowAttrs: (row) => ({ className: row.overdue ? 'overdue' : null, dataset: { complaintId: row.complaintId } }),
        onRowClick: (row) => navigate('complaints', [row.complaintId]),
        cell: (row, c) => {
          if (c.key === 'status') return badge('status', row.status, `status-${row.statusCode.toLowerCase()}`);
          if (c.key === 'severity') return badge('severity', row.severity, `severity-${row.severity.toLowerCase()}`);
          if (c.key === 'customerId') return el('a', { href: routeHref('customers', [row.customerId]), onclick: (e) => e.stopPropagation() }, row.customerId);
          if (c.key === 'timeLeft') return el('span', { className: row.overdue ? 'neg' : null, dataset: { testid: 'time-left' } }, row.timeLeft);
          return undefined;
        },
      }));
    } catch (error) {
      if (!(await onUnauthorized(error))) replaceContent(list, errorBox(error));
    }
  }

  async function loadDetail(id) {
    replaceContent(detail, loadingNote());
    try {
      const c = await api.complaints.get(id);
      const locale = getLocale();
      const d = c.decision;
      replaceContent(detail, panel('complaint-detail', 'complaints.detail',
        el('dl', { className: 'profile' },
          el('dt', {}, t('complaints.id')), el('dd', {}, c.complaintId),
          el('dt', {}, t('complaints.status')), el('dd', {}, translateEnum(locale, 'complaints.status', c.status)),
          el('dt', {}, t('complaints.level')), el('dd', {}, c.level != null ? `${c.level} / ${c.maxLevel}` : ''),
          el('dt', {}, t('escalation.sla')), el('dd', { dataset: { testid: 'complaint-sla-hours' } }, c.slaHours ?? ''),
          el('dt', {}, t('complaints.slaDueAt')), el('dd', {}, formatDateTime(c.slaDueAt, locale))),
        d ? [el('h4', {}, t('complaints.decision')),
          el('p', { dataset: { testid: 'complaint-decision' } }, `${d.ruleSet} v${d.ruleSetVersion}: ${d.reason ?? ''}`),
          el('p', { className: 'muted' }, (d.rulesFired || []).join(', '))] : null,
        el('h4', {}, t('complaints.history')),
        table([{ key: 'at', label: 'field.at' }, { key: 'action', label: 'rules.audit.action' },
          { key: 'level', label: 'complaints.level' }, { key: 'roles', label: 'escalation.ladder.roles' }, { key: 'detail', label: 'rules.audit.detail' }],
        (c.history || []).map((h, i) => ({
          key: String(i), at: formatDateTime(h.at, locale), action: h.action, level: h.level ?? '',
          roles: (h.notifiedRoles || []).join(' '), detail: h.detail ?? '',
        })))));
    } catch (error) {
      replaceContent(detail, errorBox(error));
    }
  }

  load();
  if (route.params[0]) loadDetail(route.params[0]);
  const timer = setInterval(load, REFRESH_MS);
  return { unmount() { alive = false; clearInterval(timer); } };
}
