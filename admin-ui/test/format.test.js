import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatDateTime, formatNumber, formatPoints } from '../src/format.js';

describe('formatAmount', () => {
  it('formats CNY in zh-CN and en', () => {
    expect(formatAmount(120, 'CNY', 'zh-CN')).toBe('¥120.00');
    expect(formatAmount(120, 'CNY', 'en')).toBe('CN¥120.00');
  });

  it('accepts numeric strings and groups thousands', () => {
    expect(formatAmount('1234.5', 'CNY', 'zh-CN')).toBe('¥1,234.50');
    expect(formatAmount(1234.5, 'USD', 'en')).toBe('$1,234.50');
  });

  it('handles a missing or unknown currency and missing amounts', () => {
    expect(formatAmount(1234.5, undefined, 'en')).toBe('1,234.50');
    expect(formatAmount(5, 'NOPE1', 'en')).toBe('5.00 NOPE1');
    expect(formatAmount(undefined, 'CNY', 'en')).toBe('');
    expect(formatAmount('abc', 'CNY', 'en')).toBe('abc');
  });
});

describe('numbers and points', () => {
  it('signs point deltas', () => {
    expect(formatPoints(240, 'zh-CN')).toBe('+240');
    expect(formatPoints(-50, 'en')).toBe('-50');
    expect(formatPoints(0, 'en')).toBe('0');
  });

  it('groups balances', () => {
    expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
  });
});

describe('formatDateTime', () => {
  const iso = '2024-05-01T08:30:05Z';

  it('formats an instant in zh-CN', () => {
    expect(formatDateTime(iso, 'zh-CN', 'UTC')).toBe('2024/05/01 08:30:05');
  });

  it('formats an instant in en', () => {
    expect(formatDateTime(iso, 'en', 'UTC')).toBe('05/01/2024, 08:30:05');
  });

  it('applies the time zone', () => {
    expect(formatDateTime(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2024/05/01 16:30:05');
    expect(formatDateTime('2024-05-01T08:30:05+08:00', 'zh-CN', 'UTC')).toBe('2024/05/01 00:30:05');
  });

  it('keeps unparsable input and blanks empty input', () => {
    expect(formatDateTime('not a date', 'en', 'UTC')).toBe('not a date');
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDateTime('', 'en')).toBe('');
  });
});

describe('formatDate', () => {
  it('formats a calendar date without shifting it', () => {
    expect(formatDate('1990-05-01', 'zh-CN')).toBe('1990年5月1日');
    expect(formatDate('1990-05-01', 'en')).toBe('May 1, 1990');
  });
});
