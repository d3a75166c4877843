import { describe, expect, it } from '@jest/globals';
import {
  DATE_TO_FILL_BY_HAND,
  partyDate,
  partyMonth,
  placeAndDateLine,
  vietnamCalendarDayOf,
} from './party-date.js';

describe('Party document dates (Hướng dẫn 36-HD/VPTW)', () => {
  it('pads days below 10 and the months 1 and 2, and no other month', () => {
    expect(partyDate('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(partyDate('2026-02-09')).toBe('ngày 09 tháng 02 năm 2026');
    expect(partyDate('2026-03-10')).toBe('ngày 10 tháng 3 năm 2026');
    expect(partyDate('2026-09-01')).toBe('ngày 01 tháng 9 năm 2026');
    expect(partyDate('2026-12-31')).toBe('ngày 31 tháng 12 năm 2026');
    expect(partyDate('2028-02-29')).toBe('ngày 29 tháng 02 năm 2028');
  });

  it('refuses what is not a calendar day rather than printing a wrong date', () => {
    expect(() => partyDate('2026-02-29')).toThrow();
    expect(() => partyDate('2026-13-01')).toThrow();
    expect(() => partyDate('5/1/2026')).toThrow();
    expect(() => partyDate('2026-01-05T08:00:00Z')).toThrow();
  });

  it('writes the place and date line, or leaves the numbers to fill by hand', () => {
    expect(placeAndDateLine('Na Hối', '2026-01-05')).toBe('Na Hối, ngày 05 tháng 01 năm 2026');
    expect(placeAndDateLine('Na Hối', null)).toBe('Na Hối, ngày … tháng … năm 20…');
    expect(DATE_TO_FILL_BY_HAND).toBe('ngày … tháng … năm 20…');
  });

  it('names the month of a subject line with the same rule', () => {
    expect(partyMonth('2026-12-05')).toBe('tháng 12 năm 2026');
    expect(partyMonth('2027-01-20')).toBe('tháng 01 năm 2027');
    expect(partyMonth('2027-06-20')).toBe('tháng 6 năm 2027');
  });

  it('counts the calendar day in Vietnam, where a late evening UTC is already the next day', () => {
    expect(vietnamCalendarDayOf('2026-12-31T16:59:59.999Z')).toBe('2026-12-31');
    expect(vietnamCalendarDayOf('2026-12-31T17:00:00.000Z')).toBe('2027-01-01');
    expect(vietnamCalendarDayOf('2026-12-31T23:30:00.000Z')).toBe('2027-01-01');
    expect(vietnamCalendarDayOf('2028-02-28T18:00:00.000Z')).toBe('2028-02-29');
    expect(vietnamCalendarDayOf('2028-02-29T17:00:00.000Z')).toBe('2028-03-01');
    expect(vietnamCalendarDayOf('2026-01-05T08:00:00+07:00')).toBe('2026-01-05');
    expect(() => vietnamCalendarDayOf('tomorrow')).toThrow();
  });
});
