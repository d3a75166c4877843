import { describe, expect, it } from '@jest/globals';
import { fieldText, scrubbed } from './provider-http.js';

describe('provider words', () => {
  it('mask the person’s number in every form, and any other mobile number', () => {
    const text = scrubbed('Phone 84987654321 (0987654321, +84987654321) invalid; also 0912345678', '84987654321');
    expect(text).toBe('Phone 0987 *** 321 (0987 *** 321, 0987 *** 321) invalid; also 0912 *** 678');
  });

  it('keep other numbers and are cut when long', () => {
    expect(scrubbed('Error -108 at 1765414800123', null)).toBe('Error -108 at 1765414800123');
    expect(scrubbed('x'.repeat(500), null)).toHaveLength(300);
  });

  it('take only text and numbers from an answer', () => {
    expect(fieldText('100')).toBe('100');
    expect(fieldText(100)).toBe('100');
    expect(fieldText({ code: 1 })).toBe('');
    expect(fieldText(undefined)).toBe('');
  });
});
