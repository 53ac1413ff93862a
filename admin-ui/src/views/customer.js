import { el, emptyNote, errorBox, loadingNote, panel, table } from '../dom.js';
import { getLocale, t } from '../i18n.js';
import {
  complaintColumns, complaintRows, engagementRows, stageColumns, stageRows, consentColumns, consentRows, couponColumns, couponRows, journeyColumns, journeyRows, ledgerColumns, ledgerRows, messageColumns,
  messageRows, orderColumns, orderRows, pointsBalance, profileRows, tierColumns, tierRows,
} from '../rows.js';
import { tierBadge } from './search.js';

function statusBadge(code, label) {
  return el('span', { className: `badge status status-${String(code).toLowerCase()}` }, label);
}

function profilePanel(profile, locale) {
  const rows = profileRows(profile, locale);
  return panel('panel-profile', 'panel.profile',
    rows.length
      ? el('dl', { className: 'profile' }, rows.map((r) => [
        el('dt', {}, r.label),
        el('dd', { dataset: { field: r.field } }, r.field === 'tier' ? tierBadge(r.value) : r.value),
      ]))
      : emptyNote());
}

function consentsPanel(consents, locale) {
  return panel('panel-consents', 'panel.consents',
    table(consentColumns, consentRows(consents, locale), {
      testid: 'consents-table',
      rowTestid: 'consent-row',
      cell: (row, c) => (c.key === 'granted' ? statusBadge(row.grantedFlag ? 'granted' : 'denied', row.granted) : undefined),
    }));
}

function tierPanel(history, locale) {
  return panel('panel-tier-history', 'panel.tierHistory',
    table(tierColumns, tierRows(history, locale), { testid: 'tier-history-table', rowTestid: 'tier-row' }));
}

export function pointsPanel(points, locale) {
  return panel('panel-points', 'panel.points',
    el('p', { className: 'balance' },
      el('span', { className: 'balance-label' }, t('points.balance')),
      el('span', { className: 'balance-value', dataset: { testid: 'points-balance' } }, pointsBalance(points, locale))),
    table(ledgerColumns, ledgerRows(points, locale), {
      testid: 'ledger-table',
      rowTestid: 'ledger-row',
      cell: (row, c) => (c.key === 'points'
        ? el('span', { className: row.pointsValue < 0 ? 'neg' : 'pos' }, row.points)
        : undefined),
    }));
}

function ordersPanel(orders, locale) {
  return panel('panel-orders', 'panel.orders',
    table(orderColumns, orderRows(orders, locale), { testid: 'orders-table', rowTestid: 'order-row' }));
}

function journeysPanel(journeys, locale) {
  return panel('panel-journeys', 'panel.journeys',
    table(journeyColumns, journeyRows(journeys, locale), {
      testid: 'journeys-table',
      rowTestid: 'journey-row',
      cell: (row, c) => {
        if (c.key === 'status') return statusBadge(row.statusCode, row.status);
        if (c.key === 'steps') {
          return row.steps.length
            ? el('ol', { className: 'steps', dataset: { testid: 'journey-steps' } },
              row.steps.map((s) => el('li', { dataset: { elementId: s.elementId } },
                el('code', {}, s.elementId), s.occurredAt ? el('span', { className: 'muted' }, ` ${s.occurredAt}`) : null)))
            : '';
        }
        return undefined;
      },
    }));
}

function messagesPanel(messages, locale) {
  return panel('panel-messages', 'panel.messages',
    table(messageColumns, messageRows(messages, locale), {
      testid: 'messages-table',
      rowTestid: 'message-row',
      cell: (row, c) => (c.key === 'status' ? statusBadge(row.statusCode, row.status) : undefined),
    }));
}

function complaintsPanel(complaints, locale) {
  return panel('panel-complaints', 'panel.complaints',
    table(complaintColumns, complaintRows(complaints, locale), {
      testid: 'complaints-table',
      rowTestid: 'complaint-row',
      cell: (row, c) => (c.key === 'status' ? statusBadge(row.statusCode, row.status) : undefined),
    }));
}

function engagementPanel(data, locale) {
  const rows = engagementRows(data, locale);
  return panel('panel-engagement', 'panel.engagement',
    rows.length ? el('dl', { className: 'profile' }, rows.map((r) => [el('dt', {}, r.label), el('dd', { dataset: { field: r.field } }, r.value)])) : null,
    data.lifecycleHistory?.length ? table(stageColumns, stageRows(data.lifecycleHistory, locale), { testid: 'stage-table' }) : null);
}

function couponsPanel(coupons, locale) {
  return panel('panel-coupons', 'panel.coupons',
    table(couponColumns, couponRows(coupons, locale), { testid: 'coupons-table', rowTestid: 'coupon-row' }));
}

/** The customer 360 view: all panels for one customer. */
export function renderCustomer({ loading, error, data }) {
  const locale = getLocale();
  const wrap = el('div', { className: 'customer-360', dataset: { testid: 'customer-360' } });
  if (loading) {
    wrap.append(loadingNote());
  } else if (error) {
    wrap.append(errorBox(error));
  } else if (!data) {
    wrap.append(el('p', { className: 'empty' }, t('customer.none')));
  } else {
    const name = data.profile?.name || data.profile?.id || '';
    wrap.dataset.customerId = data.profile?.id ?? '';
    wrap.append(
      el('h2', { className: 'customer-name', dataset: { testid: 'customer-name' } }, name,
        data.profile?.id ? el('small', { className: 'muted' }, ` ${data.profile.id}`) : null),
      el('div', { className: 'grid-2' },
        profilePanel(data.profile, locale),
        el('div', {}, consentsPanel(data.consents, locale), tierPanel(data.tierHistory, locale),
          data.rfm || data.lifecycle ? engagementPanel(data, locale) : null)),
      pointsPanel(data.points, locale),
      ordersPanel(data.orders, locale),
      journeysPanel(data.journeys, locale),
      messagesPanel(data.messages, locale),
      data.complaints ? complaintsPanel(data.complaints, locale) : null,
      data.coupons ? couponsPanel(data.coupons, locale) : null);
  }
  return wrap;
}
