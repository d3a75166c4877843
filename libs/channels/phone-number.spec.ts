import { describe, expect, it } from '@jest/globals';
import { maskEmail, maskPhone, normalisePhone } from './phone-number.js';

describe('phone numbers', () => {
  it.each([
    ['0912345678', '84912345678'],
    ['0912 345 678', '84912345678'],
    ['+84 912 345 678', '84912345678'],
    ['84-912.345.678', '84912345678'],
    ['0387654321', '84387654321'],
  ])('stores %s as %s', (input, stored) => {
    expect(normalisePhone(input)).toBe(stored);
  });

  it.each(['091234567', '09123456789', '0212345678', '+1 912 345 678', 'không có', ''])('refuses %s', (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it('masks all but the prefix and the last three digits', () => {
    const masked = maskPhone('84912345678');
    expect(masked).toBe('0912 *** 678');
    expect(masked).not.toContain('345');
  });

  it('masks an email address but keeps its domain', () => {
    expect(maskEmail('nguyen.van.a@gmail.com')).toBe('ng***@gmail.com');
    expect(maskEmail('a@x.vn')).toBe('a***@x.vn');
  });
});
