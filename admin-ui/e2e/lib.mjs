// Browser test harness: Debian's Chromium driven by playwright-core, no browser download, no
// request leaving the machine. Each scenario gets a fresh profile and saves screenshots.

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.ENGAGE_CHROMIUM || '/usr/bin/chromium';
export const PASSWORD = 'engage-demo';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs fn({page, baseUrl, shot, log}) in a fresh browser; closes everything afterwards. */
export async function withBrowser({ baseUrl, screenshots, name, locale = 'zh-CN' }, fn) {
  const profile = mkdtempSync(join(tmpdir(), 'engage-ui-'));
  mkdirSync(screenshots, { recursive: true });
  const origin = new URL(baseUrl).origin;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1440, height: 900 },
    locale,
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: false,
  });
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('dialog', (d) => d.accept());
  page.setDefaultTimeout(15000);
  let n = 0;
  const shot = async (label) => {
    n += 1;
    const file = join(screenshots, `${name}-${String(n).padStart(2, '0')}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    log(`screenshot ${file}`);
  };
  const log = (msg) => console.log(`[${name}] ${msg}`);
  try {
    await fn({ page, baseUrl, shot, log, errors });
    if (blocked.length) log(`blocked requests to other hosts: ${[...new Set(blocked)].join(', ')}`);
  } catch (error) {
    await shot('failure').catch(() => {});
    if (errors.length) console.error(`[${name}] browser errors:\n  ${errors.join('\n  ')}`);
    throw error;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function login(page, baseUrl, username, hash = '') {
  await page.goto(`${baseUrl}/${hash}`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('username-display').filter({ hasText: username }).waitFor();
}

/** Fails with a clear message unless cond() becomes true within the time. */
export async function eventually(what, cond, { timeoutMs = 15000, intervalMs = 250 } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    try {
      last = await cond();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Calls the engine's API as a machine (the demo integration key) or with a user's basic auth. */
export async function apiCall(baseUrl, path, { method = 'GET', body, user, apiKey } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (apiKey) headers['X-API-Key'] = apiKey;
  if (user) headers.Authorization = `Basic ${Buffer.from(`${user}:${PASSWORD}`).toString('base64')}`;
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 500)}`);
  return json;
}

export function assert(cond, message) {
  if (!cond) throw new Error(`assertion failed: ${message}`);
}
