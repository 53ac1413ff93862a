// A business user uploads an Excel decision table (7 points per yuan), sees a broken one refused
// at its row, simulates the draft over real orders (charts), activates it, and a new order earns
// points by it, visible with its explanation in the customer 360 ledger.

import { readFileSync } from 'node:fs';
import { apiCall, assert, eventually, login, withBrowser } from './lib.mjs';

const KEY = 'demo-integration-key';
const XLSX = new URL('./fixtures/points-7-per-yuan.xlsx', import.meta.url);
const CSV = new URL('./fixtures/points-7-per-yuan.csv', import.meta.url);

export async function run({ baseUrl, screenshots, name }) {
  const run = Date.now().toString(36);
  const customer = `ui-biz-${run}`;
  const now = new Date();
  const event = (id, type, data, at = now) => ({ eventId: `${id}-${run}`, customerId: customer, type, occurredAt: at.toISOString(), data });
  // An order in the simulated period, so the simulation has something to replay.
  await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [
    event('reg', 'customer.registered', { name: 'UI Test', email: `${customer}@example.com`, preferredChannel: 'email' }, new Date(now - 864e5)),
    event('o1', 'order.placed', { orderId: `o1-${run}`, amount: '120.00', lines: [{ sku: 'b-1', category: 'books', amount: '120.00', quantity: 1 }] }, new Date(now - 36e5)),
  ] });
  // The scenario starts from the shipped points rules (version 1) in force.
  if ((await apiCall(baseUrl, '/api/rules', { user: 'business' })).find((x) => x.ruleSet === 'points').activeVersion !== 1) {
    await apiCall(baseUrl, '/api/rules/points/versions/1/activate', { method: 'POST', user: 'business' });
  }
  const before = await apiCall(baseUrl, '/api/rules/points/versions', { user: 'business' });

  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, log }) => {
    await login(page, baseUrl, 'business');
    await page.getByTestId('page-rules').waitFor();
    await page.getByTestId('versions-table').waitFor();
    await shot('rules-workbench');

    // A table whose last row overlaps the Gold row is refused, naming its sheet row.
    const broken = readFileSync(CSV, 'utf8').replace('Plus,PLUS,7,2', 'Plus,PLUS,7,2\nGold again,GOLD,7,3');
    await page.getByTestId('upload-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByTestId('upload-submit').click();
    const error = page.getByTestId('upload-error').first();
    await error.waitFor();
    assert((await error.getAttribute('data-row')) === '14', `the overlap is reported at sheet row 14, got ${await error.getAttribute('data-row')}`);
    await page.locator('[data-testid="upload-cell-error"][data-row="14"][data-col="4"]').waitFor();
    await shot('upload-refused-at-row');

    await page.getByTestId('upload-file').setInputFiles(XLSX.pathname);
    await page.getByTestId('upload-comment').fill('7 points per yuan');
    await page.getByTestId('upload-submit').click();
    const draftRow = page.locator('[data-testid="version-row"][data-status="DRAFT"]').first();
    await eventually('the uploaded draft in the versions table', async () => (await page.getByTestId('status').textContent()).includes('v'));
    const version = Number(await eventually('the new draft version', async () => {
      const list = await apiCall(baseUrl, '/api/rules/points/versions', { user: 'business' });
      const created = list.find((v) => v.format === 'XLSX' && v.status === 'DRAFT' && !before.some((b) => b.version === v.version));
      return created?.version;
    }));
    await draftRow.waitFor();
    log(`uploaded as draft v${version}`);

    // The uploaded table opens in the grid; a value that is not a number is marked on its cell.
    await page.getByTestId('grid-source').filter({ hasText: `${version}` }).waitFor();
    const multiplier = page.locator('[data-testid="grid-cell"][data-row="2"][data-col="2"]');
    assert((await multiplier.inputValue()) === '1.5', 'the grid shows the uploaded Gold multiplier');
    await multiplier.fill('one and a half');
    await page.getByTestId('grid-save').click();
    await page.locator('td[data-error="true"] [data-testid="grid-cell"][data-row="2"][data-col="2"]').waitFor();
    await page.getByTestId('grid-editor').scrollIntoViewIfNeeded();
    await shot('grid-error-on-cell');

    assert((await page.getByTestId('sim-version').inputValue()) === String(version), 'the new draft is chosen for simulation');
    await page.getByTestId('sim-run').click();
    await page.getByTestId('sim-result').waitFor({ timeout: 30000 });
    await page.locator('[data-testid="sim-points-chart"][data-rendered="true"]').waitFor();
    const delta = await page.getByTestId('sim-delta').textContent();
    assert(/\+/.test(delta), `the draft issues more points than version 1 (delta ${delta})`);
    await page.getByTestId('sim-result').scrollIntoViewIfNeeded();
    await shot('simulation-report');

    await page.getByTestId('sim-activate').click();
    // A new reward rule version waits for a second person: the row shows the pending approval,
    // an admin approves it, and the version is in force.
    await page.locator(`[data-testid="version-row"][data-version="${version}"][data-approval="pending"]`).waitFor();
    await shot('pending-approval');
    const [approval] = await apiCall(baseUrl, `/api/approvals?status=PENDING&targetType=rule-set&targetId=points:v${version}`, { user: 'admin' });
    assert(approval?.requestedBy === 'business', `the pending approval of v${version}`);
    await apiCall(baseUrl, `/api/approvals/${approval.id}/approve`, { method: 'POST', user: 'admin' });
    await page.reload();
    await page.locator(`[data-testid="version-row"][data-version="${version}"][data-status="ACTIVE"]`).waitFor();
    await shot('activated');

    // The rule set swaps on every node within the refresh interval; then a new order earns by it.
    await eventually('the new version in force', async () => {
      const list = await apiCall(baseUrl, '/api/rules', { user: 'business' });
      return list.find((s) => s.ruleSet === 'points')?.activeVersion === version;
    });
    await new Promise((r) => setTimeout(r, 2500));
    await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [
      event('o2', 'order.placed', { orderId: `o2-${run}`, amount: '100.00', lines: [{ sku: 'f-1', category: 'fresh', amount: '100.00', quantity: 1 }] }),
    ] });
    await page.goto(`${baseUrl}/#/customers/${customer}`);
    const ledger = page.getByTestId('ledger-row').filter({ hasText: `o2-${run}` });
    await eventually('the order in the 360 ledger', async () => {
      await page.goto(`${baseUrl}/#/customers/${customer}?t=${Date.now()}`);
      await page.getByTestId('panel-points').waitFor();
      return (await ledger.count()) > 0;
    }, { timeoutMs: 20000, intervalMs: 1000 });
    const text = await ledger.first().textContent();
    assert(text.includes('+700') && text.includes('base 700') && text.includes(`v${version}`), `earned by v${version}: ${text}`);
    await page.getByTestId('panel-points').scrollIntoViewIfNeeded();
    await shot('order-earned-by-new-rules');

    // History shows the activation with its diff; rolling back brings version 1 back.
    await page.goto(`${baseUrl}/#/rules/points`);
    await page.locator(`[data-testid="audit-row"][data-action="activated"][data-version="${version}"]`).getByTestId('show-diff').click();
    assert((await page.getByTestId('diff-view').textContent()).includes('new BigDecimal("7")'), 'the diff shows the uploaded rules');
    await page.getByTestId('rollback').click();
    await page.locator('[data-testid="version-row"][data-version="1"][data-status="ACTIVE"]').waitFor({ timeout: 30000 });
    await page.getByTestId('rule-history').scrollIntoViewIfNeeded();
    await shot('history-diff-and-rollback');
  });
}
