// Customer search and the 360 view. Personal data is masked for roles that may not see it.

import * as api from '../api.js';
import { el, replaceContent } from '../dom.js';
import { t } from '../i18n.js';
import { customer360ForDisplay, profileForDisplay } from '../masking.js';
import { canSeePersonalData } from '../roles.js';
import { renderCustomer } from '../views/customer.js';
import { renderResults, renderSearchForm } from '../views/search.js';

export function mount(container, { me, route, navigate, onUnauthorized }) {
  const seePii = canSeePersonalData(me);
  const state = {
    query: route.query.q ?? '',
    search: { loading: false, error: null, results: [] },
    selectedId: route.params[0] ?? null,
    customer: { loading: false, error: null, data: null },
  };
  const results = el('div', { className: 'results', dataset: { testid: 'customer-results-region' } });
  const customer = el('div', { className: 'customer-region' });
  let searchSeq = 0;
  let customerSeq = 0;
  let alive = true;

  replaceContent(container, el('div', { className: 'workspace' },
    el('aside', { className: 'sidebar', dataset: { testid: 'search-panel' } },
      el('h2', {}, t('search.title')),
      renderSearchForm({ query: state.query, onSearch: search }),
      results),
    el('div', { className: 'content' }, customer)));

  function drawResults() {
    const shown = (state.search.results || []).map((r) => profileForDisplay(r, seePii));
    renderResults(results, { ...state.search, results: shown, selectedId: state.selectedId, onSelect: select });
  }

  function drawCustomer() {
    const data = customer360ForDisplay(state.customer.data, seePii);
    replaceContent(customer, renderCustomer({ ...state.customer, data }));
  }

  async function search(q) {
    state.query = q;
    const seq = ++searchSeq;
    state.search = { ...state.search, loading: true, error: null };
    drawResults();
    try {
      const found = await api.searchCustomers(q, 20);
      if (!alive || seq !== searchSeq) return;
      state.search = { loading: false, error: null, results: found || [] };
    } catch (error) {
      if (!alive || seq !== searchSeq || await onUnauthorized(error)) return;
      state.search = { loading: false, error, results: [] };
    }
    drawResults();
  }

  function select(id) {
    navigate('customers', [id], state.query ? { q: state.query } : {});
  }

  async function load(id) {
    const seq = ++customerSeq;
    state.customer = { loading: true, error: null, data: null };
    drawCustomer();
    try {
      const data = await api.getCustomer(id);
      if (!alive || seq !== customerSeq) return;
      state.customer = { loading: false, error: null, data };
    } catch (error) {
      if (!alive || seq !== customerSeq || await onUnauthorized(error)) return;
      state.customer = { loading: false, error, data: null };
    }
    drawCustomer();
  }

  drawResults();
  drawCustomer();
  search(state.query);
  if (state.selectedId) load(state.selectedId);
  return { unmount() { alive = false; } };
}
