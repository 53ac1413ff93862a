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
export async function getSink(channel) {
  try {
    return await request(`/api/sinks/${encodeURIComponent(channel)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
