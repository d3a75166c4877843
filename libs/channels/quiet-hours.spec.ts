import { describe, expect, it } from '@jest/globals';
import { isQuiet, nextSendableAt } from './quiet-hours.js';

const NIGHT = { startMinute: 21 * 60, endMinute: 6 * 60 };
/** An instant given in Vietnam time, written independently of the module with the +07:00 offset. */
const vn = (local: string) => Date.parse(`${local}+07:00`);

describe('quiet hours on a fixed clock', () => {
  it('lets a message through in the day', () => {
    expect(nextSendableAt(vn('2026-12-07T14:30:00'), NIGHT)).toBe(vn('2026-12-07T14:30:00'));
    expect(nextSendableAt(vn('2026-12-07T20:59:59'), NIGHT)).toBe(vn('2026-12-07T20:59:59'));
    expect(nextSendableAt(vn('2026-12-07T06:00:00'), NIGHT)).toBe(vn('2026-12-07T06:00:00'));
  });

  it('holds an evening message until 06:00 the next morning', () => {
    expect(isQuiet(vn('2026-12-07T21:00:00'), NIGHT)).toBe(true);
    expect(nextSendableAt(vn('2026-12-07T21:00:00'), NIGHT)).toBe(vn('2026-12-08T06:00:00'));
    expect(nextSendableAt(vn('2026-12-07T23:59:30'), NIGHT)).toBe(vn('2026-12-08T06:00:00'));
  });

  it('holds a message after midnight until 06:00 the same day', () => {
    expect(nextSendableAt(vn('2026-12-08T00:00:00'), NIGHT)).toBe(vn('2026-12-08T06:00:00'));
    expect(nextSendableAt(vn('2026-12-08T05:59:59'), NIGHT)).toBe(vn('2026-12-08T06:00:00'));
  });

  it('crosses a month and a year end', () => {
    expect(nextSendableAt(vn('2026-12-31T22:15:00'), NIGHT)).toBe(vn('2027-01-01T06:00:00'));
  });

  it('handles a window inside one day, and none', () => {
    const lunch = { startMinute: 11 * 60 + 30, endMinute: 13 * 60 };
    expect(nextSendableAt(vn('2026-12-07T12:00:00'), lunch)).toBe(vn('2026-12-07T13:00:00'));
    expect(nextSendableAt(vn('2026-12-07T13:00:00'), lunch)).toBe(vn('2026-12-07T13:00:00'));
    expect(nextSendableAt(vn('2026-12-07T23:00:00'), null)).toBe(vn('2026-12-07T23:00:00'));
  });
});
