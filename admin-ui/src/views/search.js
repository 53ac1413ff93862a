import { el, errorBox, loadingNote, replaceContent, table } from '../dom.js';
import { getLocale, t } from '../i18n.js';
import { customerColumns, customerRows } from '../rows.js';

/** The search box; onSearch(q) runs on submit and (debounced) while typing. */
export function renderSearchForm({ query, onSearch }) {
  const input = el('input', {
    id: 'customer-search', type: 'search', name: 'q', value: query || '', autocomplete: 'off',
    placeholder: t('search.placeholder'), 'aria-label': t('search.placeholder'),
    dataset: { testid: 'customer-search' },
  });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => onSearch(input.value.trim()), 300);
  });
  return el('form', {
    className: 'search-form', role: 'search', dataset: { testid: 'search-form' },
    onsubmit: (e) => {
      e.preventDefault();
      clearTimeout(timer);
      onSearch(input.value.trim());
    },
  },
  input,
  el('button', { type: 'submit', dataset: { testid: 'search-submit' } }, t('search.submit')));
}

/** Fills the results container. */
export function renderResults(container, { loading, error, results, selectedId, onSelect }) {
  if (loading) return replaceContent(container, loadingNote());
  if (error) return replaceContent(container, errorBox(error));
  const rows = customerRows(results, getLocale());
  if (!rows.length) return replaceContent(container, el('p', { className: 'empty' }, t('search.noResults')));
  return replaceContent(container,
    el('p', { className: 'hint' }, t('search.hint')),
    table(customerColumns(results), rows, {
      testid: 'customer-results',
      rowTestid: 'customer-row',
      rowAttrs: (row) => ({
        className: row.id === selectedId ? 'selected' : null,
        'aria-selected': String(row.id === selectedId),
        dataset: { customerId: row.id },
      }),
      onRowClick: (row) => onSelect(row.id),
      cell: (row, c) => (c.key === 'tier' && row.tier ? tierBadge(row.tier) : undefined),
    }));
}

export function tierBadge(tier) {
  return el('span', { className: `badge tier tier-${String(tier).toLowerCase()}` }, tier);
}
