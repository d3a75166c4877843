import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  EARLIEST_MS,
  LATEST_MS,
  LIST_LIMITS,
  MAX_MEMBERS,
  TEXT_LIMITS,
  hasOwn,
  isCalendarDate,
  isDisplayName,
  isMemberCount,
  isMultipleOf,
  isRecord,
  isScorePoints,
  isScoreSheet,
  isStorableString,
  isText,
  isTextList,
  isUuid,
  parseOffsetDateTime,
  vietnamDate,
} from './input-bounds.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Days in a month by the Gregorian rule, written out here rather than asked of Date. */
function gregorianDays(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** What PostgreSQL (UTF-8) gets back from a string: lone surrogates do not survive the encoding. */
const survivesUtf8 = (value: string) => new TextDecoder().decode(new TextEncoder().encode(value)) === value;

describe('the product range', () => {
  it('is [2000-01-01, 2100-01-01) UTC', () => {
    expect(EARLIEST_MS).toBe(946_684_800_000);
    expect(LATEST_MS - EARLIEST_MS).toBe((100 * 365 + 25) * 24 * HOUR);
  });
});

describe('parseOffsetDateTime: real ISO 8601 times with an offset', () => {
  it.each([
    ['2026-12-05T08:00:00+07:00', Date.UTC(2026, 11, 5, 8, 0, 0) - 7 * HOUR],
    ['2026-12-05T08:00+07:00', Date.UTC(2026, 11, 5, 8, 0) - 7 * HOUR],
    ['2026-12-05T01:00:00Z', Date.UTC(2026, 11, 5, 1, 0, 0)],
    ['2026-12-05T01:00Z', Date.UTC(2026, 11, 5, 1, 0)],
    ['2026-12-05T01:00:00+00:00', Date.UTC(2026, 11, 5, 1, 0, 0)],
    ['2026-12-05T01:00:00-00:00', Date.UTC(2026, 11, 5, 1, 0, 0)],
    ['2026-03-10T09:15:30.5-05:30', Date.UTC(2026, 2, 10, 9, 15, 30, 500) + 5 * HOUR + 30 * MINUTE],
    ['2026-01-01T05:00:00+14:00', Date.UTC(2026, 0, 1, 5, 0, 0) - 14 * HOUR],
    ['2026-02-28T20:00:00-12:00', Date.UTC(2026, 1, 28, 20, 0, 0) + 12 * HOUR],
    ['2026-06-30T23:59:59-14:00', Date.UTC(2026, 5, 30, 23, 59, 59) + 14 * HOUR],
    ['2026-07-01T12:30:00+05:45', Date.UTC(2026, 6, 1, 12, 30, 0) - 5 * HOUR - 45 * MINUTE],
    ['2026-06-30T23:59:59.1Z', Date.UTC(2026, 5, 30, 23, 59, 59, 100)],
    ['2026-06-30T23:59:59.12Z', Date.UTC(2026, 5, 30, 23, 59, 59, 120)],
    ['2026-06-30T23:59:59.123Z', Date.UTC(2026, 5, 30, 23, 59, 59, 123)],
    ['2026-06-30T23:59:59.123456Z', Date.UTC(2026, 5, 30, 23, 59, 59, 123)],
    ['2026-06-30T23:59:59.123456789Z', Date.UTC(2026, 5, 30, 23, 59, 59, 123)],
    ['2026-06-30T23:59:59.000000001+07:00', Date.UTC(2026, 5, 30, 23, 59, 59) - 7 * HOUR],
    ['2028-02-29T12:00:00+07:00', Date.UTC(2028, 1, 29, 12, 0, 0) - 7 * HOUR],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2026-01-31T23:59:59Z', Date.UTC(2026, 0, 31, 23, 59, 59)],
    ['2026-12-31T00:00:00Z', Date.UTC(2026, 11, 31)],
  ])('%s is its instant', (text, epoch) => {
    expect(parseOffsetDateTime(text)).toBe(epoch);
  });

  it.each([
    ['30 February', '2027-02-30T08:00:00+07:00'],
    ['29 February of a common year', '2026-02-29T08:00:00+07:00'],
    ['29 February of 2100 (not a leap year)', '2100-02-29T00:00:00Z'],
    ['31 April', '2026-04-31T08:00:00Z'],
    ['month 13', '2026-13-01T08:00:00Z'],
    ['month 00', '2026-00-10T08:00:00Z'],
    ['day 00', '2026-01-00T08:00:00Z'],
    ['day 32', '2026-01-32T08:00:00Z'],
    ['hour 24', '2026-01-05T24:00:00Z'],
    ['hour 24 without seconds', '2026-01-05T24:00Z'],
    ['minute 60', '2026-01-05T23:60:00Z'],
    ['second 60 (leap second)', '2026-01-05T23:59:60Z'],
    ['offset +15:00', '2026-01-05T08:00:00+15:00'],
    ['offset -15:00', '2026-01-05T08:00:00-15:00'],
    ['offset +99:00', '2026-01-05T08:00:00+99:00'],
    ['offset minutes 60', '2026-01-05T08:00:00+07:60'],
    ['offset minutes 99', '2026-01-05T08:00:00-05:99'],
    ['no offset at all', '2026-01-05T08:00:00'],
    ['no offset, no seconds', '2026-01-05T08:00'],
    ['a date alone', '2026-01-05'],
    ['hours alone', '2026-01-05T08Z'],
    ['ten fraction digits', '2026-01-05T08:00:00.1234567890Z'],
    ['an empty fraction', '2026-01-05T08:00:00.Z'],
    ['a fraction without seconds', '2026-01-05T08:00.5Z'],
    ['a space for T', '2026-01-05 08:00:00Z'],
    ['an offset without colon', '2026-01-05T08:00:00+0700'],
    ['an offset in hours only', '2026-01-05T08:00:00+07'],
    ['one-digit month', '2026-1-05T08:00:00Z'],
    ['a leading space', ' 2026-01-05T08:00:00Z'],
    ['a trailing space', '2026-01-05T08:00:00Z '],
    ['a trailing newline', '2026-01-05T08:00:00Z\n'],
    ['an expanded year', '+002026-01-05T08:00:00Z'],
    ['non-ASCII digits', '٢٠٢٦-01-05T08:00:00Z'],
    ['the year 0000', '0000-01-01T00:00:00Z'],
    ['the year 9999', '9999-12-31T00:00:00Z'],
    ['the year 1970', '1970-01-01T00:00:00Z'],
    ['an empty string', ''],
    ['a word', 'tomorrow'],
  ])('refuses %s (%j)', (_label, text) => {
    expect(parseOffsetDateTime(text)).toBeNull();
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['an epoch number', Date.UTC(2026, 0, 5)],
    ['a Date', new Date(Date.UTC(2026, 0, 5))],
    ['an object', {}],
    ['an array holding a time', ['2026-01-05T08:00:00Z']],
    ['a String object', new String('2026-01-05T08:00:00Z')],
  ])('refuses %s', (_label, value) => {
    expect(parseOffsetDateTime(value)).toBeNull();
  });

  describe('at the edges of [2000, 2100)', () => {
    it.each([
      ['1999-12-31T23:59:59Z', null],
      ['1999-12-31T23:59:59.999Z', null],
      ['2000-01-01T00:00:00Z', Date.UTC(2000, 0, 1)],
      ['2000-01-01T00:00Z', Date.UTC(2000, 0, 1)],
      ['2099-12-31T23:59:59Z', Date.UTC(2099, 11, 31, 23, 59, 59)],
      ['2099-12-31T23:59:59.999Z', Date.UTC(2099, 11, 31, 23, 59, 59, 999)],
      ['2100-01-01T00:00:00Z', null],
      // the offset moves the instant out of the range
      ['2000-01-01T06:59:59+07:00', null],
      ['2099-12-31T19:00:00-05:00', null],
      ['2099-12-31T10:00:00-14:00', null],
      // the offset moves the instant into the range
      ['2000-01-01T07:00:00+07:00', Date.UTC(2000, 0, 1)],
      ['1999-12-31T19:00:00-05:00', Date.UTC(2000, 0, 1)],
      ['2100-01-01T06:59:59+07:00', Date.UTC(2099, 11, 31, 23, 59, 59)],
      ['2100-01-01T13:59:59+14:00', Date.UTC(2099, 11, 31, 23, 59, 59)],
    ])('%s → %p', (text, epoch) => {
      expect(parseOffsetDateTime(text)).toBe(epoch);
    });
  });

  it('reads any instant of the range written at any offset within ±14:00 back as that instant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: EARLIEST_MS, max: LATEST_MS - 1 }),
        fc.integer({ min: -14 * 60, max: 14 * 60 }),
        fc.boolean(),
        (instant, offsetMinutes, withMs) => {
          const local = new Date(instant + offsetMinutes * MINUTE).toISOString();
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const written = `${withMs ? local.slice(0, 23) : local.slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
          expect(parseOffsetDateTime(written)).toBe(withMs ? instant : instant - (instant % 1000));
        },
      ),
      { seed: 20_260_105, numRuns: 500 },
    );
  });

  it('takes exactly the real days of 2000–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${pad(month)}-${pad(day)}T12:00:00Z`;
        const expected = day <= gregorianDays(year, month) ? Date.UTC(year, month - 1, day, 12) : null;
        expect(parseOffsetDateTime(text)).toBe(expected);
      }),
      { seed: 4242, numRuns: 500 },
    );
  });

  // BUG: the code only checks the offset's hours against 14, so +14:01 … +14:59 (and the negative ones) pass.
  it.each(['2026-01-05T08:00:00+14:01', '2026-01-05T08:00:00+14:30', '2026-01-05T08:00:00-14:59'])(
    'refuses %s: its offset is beyond ±14:00',
    (text) => {
      expect(parseOffsetDateTime(text)).toBeNull();
    },
  );

  // BUG: Date.UTC reads years 0–99 as 1900–1999, so the year 0099 becomes 1999 and an offset of -14:00 lifts it into 2000.
  it.each(['0099-12-31T10:00:00-14:00', '0099-12-31T23:59:59-14:00', '0099-12-31T20:00:00-05:00'])(
    'refuses %s: a time in the year 99 is not in 2000',
    (text) => {
      expect(parseOffsetDateTime(text)).toBeNull();
    },
  );
});

describe('isCalendarDate', () => {
  it.each(['2026-01-05', '2000-01-01', '2099-12-31', '2028-02-29', '2000-02-29', '2024-02-29', '2026-12-31', '2026-04-30'])('takes %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each([
    ['30 February', '2027-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['29 February 2100', '2100-02-29'],
    ['31 June', '2026-06-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-01'],
    ['day 0', '2026-01-00'],
    ['before 2000', '1999-12-31'],
    ['from 2100 on', '2100-01-01'],
    ['the year 0000', '0000-01-01'],
    ['the year 0099', '0099-12-31'],
    ['the year 9999', '9999-12-31'],
    ['a one-digit month', '2026-1-05'],
    ['a one-digit day', '2026-01-5'],
    ['a time attached', '2026-01-05T00:00'],
    ['a time with offset attached', '2026-01-05T00:00:00Z'],
    ['a leading space', ' 2026-01-05'],
    ['a trailing space', '2026-01-05 '],
    ['a trailing newline', '2026-01-05\n'],
    ['slashes', '2026/01/05'],
    ['day first', '05-01-2026'],
    ['no dashes', '20260105'],
    ['an empty string', ''],
  ])('refuses %s (%j)', (_label, text) => {
    expect(isCalendarDate(text)).toBe(false);
  });

  it.each([undefined, null, 20260105, new Date(Date.UTC(2026, 0, 5)), {}])('refuses the non-string %p', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });

  it('takes exactly the real days of 2000–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        expect(isCalendarDate(`${year}-${pad(month)}-${pad(day)}`)).toBe(day <= gregorianDays(year, month));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('refuses every day outside 2000–2099', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 1999 }), fc.integer({ min: 2100, max: 9999 })),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (year, month, day) => {
          expect(isCalendarDate(`${pad(year, 4)}-${pad(month)}-${pad(day)}`)).toBe(false);
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });
});

describe('vietnamDate (Asia/Ho_Chi_Minh, UTC+7 all year)', () => {
  it.each([
    [Date.UTC(2026, 0, 4, 17, 0, 0, 0), '2026-01-05'],
    [Date.UTC(2026, 0, 4, 16, 59, 59, 999), '2026-01-04'],
    [Date.UTC(2026, 0, 4, 0, 0, 0, 0), '2026-01-04'],
    [Date.UTC(2025, 11, 31, 17, 0, 0, 0), '2026-01-01'],
    [Date.UTC(2025, 11, 31, 16, 59, 59, 999), '2025-12-31'],
    [Date.UTC(2028, 1, 28, 17, 0, 0, 0), '2028-02-29'],
    [Date.UTC(2026, 6, 15, 12, 0, 0, 0), '2026-07-15'],
  ])('%p is %s there', (epoch, day) => {
    expect(vietnamDate(epoch)).toBe(day);
  });

  it('is the date written on any time given with +07:00', () => {
    fc.assert(
      fc.property(fc.integer({ min: EARLIEST_MS, max: LATEST_MS - 8 * HOUR }), (instant) => {
        const written = `${new Date(instant + 7 * HOUR).toISOString().slice(0, 23)}+07:00`;
        expect(vietnamDate(parseOffsetDateTime(written)!)).toBe(written.slice(0, 10));
      }),
      { seed: 75, numRuns: 300 },
    );
  });
});

describe('isStorableString / isText / isTextList', () => {
  const VIETNAMESE = 'Chi bộ đã thảo luận, thống nhất nghị quyết: Đảng viên phát biểu ý kiến xây dựng, tự phê bình và phê bình. ';
  const precomposed = VIETNAMESE.normalize('NFC');
  const combining = VIETNAMESE.normalize('NFD');

  it('takes ordinary text, newlines and tabs, precomposed and combining diacritics, and emoji', () => {
    for (const text of ['a', 'Dòng 1\nDòng 2\r\n\tThụt lề', precomposed, combining, 'Họp xong 👍', '😀', '👨‍👩‍👧', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢']) {
      expect(isStorableString(text)).toBe(true);
      expect(isText(text, 1000)).toBe(true);
    }
    // the same words in two forms: combining marks are separate characters
    expect(combining).not.toBe(precomposed);
    expect(combining.length).toBeGreaterThan(precomposed.length);
  });

  it('takes the empty string as storable (isText decides on its length)', () => {
    expect(isStorableString('')).toBe(true);
  });

  it.each([
    ['NUL alone', '\u0000'],
    ['NUL inside text', 'Biên bản\u0000họp'],
    ['NUL at the end', 'Biên bản\u0000'],
    ['a high surrogate alone', '\ud83d'],
    ['a high surrogate at the end', 'Họp xong \ud83d'],
    ['a high surrogate before a letter', '\ud83dabc'],
    ['a low surrogate alone', '\ude00'],
    ['a low surrogate inside text', 'x\ude00y'],
    ['a reversed pair', '\ude00\ud83d'],
    ['two highs then a low', '\ud83d\ud83d\ude00'],
    ['a pair then a stray low', '\ud83d\ude00\ude00'],
    ['the last high surrogate alone', '\udbff'],
    ['the first low surrogate alone', '\udc00'],
  ])('refuses %s', (_label, text) => {
    expect(isStorableString(text)).toBe(false);
    expect(isText(text, 1000)).toBe(false);
    expect(isTextList([text], 10, 1000)).toBe(false);
  });

  it.each([undefined, null, 5, true, ['a'], { toString: () => 'a' }, new String('a')])('refuses the non-string %p', (value) => {
    expect(isStorableString(value)).toBe(false);
    expect(isText(value, 1000, 0)).toBe(false);
  });

  it('is storable exactly when there is no NUL and the string survives UTF-8', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0, max: 0xffff }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.constant(0),
      fc.constantFrom(0xd83d, 0xde00, 0x1ec7, 0x0323),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = String.fromCharCode(...units);
        expect(isStorableString(text)).toBe(!text.includes('\u0000') && survivesUtf8(text));
      }),
      { seed: 20_260_001, numRuns: 2000 },
    );
  });

  it('takes any text of whole code points without NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (text) => {
        fc.pre(!text.includes('\u0000') && survivesUtf8(text));
        expect(isStorableString(text)).toBe(true);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('bounds text by its length in characters as class-validator counts them (a surrogate pair is one), at the maximum and one past it', () => {
    expect(isText('a'.repeat(TEXT_LIMITS.name), TEXT_LIMITS.name)).toBe(true);
    expect(isText('a'.repeat(TEXT_LIMITS.name + 1), TEXT_LIMITS.name)).toBe(false);
    expect(isText('đ'.repeat(TEXT_LIMITS.reason), TEXT_LIMITS.reason)).toBe(true);
    expect(isText('đ'.repeat(TEXT_LIMITS.reason + 1), TEXT_LIMITS.reason)).toBe(false);
    // an emoji (one surrogate pair) is one, as the API's MaxLength counts it
    expect(isText('😀', 1)).toBe(true);
    expect(isText('😀😀', 1)).toBe(false);
    expect(isText('😀'.repeat(100), 100)).toBe(true);
    expect(isText('😀'.repeat(100) + 'a', 100)).toBe(false);
    // a family emoji is three emoji joined by two zero-width joiners: 5
    expect(isText('👨‍👩‍👧', 5)).toBe(true);
    expect(isText('👨‍👩‍👧', 4)).toBe(false);
    // ệ is one code unit precomposed, three with combining marks
    expect(isText('ệ'.normalize('NFC'), 1)).toBe(true);
    expect(isText('ệ'.normalize('NFD'), 3)).toBe(true);
    expect(isText('ệ'.normalize('NFD'), 2)).toBe(false);
  });

  it('takes long Vietnamese text up to the limit in both forms', () => {
    const limit = TEXT_LIMITS.comment;
    for (const text of [precomposed, combining]) {
      const full = text.repeat(Math.ceil(limit / text.length) + 1).slice(0, limit);
      expect(full).toHaveLength(limit);
      expect(isText(full, limit)).toBe(true);
      expect(isText(full + 'a', limit)).toBe(false);
    }
  });

  it('needs at least one character unless told otherwise', () => {
    expect(isText('', 10)).toBe(false);
    expect(isText('', 10, 0)).toBe(true);
    expect(isText('ab', 10, 3)).toBe(false);
    expect(isText('abc', 10, 3)).toBe(true);
  });

  describe('isTextList', () => {
    it('takes lists of storable texts within its bounds', () => {
      expect(isTextList([], 5, 10)).toBe(true);
      expect(isTextList(['Khai mạc', 'Thảo luận', 'Bế mạc'], 5, 10)).toBe(true);
      expect(isTextList(['a', 'b', 'c', 'd', 'e'], 5, 10)).toBe(true);
      expect(isTextList(['a'.repeat(10)], 5, 10)).toBe(true);
      expect(isTextList(['😀'], 1, 2, 1)).toBe(true);
    });

    it('refuses lists beyond their bounds', () => {
      expect(isTextList([], 5, 10, 1)).toBe(false);
      expect(isTextList(['a', 'b', 'c', 'd', 'e', 'f'], 5, 10)).toBe(false);
      expect(isTextList(['a'.repeat(11)], 5, 10)).toBe(false);
      expect(isTextList(['😀😀'], 1, 1)).toBe(false);
    });

    it('refuses a list with an empty, unstorable or non-string entry', () => {
      expect(isTextList(['a', ''], 5, 10)).toBe(false);
      expect(isTextList(['a', 'b\u0000'], 5, 10)).toBe(false);
      expect(isTextList(['a', '\ud800'], 5, 10)).toBe(false);
      expect(isTextList(['a', 5], 5, 10)).toBe(false);
      expect(isTextList(['a', null], 5, 10)).toBe(false);
    });

    it.each([undefined, null, 'a', { length: 1, 0: 'a' }, new Set(['a'])])('refuses the non-array %p', (value) => {
      expect(isTextList(value, 5, 10)).toBe(false);
    });
  });
});

describe('isDisplayName: names people read, that cannot look like another or like nothing', () => {
  it.each(['Chi bộ thôn Na Hối Tày', 'Nguyễn Thị Hoà', 'Chi bộ thôn 3', 'Vàng A Dính', 'Ma\u0300 Va\u0306n', 'Chi bộ 🌾', 'Chi bộ ☎\ufe0f'])('takes %j', (name) => {
    expect(isDisplayName(name, 200)).toBe(true);
  });

  it.each([
    ['a zero-width space inside', 'Lò\u200bVăn Pá'],
    ['a right-to-left override', 'Chi bộ \u202eáp'],
    ['an Arabic letter mark (a direction control)', 'Chi bộ \u061c thôn 1'],
    ['only an Arabic letter mark', '\u061c'],
    ['only a Hangul filler', '\u3164'],
    ['only Hangul choseong and jungseong fillers', '\u115f\u1160'],
    ['only a halfwidth Hangul filler', '\uffa0'],
    ['only a combining grapheme joiner', '\u034f'],
    ['only a Mongolian vowel separator', '\u180e'],
    ['only a Khmer inherent vowel', '\u17b4'],
    ['only a musical symbol begin beam', '\u{1d173}'],
    ['only tag characters', '\u{e0001}\u{e0020}'],
    ['only a Braille blank', '\u2800'],
    ['only spaces', '   '],
    ['only punctuation', '— . —'],
    ['a control character', 'Chi bộ\u0007'],
  ])('refuses %s', (_, name) => {
    expect(isDisplayName(name, 200)).toBe(false);
  });

  it('counts its length in characters as a person does', () => {
    expect(isDisplayName('Đ'.repeat(200), 200)).toBe(true);
    expect(isDisplayName('Đ'.repeat(201), 200)).toBe(false);
  });
});

describe('isUuid', () => {
  it.each(['0f8fad5b-d9cb-469f-a165-70867728950e', '00000000-0000-4000-8000-000000000001', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])('takes %s', (value) => {
    expect(isUuid(value)).toBe(true);
  });

  it.each([
    ['upper case', '0F8FAD5B-D9CB-469F-A165-70867728950E'],
    ['mixed case', '0f8fad5b-d9cb-469f-a165-70867728950E'],
    ['no hyphens', '0f8fad5bd9cb469fa16570867728950e'],
    ['braces', '{0f8fad5b-d9cb-469f-a165-70867728950e}'],
    ['a urn prefix', 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a trailing newline', '0f8fad5b-d9cb-469f-a165-70867728950e\n'],
    ['a leading space', ' 0f8fad5b-d9cb-469f-a165-70867728950e'],
    ['a non-hex digit', '0f8fad5b-d9cb-469f-a165-70867728950g'],
    ['one digit short', '0f8fad5b-d9cb-469f-a165-70867728950'],
    ['one digit long', '0f8fad5b-d9cb-469f-a165-70867728950e0'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['empty', ''],
  ])('refuses %s', (_label, value) => {
    expect(isUuid(value)).toBe(false);
  });

  it.each([undefined, null, 1, {}, ['0f8fad5b-d9cb-469f-a165-70867728950e']])('refuses the non-string %p', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});

describe('isMemberCount', () => {
  it.each([0, 1, 21, MAX_MEMBERS])('takes %p', (value) => {
    expect(isMemberCount(value)).toBe(true);
  });

  it.each([-1, MAX_MEMBERS + 1, 1.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, undefined, true])('refuses %p', (value) => {
    expect(isMemberCount(value)).toBe(false);
  });
});

describe('isScorePoints (0–100, hundredths at the finest)', () => {
  it.each([0, 1, 25.5, 99.75, 12.34, 0.01, 0.29, 0.57, 100])('takes %p', (value) => {
    expect(isScorePoints(value)).toBe(true);
  });

  it.each([
    25.333,
    0.001,
    99.995,
    100.01,
    100.5,
    101,
    -0.5,
    -0.01,
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    '50',
    null,
    undefined,
  ])('refuses %p', (value) => {
    expect(isScorePoints(value)).toBe(false);
  });

  it('takes every hundredth from 0 to 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (hundredths) => {
        expect(isScorePoints(hundredths / 100)).toBe(true);
      }),
      { seed: 100, numRuns: 1000 },
    );
  });

  it('refuses thousandths that are not hundredths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (thousandths) => {
        fc.pre(thousandths % 10 !== 0);
        expect(isScorePoints(thousandths / 1000)).toBe(false);
      }),
      { seed: 1000, numRuns: 1000 },
    );
  });
});

describe('isMultipleOf', () => {
  it.each([
    [0, 0.5],
    [0.5, 0.5],
    [25.5, 0.5],
    [100, 0.5],
    [25, 1],
    [12.75, 0.25],
    [0.1 + 0.2, 0.1],
    [0.3, 0.1],
    [0.7, 0.1],
    [0.1 * 3, 0.1],
    [1.1 + 2.2, 0.1],
    [99.75, 0.01],
    [0.29, 0.01],
  ])('%p is a multiple of %p', (value, step) => {
    expect(isMultipleOf(value, step)).toBe(true);
  });

  it.each([
    [25.3, 0.5],
    [0.25, 0.5],
    [25.5, 1],
    [0.1 + 0.2, 0.5],
    [12.74, 0.25],
    [0.005, 0.01],
  ])('%p is not a multiple of %p', (value, step) => {
    expect(isMultipleOf(value, step)).toBe(false);
  });

  it('takes sums of steps however the floating point rounds them', () => {
    fc.assert(
      fc.property(fc.constantFrom(0.1, 0.5, 0.25, 0.01), fc.integer({ min: 0, max: 400 }), (step, count) => {
        let sum = 0;
        for (let index = 0; index < count; index += 1) sum += step;
        expect(isMultipleOf(sum, step)).toBe(true);
        expect(isMultipleOf(count * step, step)).toBe(true);
      }),
      { seed: 33, numRuns: 300 },
    );
  });

  it('refuses half a step off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 199 }), (halves) => {
        expect(isMultipleOf(halves * 0.5 + 0.25, 0.5)).toBe(false);
      }),
      { seed: 34, numRuns: 200 },
    );
  });
});

describe('isScoreSheet', () => {
  it('takes { criterionId: points } with known-good ids and points', () => {
    expect(isScoreSheet({})).toBe(true);
    expect(isScoreSheet({ time: 5, attendance: 5, 'criterion_2-b': 12.5, C9: 99.75 })).toBe(true);
    expect(isScoreSheet({ ['a'.repeat(50)]: 0 })).toBe(true);
    expect(isScoreSheet(Object.assign(Object.create(null) as object, { time: 5 }))).toBe(true);
  });

  it(`takes up to ${LIST_LIMITS.scoreCriteria} entries and no more`, () => {
    const sheet = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, index) => [`c${index}`, 1]));
    expect(LIST_LIMITS.scoreCriteria).toBe(50);
    expect(isScoreSheet(sheet(LIST_LIMITS.scoreCriteria))).toBe(true);
    expect(isScoreSheet(sheet(LIST_LIMITS.scoreCriteria + 1))).toBe(false);
  });

  it.each([
    ['an empty id', ''],
    ['an id of 51 characters', 'a'.repeat(51)],
    ['a space', 'a b'],
    ['a dot', 'a.b'],
    ['a Vietnamese letter', 'điểm'],
    ['a NUL', 'a\u0000'],
    ['a slash', 'a/b'],
  ])('refuses %s as criterion id', (_label, key) => {
    expect(isScoreSheet({ time: 5, [key]: 5 })).toBe(false);
  });

  it.each([25.333, -1, 101, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined, true])('refuses points %p', (points) => {
    expect(isScoreSheet({ time: 5, content: points })).toBe(false);
  });

  it.each([
    ['an array', [5]],
    ['an empty array', []],
    ['null', null],
    ['undefined', undefined],
    ['a string', '{"time":5}'],
    ['a number', 5],
  ])('refuses %s', (_label, value) => {
    expect(isScoreSheet(value)).toBe(false);
  });
});

describe('isRecord', () => {
  it('is a plain object, not an array or null', () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord([])).toBe(false);
    expect(isRecord(null)).toBe(false);
    expect(isRecord(undefined)).toBe(false);
    expect(isRecord('a')).toBe(false);
    expect(isRecord(1)).toBe(false);
  });
});

describe('hasOwn', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('does not find %s on {}', (key) => {
    expect(hasOwn({}, key)).toBe(false);
  });

  it('finds an own key, even one holding undefined or 0', () => {
    expect(hasOwn({ time: 5 }, 'time')).toBe(true);
    expect(hasOwn({ time: 0 }, 'time')).toBe(true);
    expect(hasOwn({ time: undefined }, 'time')).toBe(true);
    expect(hasOwn({ time: 5 }, 'content')).toBe(false);
  });

  it('finds own keys named like Object.prototype members', () => {
    expect(hasOwn(JSON.parse('{"__proto__": 1}') as object, '__proto__')).toBe(true);
    expect(hasOwn({ constructor: 5 }, 'constructor')).toBe(true);
    expect(hasOwn({ toString: 5 }, 'toString')).toBe(true);
  });

  it('does not find inherited keys, and works on objects without a prototype', () => {
    expect(hasOwn(Object.create({ time: 5 }) as object, 'time')).toBe(false);
    expect(hasOwn(Object.assign(Object.create(null) as object, { time: 5 }), 'time')).toBe(true);
    expect(hasOwn({ hasOwnProperty: () => true }, 'time')).toBe(false);
  });
});
