// A look at every page as one user (not part of the test run): node e2e/smoke.mjs <baseUrl> <dir> <user> [locale]
import { login, withBrowser } from './lib.mjs';

const [baseUrl, screenshots, user = 'admin', locale = 'zh-CN'] = process.argv.slice(2);
await withBrowser({ baseUrl, screenshots, name: `smoke-${user}-${locale}`, locale }, async ({ page, shot }) => {
  await login(page, baseUrl, user);
  if (locale === 'en') await page.getByTestId('lang-en').click();
  const pages = await page.getByTestId('nav').locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of pages) {
    await page.goto(`${baseUrl}/${href}`);
    await page.waitForTimeout(2500);
    await shot(href.replace(/[#/]/g, ''));
  }
});
