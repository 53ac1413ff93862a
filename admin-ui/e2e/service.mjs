// A service manager changes one SLA in the escalation grid (HIGH x BASIC x APP), activates it, and
// a complaint opened afterwards (through the events API) gets the new SLA in the complaint queue.

import { apiCall, assert, eventually, login, withBrowser } from './lib.mjs';

const KEY = 'demo-integration-key';
const CELL = 'HIGH|BASIC|APP';

export async function run({ baseUrl, screenshots, name }) {
  const run = Date.now().toString(36);
  const customer = `ui-svc-${run}`;
  const complaint = `CMP-UI-${run}`;
  await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [{
    eventId: `reg-${run}`, customerId: customer, type: 'customer.registered', occurredAt: new Date().toISOString(),
    data: { name: 'UI Service Test', email: `${customer}@example.com`, preferredChannel: 'email' },
  }] });

  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, log }) => {
    await login(page, baseUrl, 'service');
    await page.getByTestId('page-escalation').waitFor();
    const sla = page.locator(`[data-testid="esc-sla"][data-key="${CELL}"]`);
    await sla.waitFor();
    const before = Number(await sla.inputValue());
    const hours = before === 5 ? 6 : 5;
    await shot('escalation-grid');

    // Inline validation: a bad value is marked on its cell and nothing can be saved.
    await sla.fill('0');
    await page.locator(`[data-testid="esc-sla"][data-key="${CELL}"][data-error="true"]`).waitFor();
    await page.getByTestId('esc-errors').filter({ hasText: /1/ }).waitFor();
    await shot('inline-validation');

    await sla.fill(String(hours));
    await page.getByTestId('esc-comment').fill(`HIGH BASIC APP ${before}h -> ${hours}h`);
    await page.getByTestId('esc-save-activate').click();
    await page.getByTestId('status').filter({ hasText: /已启用|is active/ }).waitFor({ timeout: 90000 });
    const active = (await apiCall(baseUrl, '/api/rules', { user: 'service' })).find((s) => s.ruleSet === 'escalation').activeVersion;
    log(`SLA ${CELL}: ${before}h -> ${hours}h, escalation v${active} active`);
    await page.locator(`[data-testid="version-row"][data-version="${active}"][data-status="ACTIVE"]`).waitFor();
    await page.locator('[data-testid="audit-row"][data-action="activated"]').first().getByTestId('show-diff').click();
    await page.getByTestId('diff-view').waitFor();
    const diff = await page.getByTestId('diff-view').textContent();
    assert(diff.includes(`start(drools.getRule().getName(), ${hours}, 1)`), 'the diff shows the new SLA');
    await page.getByTestId('diff-view').scrollIntoViewIfNeeded();
    await shot('activated-with-diff');

    // Every node swaps rule sets within the refresh interval; then a new complaint is decided by it.
    await new Promise((r) => setTimeout(r, 2500));
    await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [{
      eventId: `cmp-${run}`, customerId: customer, type: 'complaint.opened', occurredAt: new Date().toISOString(),
      data: { complaintId: complaint, severity: 'HIGH', channel: 'APP', description: 'parcel late' },
    }] });
    const decided = await eventually('the complaint decided', async () => {
      const c = await apiCall(baseUrl, `/api/complaints/${complaint}`, { user: 'service' });
      return c.slaHours != null ? c : null;
    }, { timeoutMs: 30000, intervalMs: 500 });
    assert(decided.slaHours === hours, `the new complaint has the new SLA ${hours}h, got ${decided.slaHours}h`);
    assert(decided.decision?.ruleSetVersion === String(active), `decided by escalation v${active}, got ${decided.decision?.ruleSetVersion}`);

    await page.getByTestId('nav-complaints').click();
    const row = page.locator(`[data-testid="complaint-queue-row"][data-complaint-id="${complaint}"]`);
    await eventually('the complaint in the queue', async () => {
      await page.getByTestId('complaints-refresh').click();
      return (await row.count()) > 0;
    });
    const left = await row.getByTestId('time-left').textContent();
    assert(left.includes(`${hours - 1}`) || left.includes(`${hours}`), `time left about ${hours} h: ${left}`);
    await shot('complaint-queue');
    await row.click();
    await page.getByTestId('complaint-sla-hours').filter({ hasText: String(hours) }).waitFor();
    await page.getByTestId('complaint-decision').filter({ hasText: `v${active}` }).waitFor();
    await page.getByTestId('complaint-detail').scrollIntoViewIfNeeded();
    await shot('complaint-detail');
  });
}
