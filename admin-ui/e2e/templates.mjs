// A marketer writes a message template (Chinese and English, as every template is) with a Liquid
// syntax error in the Chinese body: saving is refused, the error shows under that body on the line
// at fault (the line quoted, the cursor on it). Fixed, it saves as version 1; the test deletes it.

import { apiCall, assert, login, withBrowser } from './lib.mjs';

const BROKEN = '您好 {{ customer.name }}\n欢迎 {% if %}\n谢谢';
const FIXED = '您好 {{ customer.name }}\n欢迎{% if customer.tier == "GOLD" %}尊享会员{% endif %}\n谢谢';
const ENGLISH = 'Hello {{ customer.name }}\nWelcome!';

export async function run({ baseUrl, screenshots, name }) {
  const key = `ui-liquid-${Date.now().toString(36)}`;
  await withBrowser({ baseUrl, screenshots, name }, async ({ page, shot, log }) => {
    await login(page, baseUrl, 'marketer');
    await page.goto(`${baseUrl}/#/templates`);
    await page.getByTestId('template-new').click();
    await page.getByTestId('template-key').fill(key);
    await page.getByTestId('template-description').fill('UI test: a Liquid error on its line');
    await page.locator('[data-testid="variant-subject"][data-index="0"]').fill('欢迎');
    const body = page.locator('[data-testid="variant-text"][data-index="0"]');
    await body.fill(BROKEN);
    await page.getByTestId('template-variant-add').click();
    await page.locator('[data-testid="variant-subject"][data-index="1"]').fill('Welcome');
    await page.locator('[data-testid="variant-text"][data-index="1"]').fill(ENGLISH);
    await page.getByTestId('template-save').click();

    const error = page.locator('[data-testid="template-error"][data-index="0"][data-part="text"]');
    await error.waitFor();
    assert((await error.getAttribute('data-line')) === '2', `the error is on line 2: ${await error.textContent()}`);
    assert((await error.locator('code').textContent()) === '欢迎 {% if %}', 'the line at fault is quoted');
    assert(/第 2 行/.test(await error.textContent()), 'the error names its line');
    const selected = await body.evaluate((node) => node.value.slice(node.selectionStart, node.selectionEnd));
    assert(selected === '欢迎 {% if %}', `the cursor is on the line at fault: "${selected}"`);
    log(`refused: ${await error.textContent()}`);
    await shot('liquid-error-on-its-line');

    await body.fill(FIXED);
    await page.getByTestId('template-save').click();
    await page.getByTestId('status').filter({ hasText: `已保存: ${key} v1` }).waitFor();
    assert((await page.locator('[data-testid="template-error"]').count()) === 0, 'no error left after the fix');
    await page.locator('[data-testid="template-row"]').filter({ hasText: key }).waitFor();
    await shot('template-saved');
  });
  const saved = await apiCall(baseUrl, `/api/templates/${key}`, { user: 'marketer' });
  assert(saved.version === 1 && saved.variants.find((v) => v.locale === 'zh-CN').text === FIXED,
    'the fixed template is stored as version 1');
  await apiCall(baseUrl, `/api/templates/${key}`, { method: 'DELETE', user: 'marketer' });
}
