// All calls to the engine's API (same origin, session cookie). Failed calls throw ApiError,
// carrying the problem+json title/detail the engine sent.

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

/** Reads a cookie's value from a cookie header string ("a=1; XSRF-TOKEN=abc"). */
export function readCookie(name, cookieString = globalThis.document?.cookie ?? '') {
  for (const part of cookieString.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function xsrfHeaders() {
  const token = readCookie('XSRF-TOKEN');
  return token ? { 'X-XSRF-TOKEN': token } : {};
}

/** JSON (incl. problem+json) as an object; short plain text as {detail}; anything else as null. */
async function parseBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    const type = response.headers.get('Content-Type') || '';
    return type.includes('html') ? null : { detail: text.slice(0, 500) };
  }
}

async function send(path, init = {}) {
  return fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { Accept: 'application/json, application/problem+json', ...(init.headers || {}) },
  });
}

async function request(path, init) {
  const response = await send(path, init);
  const body = await parseBody(response);
  if (!response.ok) throw new ApiError(response.status, body || { title: response.statusText });
  return body;
}

function json(method, body) {
  return {
    method,
    headers: { 'Content-Type': 'application/json', ...xsrfHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

function post(path, body) {
  return request(path, json('POST', body));
}

/** A 404 as null: for optional parts (a sink not in use, an API another release brings). */
async function optional(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

/** The raw text of a GET (DRL, BPMN XML, CSV), failing like request(). */
async function text(path, accept = 'text/plain, application/xml, */*') {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: accept } });
  const body = await response.text();
  if (!response.ok) {
    let problem;
    try { problem = JSON.parse(body); } catch { problem = { title: response.statusText }; }
    throw new ApiError(response.status, problem);
  }
  return body;
}

const enc = encodeURIComponent;

/** The logged-in user ({username, roles}), or null when not logged in (the 401 also sets the XSRF-TOKEN cookie). */
export async function getMe() {
  try {
    return await request('/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/**
 * Form login. Success is a 200 or a redirect (302); the user is then read from /api/me.
 * Returns the user, or null for wrong credentials (401); other failures throw ApiError.
 */
export async function login(username, password) {
  if (!readCookie('XSRF-TOKEN')) await getMe(); // obtains the CSRF cookie
  const response = await send('/login', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...xsrfHeaders() },
    body: new URLSearchParams({ username, password }).toString(),
  });
  const redirected = response.type === 'opaqueredirect' || response.status === 302;
  if (response.status === 401) return null;
  if (!response.ok && !redirected) {
    const body = await parseBody(response);
    throw new ApiError(response.status, body || { title: response.statusText });
  }
  return getMe();
}

export async function logout() {
  await request('/logout', { method: 'POST', headers: xsrfHeaders() });
}

/** Customers by id prefix or email: [{id, name, email, tier, pointsBalance?}]. */
export function searchCustomers(q, limit = 20) {
  const params = new URLSearchParams({ q: q ?? '', limit: String(limit) });
  return request(`/api/customers?${params}`);
}

/** The customer 360 view. */
export function getCustomer(id) {
  return request(`/api/customers/${encodeURIComponent(id)}`);
}

/** Messages captured by the embedded sink ("email" or "sms"); null when the sink is not in use (404). */
export function getSink(channel) {
  return optional(request(`/api/sinks/${enc(channel)}`));
}

// ---- rules (points, tiers, referral, escalation, ...) ----

export const rules = {
  list: () => request('/api/rules'),
  versions: (set) => request(`/api/rules/${enc(set)}/versions`),
  version: (set, v) => request(`/api/rules/${enc(set)}/versions/${v}`),
  drl: (set, v) => text(`/api/rules/${enc(set)}/versions/${v}/drl`),
  /** A table or grid version as CSV text, or its grid JSON; null for a version written in DRL. */
  csv: (set, v) => optional(text(`/api/rules/${enc(set)}/versions/${v}/file?as=csv`)),
  gridJson: (set, v) => optional(request(`/api/rules/${enc(set)}/versions/${v}/file?as=json`)),
  fileUrl: (set, v, as) => `/api/rules/${enc(set)}/versions/${v}/file?as=${enc(as)}`,
  drlUrl: (set, v) => `/api/rules/${enc(set)}/versions/${v}/drl`,
  saveGrid: (set, grid, comment) => post(`/api/rules/${enc(set)}/versions/grid`, { grid, comment }),
  saveDrl: (set, drl, comment) => post(`/api/rules/${enc(set)}/versions`, { drl, comment }),
  upload: (set, file, comment) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const query = comment ? `?comment=${enc(comment)}` : '';
    return request(`/api/rules/${enc(set)}/versions/upload${query}`, { method: 'POST', headers: xsrfHeaders(), body: form });
  },
  simulate: (set, body) => post(`/api/rules/${enc(set)}/simulations`, body),
  activate: (set, v) => post(`/api/rules/${enc(set)}/versions/${v}/activate`),
  rollback: (set) => post(`/api/rules/${enc(set)}/rollback`),
  audit: (set, limit = 100) => request(`/api/rules/audit?${new URLSearchParams({ ...(set ? { ruleSet: set } : {}), limit: String(limit) })}`),
};

// ---- approvals (four-eyes: a reward rule activation waits for a second person) ----

export const approvals = {
  list: (query = {}) => request(`/api/approvals?${new URLSearchParams(query)}`),
  approve: (id) => post(`/api/approvals/${enc(id)}/approve`),
  reject: (id) => post(`/api/approvals/${enc(id)}/reject`),
};

// ---- journeys (engine-journeys) ----

export const journeys = {
  list: () => request('/api/journeys'),
  get: (id) => request(`/api/journeys/${enc(id)}`),
  bpmn: (id, v) => text(`/api/journeys/${enc(id)}/versions/${v}/bpmn`, 'application/xml'),
  deploy: (xml) => request('/api/journeys', {
    method: 'POST', headers: { 'Content-Type': 'application/xml', ...xsrfHeaders() }, body: xml,
  }),
  pause: (id) => post(`/api/journeys/${enc(id)}/pause`),
  resume: (id) => post(`/api/journeys/${enc(id)}/resume`),
  migrate: (id, body) => post(`/api/journeys/${enc(id)}/migrations`, body),
  preview: (id, body) => post(`/api/journeys/${enc(id)}/preview`, body),
  experiments: (id) => request(`/api/journeys/${enc(id)}/experiments`),
  holidays: (year) => request(`/api/journeys/holidays${year ? `?year=${year}` : ''}`),
};

// ---- complaints, coupons (engine-journeys) ----

export const complaints = {
  queue: (statuses = [], limit = 100) => {
    const params = new URLSearchParams({ limit: String(limit) });
    statuses.forEach((s) => params.append('status', s));
    return request(`/api/complaints?${params}`);
  },
  get: (id) => request(`/api/complaints/${enc(id)}`),
};

export function customerJourneys(id) {
  return optional(request(`/api/customers/${enc(id)}/journeys`));
}

// ---- message templates (engine-messaging) ----

export const templates = {
  list: () => optional(request('/api/templates')),
  get: (key) => request(`/api/templates/${enc(key)}`),
  create: (body) => post('/api/templates', body),
  update: (key, body) => request(`/api/templates/${enc(key)}`, json('PUT', body)),
  preview: (key, body) => post(`/api/templates/${enc(key)}/preview`, body),
};

// ---- segments, RFM, lifecycle (data-customers) ----

export const segments = {
  list: () => optional(request('/api/segments')),
  get: (key) => request(`/api/segments/${enc(key)}`),
  create: (body) => post('/api/segments', body),
  update: (key, body) => request(`/api/segments/${enc(key)}`, json('PUT', body)),
  preview: (definition) => post('/api/segments/preview', { definition }),
};

export const analytics = {
  rfm: () => optional(request('/api/rfm/summary')),
  lifecycle: () => optional(request('/api/lifecycle/summary')),
  rfmSegments: () => optional(request('/api/rfm/segments')),
};
