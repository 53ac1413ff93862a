// A marketer opens the onboarding journey in the modeler, changes the wait before the first-order
// reminder (a timer's duration, in the properties panel), validates and deploys it, and sees the
// new version in the journey list. A customer waiting in the old version shows on its diagram, is
// migrated to the new version, and a preview on the virtual clock shows the new wait.

import { apiCall, assert, eventually, login, withBrowser } from './lib.mjs';

const KEY = 'demo-integration-key';
const TIMER = 'NoOrderIn3Days';

export async function run({ baseUrl, screenshots, name }) {
  const run = Date.now().toString(36);
  const waiting = `ui-mkt-${run}`;
  await apiCall(baseUrl, '/api/events', { method: 'POST', apiKey: KEY, body: [{
    eventId: `reg-${run}`, customerId: waiting, type: 'customer.registered', occurredAt: new Date().toISOString(),
    data: { name: 'UI Marketer Test', email: `${waiting}@example.com`, preferredChannel: 'email' },
  }] });
  const before = await apiCall(baseUrl, '/api/journeys/onboarding', { user: 'marketer' });
  const latest = before.latestVersion;
  // The new customer waits in the current version: at the timer once the welcome is sent.
  await eventually(`the new customer waiting at ${TIMER} in v${latest}`, async () => {
    const o = await apiCall(baseUrl, '/api/journeys/onboarding', { user: 'marketer' });
    const elements = o.versions.find((v) => v.version === latest)?.elements || [];
    return elements.some((e) => e.elementId === TIMER && e.instances > 0);
  }, { timeoutMs: 60000, intervalMs: 500 });
  const waitingAt = TIMER;
  const xml = await (await fetch(`${baseUrl}/api/journeys/onboarding/versions/${latest}/bpmn`, {
    headers: { Authorization: `Basic ${Buffer.from('marketer:engage-demo').toString('base64')}` },
  })).text();
  const wait = /<bpmn:timeDuration[^>]*>([^<]+)<\/bpmn:timeDuration>/.exec(xml)?.[1];
  const changed = wait === 'P2D' ? 'P4D' : 'P2D';

  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, log }) => {
    await login(page, baseUrl, 'marketer');
    const row = page.locator('[data-testid="journey-row"][data-journey="onboarding"]');
    await row.waitFor();
    await shot('journey-list');

    await row.getByTestId('journey-edit').click();
    await page.locator('[data-testid="page-journeys"][data-ready="true"]').waitFor({ timeout: 30000 });
    await page.locator(`[data-element-id="${TIMER}"]`).first().click();
    const value = page.locator('#bio-properties-panel-timerEventDefinitionValue');
    if (!(await value.isVisible())) await page.locator('[data-group-id="group-timer"] .bio-properties-panel-group-header').click();
    assert((await value.inputValue()) === wait, `the timer shows the deployed wait ${wait}`);
    await shot('modeler-timer-selected');
    // A wait that is not an ISO-8601 duration is marked on the timer and not deployed.
    await value.fill('3 days');
    await value.press('Tab');
    await page.getByTestId('modeler-validate').click();
    await page.locator(`[data-testid="problem-badge"][data-element-id="${TIMER}"]`).waitFor();
    await page.locator(`[data-testid="modeler-problem"][data-element-id="${TIMER}"]`).waitFor();
    await shot('validation-error-on-timer');

    await value.fill(changed);
    await value.press('Tab');
    log(`changed the wait from ${wait} to ${changed}`);

    await page.getByTestId('modeler-validate').click();
    await page.getByTestId('status').filter({ hasText: /校验通过|Valid/ }).waitFor();
    await page.getByTestId('modeler-deploy').click();
    const deployed = page.getByTestId('deployed');
    await deployed.waitFor({ timeout: 30000 });
    const version = Number(await deployed.getAttribute('data-version'));
    assert(version === latest + 1, `deployed as version ${latest + 1}, got ${version}`);
    await shot('deployed');

    await page.goto(`${baseUrl}/#/journeys`);
    await eventually(`version ${version} in the journey list`, async () =>
      (await row.getAttribute('data-latest-version')) === String(version));
    assert((await row.getByTestId('journey-latest').textContent()) === `v${version}`, 'the list shows the new version');
    await shot('journey-list-new-version');

    // Pause: no new customer enters; resume.
    await row.getByTestId('journey-pause').click();
    await row.locator('.status-paused').waitFor();
    await shot('journey-paused');
    await row.getByTestId('journey-resume').click();
    await row.locator('.status-active').waitFor();

    // The customer waiting in the old version, on its diagram; then moved to the new version.
    await page.goto(`${baseUrl}/#/journeys/onboarding?v=${latest}`);
    await page.locator(`[data-testid="live-count"][data-element-id="${waitingAt}"]`).waitFor();
    await shot('old-version-live-counts');
    assert((await page.getByTestId('migrate-to').inputValue()) === String(version), 'migrating to the new version');
    await page.locator(`[data-testid="migrate-target"][data-source="${waitingAt}"]`).waitFor();
    assert((await page.locator(`[data-testid="migrate-target"][data-source="${waitingAt}"]`).inputValue()) === waitingAt, 'mapped to the same element');
    await page.getByTestId('migrate-run').click();
    await page.getByTestId('status').filter({ hasText: /已迁移 [1-9]|[1-9]\d* migrated/ }).waitFor({ timeout: 30000 });
    log(`migration: ${await page.getByTestId('status').textContent()}`);
    await page.goto(`${baseUrl}/#/journeys/onboarding?v=${version}`);
    await page.locator(`[data-testid="live-count"][data-element-id="${waitingAt}"]`).waitFor();
    await shot('new-version-live-counts');

    // Preview: the new wait on the virtual clock, nothing sent.
    await page.getByTestId('preview-customer').fill(waiting);
    await page.getByTestId('preview-days').fill('12');
    await page.getByTestId('preview-run').click();
    const timerRow = page.getByTestId('preview-row').filter({ hasText: TIMER });
    await timerRow.first().waitFor({ timeout: 30000 });
    const after = await timerRow.first().locator('td').first().textContent();
    assert(after.startsWith(changed === 'P2D' ? '2d' : '4d'), `the timer fires after ${changed}: ${after}`);
    await page.getByTestId('preview-timeline').scrollIntoViewIfNeeded();
    await shot('preview-timeline');
  });

  const deployedXml = await (await fetch(`${baseUrl}/api/journeys/onboarding/versions/${latest + 1}/bpmn`, {
    headers: { Authorization: `Basic ${Buffer.from('marketer:engage-demo').toString('base64')}` },
  })).text();
  assert(deployedXml.includes(`>${changed}</bpmn:timeDuration>`), `version ${latest + 1} waits ${changed}`);
  assert(before.versions.length + 1 === (await apiCall(baseUrl, '/api/journeys/onboarding', { user: 'marketer' })).versions.length,
    'exactly one new version');
}
