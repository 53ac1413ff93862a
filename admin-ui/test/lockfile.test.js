import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm ci` must work from the committed lockfile with no address of any other host in it: the
// registry is configured on the machine (.npmrc omits resolved URLs), and funding links are
// stripped by `npm run lockfile:clean` after an install.
describe('package-lock.json', () => {
  const text = readFileSync(new URL('../package-lock.json', import.meta.url), 'utf8');

  it('holds no URL', () => {
    expect(text.match(/https?:\/\/[^"\s]+/g) ?? []).toEqual([]);
  });

  it('holds no resolved download address', () => {
    expect(text).not.toContain('"resolved"');
  });
});
