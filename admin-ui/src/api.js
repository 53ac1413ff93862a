// All calls to the engine's API (same origin, session cookie).

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

async function parseBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: text };
  }
}

async function request(path, init = {}) {
  const response = await fetch(path, {
    credentials: 'same-origin',
    ...init,
    headers: { Accept: 'application/json, application/problem+json', ...(init.headers || {}) },
  });
  const body = await parseBody(response);
  if (!response.ok) throw new ApiError(response.status, body || {});
  return body;
}

/** The logged-in user, or null when not logged in (the 401 also sets the XSRF-TOKEN cookie). */
export async function getMe() {
  try {
    return await request('/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/** Logs in; returns the user, or null for wrong credentials. */
export async function login(username, password) {
  try {
    return await request('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...xsrfHeaders() },
      body: new URLSearchParams({ username, password }).toString(),
    });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export async function logout() {
  await request('/logout', { method: 'POST', headers: xsrfHeaders() });
}

export function searchCustomers(q, limit = 20) {
  const params = new URLSearchParams({ q: q ?? '', limit: String(limit) });
  return request(`/api/customers?${params}`);
}

export function getCustomer(id) {
  return request(`/api/customers/${encodeURIComponent(id)}`);
}

/** Messages captured by the embedded sink; null when the sink is not in use (404). */
export async function getSink(channel) {
  try {
    return await request(`/api/sinks/${encodeURIComponent(channel)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
