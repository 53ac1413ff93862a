import { el, errorBox, loadingNote, panel, table } from '../dom.js';
import { getLocale, t } from '../i18n.js';
import { emailSinkColumns, sinkRows, smsSinkColumns } from '../rows.js';

function channelSection(testid, titleKey, columns, items, locale) {
  return el('div', { className: 'outbox-channel', dataset: { testid } },
    el('h4', {}, t(titleKey)),
    items == null
      ? el('p', { className: 'empty' }, t('outbox.unavailable'))
      : table(columns, sinkRows(items, locale), { rowTestid: `${testid}-row` }));
}

/** "本地消息箱 / Local outbox": what the embedded email and SMS sinks captured. */
export function renderOutbox({ loading, error, email, sms, onRefresh }) {
  const locale = getLocale();
  const refresh = el('button', { type: 'button', className: 'refresh', dataset: { testid: 'outbox-refresh' }, onclick: onRefresh },
    t('common.refresh'));
  let body;
  if (loading) body = loadingNote();
  else if (error) body = errorBox(error);
  else {
    body = el('div', { className: 'grid-2' },
      channelSection('outbox-email', 'outbox.email', emailSinkColumns, email, locale),
      channelSection('outbox-sms', 'outbox.sms', smsSinkColumns, sms, locale));
  }
  return panel('panel-outbox', 'panel.outbox', refresh, body);
}
