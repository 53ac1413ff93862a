import { el } from '../dom.js';
import { getLocale, t } from '../i18n.js';

const LANGUAGES = [
  { locale: 'zh-CN', label: '中文', testid: 'lang-zh' },
  { locale: 'en', label: 'English', testid: 'lang-en' },
];

/** Page header: title, language switch and (when logged in) user, roles and logout. */
export function renderHeader({ me, onLocale, onLogout }) {
  const current = getLocale();
  const switcher = el('div', { className: 'lang-switch', role: 'group', 'aria-label': t('header.language'), dataset: { testid: 'lang-switch' } },
    LANGUAGES.map((l) => el('button', {
      type: 'button',
      lang: l.locale,
      className: l.locale === current ? 'active' : null,
      'aria-pressed': String(l.locale === current),
      dataset: { testid: l.testid },
      onclick: () => onLocale(l.locale),
    }, l.label)));

  const user = me
    ? el('div', { className: 'user', dataset: { testid: 'user' } },
      el('span', { className: 'username', dataset: { testid: 'username-display' } }, me.username),
      el('span', { className: 'roles', title: t('header.roles'), dataset: { testid: 'roles' } },
        (me.roles || []).map((r) => el('span', { className: 'role' }, r))),
      el('button', { type: 'button', id: 'logout', dataset: { testid: 'logout' }, onclick: onLogout }, t('header.logout')))
    : null;

  return el('header', { className: 'app-header', dataset: { testid: 'header' } },
    el('h1', {}, t('app.title')),
    el('div', { className: 'header-tools' }, user, switcher));
}
