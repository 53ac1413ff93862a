// @vitest-environment jsdom
// Which versions the rules workbench offers as Excel/CSV downloads.

import { describe, expect, it } from 'vitest';
import { hasTableForm } from '../src/views/rule-versions.js';

describe('hasTableForm', () => {
  it('offers tables and grids in their table forms', () => {
    for (const format of ['GRID', 'CSV', 'XLSX']) {
      expect(hasTableForm('referral', { version: 4, format })).toBe(true);
    }
  });

  it('offers the shipped points and tiers (DRL, version 1) as the grids they ship as', () => {
    expect(hasTableForm('points', { version: 1, format: 'DRL' })).toBe(true);
    expect(hasTableForm('tiers', { version: 1, format: 'DRL' })).toBe(true);
  });

  it('offers no table for other DRL versions', () => {
    expect(hasTableForm('points', { version: 2, format: 'DRL' })).toBe(false);
    expect(hasTableForm('escalation', { version: 1, format: 'DRL' })).toBe(false);
  });
});
