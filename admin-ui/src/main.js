import './style.css';
import * as api from './api.js';
import { el, errorBox, replaceContent } from './dom.js';
import { getLocale, initLocale, setLocale, t } from './i18n.js';
import { renderCustomer } from './views/customer.js';
import { renderHeader } from './views/header.js';
import { renderLogin } from './views/login.js';
import { renderOutbox } from './views/outbox.js';
import { renderResults, renderSearchForm } from './views/search.js';

const root = document.getElementById('app');

const state = {
  booting: true,
  fatal: null,
  me: null,
  query: '',
  search: { loading: false, error: null, results: [] },
  selectedId: null,
  customer: { loading: false, error: null, data: null },
  outbox: { loading: false, error: null, email: null, sms: null },
};

// Regions re-rendered on their own, so the search box keeps focus while results change.
const regions = {
  results: null,
  customer: null,
  outbox: null,
};

// Ignore responses that arrive after a newer request of the same kind.
let searchSeq = 0;
let customerSeq = 0;

function applyDocumentLocale() {
  document.documentElement.lang = getLocale();
  document.title = t('app.title');
}

function render() {
  applyDocumentLocale();
  const header = renderHeader({ me: state.me, onLocale: changeLocale, onLogout: doLogout });
  if (state.booting) {
    replaceContent(root, header, el('p', { className: 'loading' }, t('common.loading')));
    return;
  }
  if (state.fatal) {
    replaceContent(root, header, el('main', {}, errorBox(state.fatal)));
    return;
  }
  if (!state.me) {
    replaceContent(root, header, renderLogin({ onSubmit: doLogin }));
    return;
  }
  regions.results = el('div', { className: 'results', dataset: { testid: 'customer-results-region' } });
  regions.customer = el('div', { className: 'customer-region' });
  regions.outbox = el('div', { className: 'outbox-region' });
  replaceContent(root,
    header,
    el('main', { className: 'workspace' },
      el('aside', { className: 'sidebar', dataset: { testid: 'search-panel' } },
        el('h2', {}, t('search.title')),
        renderSearchForm({ query: state.query, onSearch: search }),
        regions.results),
      el('div', { className: 'content' }, regions.customer, regions.outbox)));
  renderResultsRegion();
  renderCustomerRegion();
  renderOutboxRegion();
}

function renderResultsRegion() {
  if (!regions.results) return;
  renderResults(regions.results, { ...state.search, selectedId: state.selectedId, onSelect: selectCustomer });
}

function renderCustomerRegion() {
  if (regions.customer) replaceContent(regions.customer, renderCustomer(state.customer));
}

function renderOutboxRegion() {
  if (regions.outbox) replaceContent(regions.outbox, renderOutbox({ ...state.outbox, onRefresh: loadOutbox }));
}

function changeLocale(locale) {
  setLocale(locale);
  render();
}

async function search(q) {
  state.query = q;
  const seq = ++searchSeq;
  state.search = { ...state.search, loading: true, error: null };
  renderResultsRegion();
  try {
    const results = await api.searchCustomers(q, 20);
    if (seq !== searchSeq) return;
    state.search = { loading: false, error: null, results: results || [] };
  } catch (error) {
    if (seq !== searchSeq) return;
    if (await handleUnauthorized(error)) return;
    state.search = { loading: false, error, results: [] };
  }
  renderResultsRegion();
}

async function selectCustomer(id) {
  state.selectedId = id;
  renderResultsRegion();
  const seq = ++customerSeq;
  state.customer = { loading: true, error: null, data: null };
  renderCustomerRegion();
  try {
    const data = await api.getCustomer(id);
    if (seq !== customerSeq) return;
    state.customer = { loading: false, error: null, data };
  } catch (error) {
    if (seq !== customerSeq) return;
    if (await handleUnauthorized(error)) return;
    state.customer = { loading: false, error, data: null };
  }
  renderCustomerRegion();
}

async function loadOutbox() {
  state.outbox = { ...state.outbox, loading: true, error: null };
  renderOutboxRegion();
  try {
    const [email, sms] = await Promise.all([api.getSink('email'), api.getSink('sms')]);
    state.outbox = { loading: false, error: null, email, sms };
  } catch (error) {
    if (await handleUnauthorized(error)) return;
    state.outbox = { loading: false, error, email: null, sms: null };
  }
  renderOutboxRegion();
}

/** A 401 mid-session means the session ended: go back to the login form. */
async function handleUnauthorized(error) {
  if (!(error instanceof api.ApiError) || error.status !== 401) return false;
  state.me = null;
  await api.getMe().catch(() => null); // refreshes the XSRF-TOKEN cookie
  render();
  return true;
}

function resetWorkspace() {
  state.query = '';
  state.search = { loading: false, error: null, results: [] };
  state.selectedId = null;
  state.customer = { loading: false, error: null, data: null };
  state.outbox = { loading: false, error: null, email: null, sms: null };
}

function startWorkspace() {
  render();
  search(state.query);
  loadOutbox();
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
  resetWorkspace();
  startWorkspace();
  return null;
}

async function doLogout() {
  try {
    await api.logout();
  } catch {
    // the session is gone either way
  }
  state.me = null;
  resetWorkspace();
  await api.getMe().catch(() => null); // a fresh XSRF-TOKEN for the next login
  render();
}

async function boot() {
  initLocale();
  try {
    state.me = await api.getMe();
  } catch (error) {
    state.fatal = error;
  }
  state.booting = false;
  if (state.me) startWorkspace();
  else render();
}

boot();
