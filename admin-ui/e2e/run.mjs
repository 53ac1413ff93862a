// node e2e/run.mjs <baseUrl> <screenshotDir> [scenario...]  (default: every scenario)
// Runs the browser scenarios against a running engine; exits non-zero on the first failure.

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const SCENARIOS = ['marketer', 'service', 'business', 'templates', 'deploy-refused', 'dashboards'];
const [baseUrl, screenshots, ...wanted] = process.argv.slice(2);
if (!baseUrl || !screenshots) {
  console.error('usage: node e2e/run.mjs <baseUrl> <screenshotDir> [scenario...]');
  process.exit(2);
}
const chosen = wanted.length ? wanted : SCENARIOS;
let passed = 0;
for (const name of chosen) {
  const started = Date.now();
  const module = await import(pathToFileURL(resolve(import.meta.dirname, `${name}.mjs`)).href);
  try {
    await module.run({ baseUrl: baseUrl.replace(/\/$/, ''), screenshots: resolve(screenshots), name });
    passed += 1;
    console.log(`[${name}] passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`[${name}] FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error.stack || error}`);
    console.log(`${passed} passed, 1 failed`);
    process.exit(1);
  }
}
console.log(`${passed} passed, 0 failed`);
