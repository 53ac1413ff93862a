// A marketer opens the dashboards after a new customer registered and ordered: the points, messages
// and journey conversion charts are drawn from /api/dashboards (counted in the database), and the
// points chart redraws per week when the bucket changes.

import { apiCall, assert, eventually, login, withBrowser } from './lib.mjs';

const KEY = 'demo-integration-key';

export async function run({ baseUrl, screenshots, name }) {
  const run = Date.now().toString(36);
  const customer = `ui-dash-${run}`;
  const now = new Date().toISOString();
  await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [
    { eventId: `reg-${run}`, customerId: customer, type: 'customer.registered', occurredAt: now,
      data: { name: 'UI Dashboards Test', email: `${customer}@example.com`, preferredChannel: 'email' } },
    { eventId: `order-${run}`, customerId: customer, type: 'order.placed', occurredAt: now,
      data: { orderId: `o-${run}`, amount: '88.00' } },
  ] });
  // The dashboards count in the engine's calendar (Asia/Shanghai), as the browser below does.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const range = `from=${today}&to=${today}`;
  await eventually('points issued today', async () =>
    (await apiCall(baseUrl, `/api/dashboards/points?${range}`, { user: 'marketer' })).totals.issued >= 88);
  await eventually('a message today', async () =>
    (await apiCall(baseUrl, `/api/dashboards/messages?${range}`, { user: 'marketer' })).total > 0, { timeoutMs: 30000 });
  const journeys = await apiCall(baseUrl, '/api/dashboards/journeys', { user: 'marketer' });
  assert(journeys.journeys.some((j) => j.journey === 'onboarding' && j.entered > 0), 'onboarding counts entries');

  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, errors }) => {
    await login(page, baseUrl, 'marketer');
    await page.goto(`${baseUrl}/#/dashboards`);
    for (const chart of ['chart-points', 'chart-messages', 'chart-journeys']) {
      await page.locator(`[data-testid="${chart}"][data-rendered="true"]`).waitFor({ timeout: 30000 });
    }
    assert((await page.getByTestId('dash-to').inputValue()) === today, `the range ends today (${today})`);
    await shot('dashboards');
    await page.getByTestId('dash-bucket').selectOption('week');
    await page.locator('[data-testid="chart-points"][data-rendered="true"]').waitFor({ timeout: 30000 });
    // The 401 is the login page's first /api/me call, before logging in.
    const unexpected = errors.filter((e) => !e.includes('status of 401'));
    assert(!unexpected.length, `no browser errors: ${unexpected.join('; ')}`);
    await shot('dashboards-per-week');
  });
}
