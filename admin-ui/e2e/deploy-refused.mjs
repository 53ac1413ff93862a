// A marketer deploys a journey the browser's checks let through but the engine refuses (a timer
// date in words instead of an ISO-8601 date-time: the browser checks durations only): the engine's
// 422 names the element, and the modeler marks that element and lists the engine's reason.
// Nothing is deployed.

import { apiCall, assert, login, withBrowser } from './lib.mjs';

const TIMER = 'NoOrderIn3Days';

export async function run({ baseUrl, screenshots, name }) {
  const before = await apiCall(baseUrl, '/api/journeys/onboarding', { user: 'marketer' });
  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, log }) => {
    await login(page, baseUrl, 'marketer');
    const row = page.locator('[data-testid="journey-row"][data-journey="onboarding"]');
    await row.getByTestId('journey-edit').click();
    await page.locator('[data-testid="page-journeys"][data-ready="true"]').waitFor({ timeout: 30000 });
    await page.locator(`[data-element-id="${TIMER}"]`).first().click();
    const value = page.locator('#bio-properties-panel-timerEventDefinitionValue');
    if (!(await value.isVisible())) await page.locator('[data-group-id="group-timer"] .bio-properties-panel-group-header').click();
    await page.locator('#bio-properties-panel-timerEventDefinitionType').selectOption('timeDate');
    await value.fill('next Monday 9am');
    await value.press('Tab');
    await page.getByTestId('modeler-validate').click();
    await page.getByTestId('status').filter({ hasText: /校验通过|Valid/ }).waitFor();

    await page.getByTestId('modeler-deploy').click();
    const problem = page.locator(`[data-testid="modeler-problem"][data-element-id="${TIMER}"]`);
    await problem.waitFor({ timeout: 30000 });
    assert(/next Monday 9am.*ISO-8601/.test(await problem.textContent()), `the engine's reason is listed: ${await problem.textContent()}`);
    await page.locator(`[data-testid="problem-badge"][data-element-id="${TIMER}"]`).waitFor();
    assert((await page.getByTestId('deployed').count()) === 0, 'nothing was deployed');
    log(`refused by the engine: ${await problem.textContent()}`);
    await shot('engine-refusal-on-timer');
  });
  const after = await apiCall(baseUrl, '/api/journeys/onboarding', { user: 'marketer' });
  assert(after.versions.length === before.versions.length, 'no new version');
}
