import { describe, expect, it } from 'vitest';
import { lineRange, lineText, templateErrors } from '../src/template-errors.js';

describe('template errors from the engine', () => {
  it('put a Liquid error on its variant, part and line', () => {
    expect(templateErrors([
      { field: 'variants[1].text', reason: 'unexpected end of tag', line: 2, column: 10 },
      { field: 'variants[0].subject', reason: 'is longer than 2000 characters' },
      { field: 'fallbackLocale', reason: 'must be one of [zh-CN, en]' },
    ])).toEqual({
      parts: [
        { index: 1, part: 'text', reason: 'unexpected end of tag', line: 2, column: 10 },
        { index: 0, part: 'subject', reason: 'is longer than 2000 characters', line: null, column: null },
      ],
      other: [{ field: 'fallbackLocale', reason: 'must be one of [zh-CN, en]' }],
    });
    expect(templateErrors(undefined)).toEqual({ parts: [], other: [] });
  });

  it('quote and select the line at fault', () => {
    const text = '您好 {{ customer.name }}\r\n{% if %}VIP\nbye';
    expect(lineText(text, 2)).toBe('{% if %}VIP');
    expect(lineText(text, 9)).toBe('');
    const { start, end } = lineRange('ab\ncde\nf', 2);
    expect('ab\ncde\nf'.slice(start, end)).toBe('cde');
    expect(lineRange('ab', 5)).toEqual({ start: 0, end: 2 });
  });
});
