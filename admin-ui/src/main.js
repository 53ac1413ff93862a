import './style.css';
import * as api from './api.js';
import { el, errorBox, replaceContent } from './dom.js';
import { getLocale, initLocale, setLocale, t } from './i18n.js';
import { canOpen, homePage, menuFor } from './roles.js';
import { parseRoute, routeHref } from './router.js';
import { renderHeader } from './views/header.js';
import { renderLogin } from './views/login.js';

// Each page is its own chunk: the modeler and the charts load only where they are used.
const PAGE_MODULES = {
  customers: () => import('./pages/customers.js'),
  outbox: () => import('./pages/outbox.js'),
  rules: () => import('./pages/rules.js'),
  escalation: () => import('./pages/escalation.js'),
  complaints: () => import('./pages/complaints.js'),
  journeys: () => import('./pages/journeys.js'),
  templates: () => import('./pages/templates.js'),
  segments: () => import('./pages/segments.js'),
  dashboards: () => import('./pages/dashboards.js'),
};

const root = document.getElementById('app');
const state = { booting: true, fatal: null, me: null };
let mounted = null; // {unmount?}
let renderSeq = 0;

function applyDocumentLocale() {
  document.documentElement.lang = getLocale();
  document.title = t('app.title');
}

function navigate(page, params = [], query = {}) {
  const href = routeHref(page, params, query);
  if (window.location.hash === href) render();
  else window.location.hash = href;
}

function nav(me, current) {
  return el('nav', { className: 'app-nav', dataset: { testid: 'nav' } },
    menuFor(me).map((p) => el('a', {
      href: routeHref(p.id),
      className: p.id === current ? 'active' : null,
      'aria-current': p.id === current ? 'page' : null,
      dataset: { testid: `nav-${p.id}` },
    }, t(p.label))));
}

async function render() {
  const seq = ++renderSeq;
  applyDocumentLocale();
  if (mounted?.unmount) mounted.unmount();
  mounted = null;
  const header = renderHeader({ me: state.me, onLocale: changeLocale, onLogout: doLogout });
  if (state.booting) return replaceContent(root, header, el('p', { className: 'loading' }, t('common.loading')));
  if (state.fatal) return replaceContent(root, header, el('main', {}, errorBox(state.fatal)));
  if (!state.me) return replaceContent(root, header, renderLogin({ onSubmit: doLogin }));

  const route = parseRoute(window.location.hash);
  if (!route.page || !canOpen(state.me, route.page)) {
    if (route.page && PAGE_MODULES[route.page]) {
      // A page this role may not open: say so rather than showing an empty page.
      return replaceContent(root, header, nav(state.me, ''), el('main', { className: 'page' }, errorBox({ title: t('common.forbidden') })));
    }
    navigate(homePage(state.me));
    return undefined;
  }
  const container = el('main', { className: `page page-${route.page}`, dataset: { testid: `page-${route.page}` } },
    el('p', { className: 'loading' }, t('common.loading')));
  replaceContent(root, header, nav(state.me, route.page), container);
  try {
    const module = await PAGE_MODULES[route.page]();
    if (seq !== renderSeq) return undefined;
    replaceContent(container);
    mounted = module.mount(container, { me: state.me, route, navigate, onUnauthorized: handleUnauthorized }) || null;
  } catch (error) {
    if (seq === renderSeq && !(await handleUnauthorized(error))) replaceContent(container, errorBox(error));
  }
  return undefined;
}

function changeLocale(locale) {
  setLocale(locale);
  render();
}

/** A 401 mid-session means the session ended: back to the login form. Returns whether it was one. */
async function handleUnauthorized(error) {
  if (!(error instanceof api.ApiError) || error.status !== 401) return false;
  state.me = null;
  await api.getMe().catch(() => null); // refreshes the XSRF-TOKEN cookie
  render();
  return true;
}

/** Returns an error message for the login form, or nothing once logged in. */
async function doLogin(username, password) {
  let me;
  try {
    me = await api.login(username, password);
  } catch (error) {
    return [error.title, error.detail].filter(Boolean).join(': ') || error.message;
  }
  if (!me) return t('login.failed');
  state.me = me;
  const route = parseRoute(window.location.hash);
  if (route.page && canOpen(me, route.page)) render();
  else navigate(homePage(me));
  return null;
}

async function doLogout() {
  try {
    await api.logout();
  } catch {
    // the session is gone either way
  }
  state.me = null;
  await api.getMe().catch(() => null); // a fresh XSRF-TOKEN for the next login
  render();
}

async function boot() {
  initLocale();
  window.addEventListener('hashchange', () => render());
  try {
    state.me = await api.getMe();
  } catch (error) {
    state.fatal = error;
  }
  state.booting = false;
  render();
}

boot();
