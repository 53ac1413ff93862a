import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, getCustomer, getMe, getSink, login, logout, readCookie, searchCustomers } from '../src/api.js';

function respond(status, body, type = 'application/json') {
  return new Response(body == null ? null : JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

function stubFetch(...responses) {
  const fetchMock = vi.fn();
  for (const r of responses) fetchMock.mockResolvedValueOnce(r);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=ab%2Bc; b=2')).toBe('ab+c');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBeNull();
    expect(readCookie('XSRF-TOKEN', '')).toBeNull();
  });
});

describe('api', () => {
  it('returns the user, or null on 401', async () => {
    stubFetch(respond(200, { username: 'marketer', roles: ['MARKETER'] }), respond(401, { title: 'Unauthorized', status: 401 }, 'application/problem+json'));
    expect(await getMe()).toEqual({ username: 'marketer', roles: ['MARKETER'] });
    expect(await getMe()).toBeNull();
  });

  it('posts the login form with the XSRF header, then reads the user', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok123' });
    const me = { username: 'marketer', roles: ['MARKETER'] };
    const fetchMock = stubFetch(respond(200, me), respond(200, me));
    expect(await login('marketer', 'p&ss')).toEqual(me);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/login');
    expect(init.method).toBe('POST');
    expect(init.redirect).toBe('manual');
    expect(init.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok123');
    expect(init.body).toBe('username=marketer&password=p%26ss');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/me');
  });

  it('treats a redirect after login as success', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok' });
    const me = { username: 'admin', roles: ['ADMIN'] };
    stubFetch(
      new Response(null, { status: 302, headers: { Location: '/' } }), respond(200, me),
      { type: 'opaqueredirect', status: 0, ok: false }, respond(200, me));
    expect(await login('admin', 'x')).toEqual(me);
    expect(await login('admin', 'x')).toEqual(me);
  });

  it('returns null for wrong credentials and throws other failures', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok' });
    const fetchMock = stubFetch(
      respond(401, { title: 'Unauthorized', detail: 'Wrong username or password' }, 'application/problem+json'),
      respond(503, { title: 'Service Unavailable', detail: 'starting' }, 'application/problem+json'));
    expect(await login('marketer', 'wrong')).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(login('marketer', 'x')).rejects.toMatchObject({ status: 503, detail: 'starting' });
  });

  it('fetches /api/me first when there is no XSRF cookie yet', async () => {
    const jar = { cookie: '' };
    vi.stubGlobal('document', jar);
    const fetchMock = vi.fn()
      .mockImplementationOnce(async () => { jar.cookie = 'XSRF-TOKEN=fresh'; return respond(401, { title: 'Unauthorized' }); })
      .mockResolvedValueOnce(respond(200, { username: 'marketer', roles: [] }))
      .mockResolvedValueOnce(respond(200, { username: 'marketer', roles: [] }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await login('marketer', 'pw')).toEqual({ username: 'marketer', roles: [] });
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/me', '/login', '/api/me']);
    expect(fetchMock.mock.calls[1][1].headers['X-XSRF-TOKEN']).toBe('fresh');
  });

  it('logs out with the XSRF header', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok' });
    const fetchMock = stubFetch(new Response(null, { status: 204 }));
    await logout();
    expect(fetchMock.mock.calls[0][0]).toBe('/logout');
    expect(fetchMock.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBe('tok');
  });

  it('builds search and customer URLs', async () => {
    const fetchMock = stubFetch(respond(200, []), respond(200, { profile: { id: 'c/1' } }));
    await searchCustomers('王 芳', 20);
    await getCustomer('c/1');
    expect(fetchMock.mock.calls[0][0]).toBe('/api/customers?q=%E7%8E%8B+%E8%8A%B3&limit=20');
    expect(fetchMock.mock.calls[1][0]).toBe('/api/customers/c%2F1');
  });

  it('turns problem+json into an ApiError', async () => {
    stubFetch(respond(400, { title: 'Bad Request', status: 400, detail: 'limit too big', errors: [{ field: 'limit', reason: 'max 100' }] }, 'application/problem+json'));
    const error = await searchCustomers('', 1000).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, title: 'Bad Request', detail: 'limit too big', errors: [{ field: 'limit', reason: 'max 100' }] });
  });

  it('shows a non-JSON failure by its status text, without an HTML page as detail', async () => {
    stubFetch(new Response('<html>bad gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    await expect(getCustomer('c-1')).rejects.toMatchObject({ status: 502, title: 'Bad Gateway', detail: '' });
  });

  it('treats a missing sink as null', async () => {
    stubFetch(respond(404, { title: 'Not Found' }), respond(200, [{ recipient: 'a', text: 'x', at: '2024-01-01T00:00:00Z' }]));
    expect(await getSink('email')).toBeNull();
    expect(await getSink('sms')).toHaveLength(1);
  });
});
