// Hash routes ("#/rules/points"), so the engine serves one index.html and needs no server routes.

/** "#/rules/points?v=3" → {page: 'rules', params: ['points'], query: {v: '3'}}; empty → {page: ''}. */
export function parseRoute(hash) {
  const raw = String(hash ?? '').replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const query = Object.fromEntries(new URLSearchParams(search));
  return { page: parts[0] || '', params: parts.slice(1), query };
}

/** The inverse of parseRoute: routeHref('rules', ['points'], {v: 3}) → "#/rules/points?v=3". */
export function routeHref(page, params = [], query = {}) {
  const path = [page, ...params].filter((p) => p != null && p !== '').map((p) => encodeURIComponent(String(p))).join('/');
  const entries = Object.entries(query).filter(([, v]) => v != null && v !== '');
  const search = entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}` : '';
  return `#/${path}${search}`;
}
