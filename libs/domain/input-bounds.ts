/**
 * What a person may enter, in one place: the API's DTOs and the workflow's update validators check the same
 * bounds with the same functions, so anything either accepts can be stored by PostgreSQL as it is, and a
 * client that sends an update without the API cannot wedge a cycle. Plain functions only: the workflow
 * sandbox imports this file.
 */

/** Longest text of each kind, in characters. */
export const TEXT_LIMITS = {
  name: 200,
  title: 300,
  location: 300,
  topic: 1000,
  reason: 1000,
  note: 1000,
  delegate: 200,
  agendaItem: 500,
  planContent: 20_000,
  record: 50_000,
  pointText: 5000,
  responseText: 5000,
  lesson: 5000,
  comment: 5000,
  actionTitle: 500,
  actionOwner: 200,
} as const;

/** Longest list of each kind. */
export const LIST_LIMITS = {
  invitedCells: 200,
  guests: 20,
  agenda: 50,
  /** A critique's points: "từng khâu, từng việc" of six stages, a few points each. */
  points: 30,
  lessons: 100,
  actionItems: 100,
  /** Every weakness and suggestion of a cycle answered at once: 200 cells and 20 guests of 30 points each. */
  responses: 6600,
  scoreCriteria: 50,
} as const;

/** A cell's membership (and so any attendance count) is a whole number up to this. */
export const MAX_MEMBERS = 5000;

/** Points on one criterion of a score sheet; finer than a hundredth is never a real score. */
export const MAX_CRITERION_POINTS = 100;

/**
 * Every date and time the product takes lies in [2000-01-01, 2100-01-01): a real calendar day that
 * PostgreSQL stores as it was entered, far from the edges where years like 0000 or 9999 misbehave.
 */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
export const LATEST_MS = Date.UTC(2100, 0, 1);

/** Asia/Ho_Chi_Minh has kept UTC+7 all year since 1975: a calendar day there is this shift from UTC. */
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const NUL_OR_LONE_SURROGATE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const OFFSET_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|([+-])(\d{2}):(\d{2}))$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Text PostgreSQL stores unchanged: no NUL, no half of a surrogate pair. */
export function isStorableString(value: unknown): value is string {
  return typeof value === 'string' && !NUL_OR_LONE_SURROGATE.test(value);
}

const SURROGATE_PAIR = /[\ud800-\udbff][\udc00-\udfff]/g;

/** Length as people (and class-validator's MaxLength) count it: a character outside the BMP (an emoji) is one. */
export function textLength(value: string): number {
  return value.length - (value.match(SURROGATE_PAIR)?.length ?? 0);
}

/** Storable text of `min` to `max` characters. */
export function isText(value: unknown, max: number, min = 1): value is string {
  if (!isStorableString(value)) return false;
  const length = textLength(value);
  return length >= min && length <= max;
}

/**
 * Characters that hide or reorder text: every direction control (marks, overrides, isolates) and every
 * character Unicode says to draw as nothing (zero-width marks, soft hyphen, fillers, tags…), except the two
 * variation selectors that only choose how a symbol looks.
 */
const INVISIBLE_OR_BIDI = /(?![\ufe0e\ufe0f])[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** The Braille blank: drawn as nothing, yet neither a space nor ignorable to Unicode. */
const LOOKS_BLANK = /\u2800/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * A name people read (a person, a cell, a committee): storable text with at least one letter or digit, no
 * control characters, and nothing invisible or reordering that could make two names look alike.
 */
export function isDisplayName(value: unknown, max: number): value is string {
  if (!isText(value, max) || CONTROL.test(value) || INVISIBLE_OR_BIDI.test(value) || LOOKS_BLANK.test(value)) return false;
  return LETTER_OR_DIGIT.test(value);
}

/** A list of storable texts, each 1 to `maxLength` characters, with `minItems` to `maxItems` entries. */
export function isTextList(value: unknown, maxItems: number, maxLength: number, minItems = 0): value is string[] {
  return Array.isArray(value) && value.length >= minItems && value.length <= maxItems && value.every((item) => isText(item, maxLength));
}

/** A UUID as the API passes it on (lower case). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An ISO 8601 time with its offset, every part a real one (no 30 February, no 24:00, no offset beyond
 * ±14:00), within the product's range; its epoch milliseconds, or null.
 */
export function parseOffsetDateTime(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = OFFSET_DATE_TIME.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone, sign, oh, om] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? '0'].map(Number);
  // Far outside the range anyway; and Date.UTC would read the years 0–99 as 1900–1999.
  if (year < 1999 || year > 2100) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const magnitude = Number(oh) * 60 + Number(om);
    if (Number(om) > 59 || magnitude > 14 * 60) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * magnitude;
  }
  const milliseconds = fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0;
  const epoch = Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
  return epoch >= EARLIEST_MS && epoch < LATEST_MS ? epoch : null;
}

/** A calendar day YYYY-MM-DD that exists, within the product's range. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  if (year < 2000 || year > 2099) return false;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const epoch = Date.UTC(year, month - 1, day);
  return epoch >= EARLIEST_MS && epoch < LATEST_MS;
}

/** The calendar day (YYYY-MM-DD) in Vietnam at an instant. */
export function vietnamDate(epochMs: number): string {
  return new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** A number of members: a whole number from 0 to MAX_MEMBERS. */
export function isMemberCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_MEMBERS;
}

/** Points on one criterion: 0 to 100, in hundredths at the finest (the rubric's own step is checked against the rubric). */
export function isScorePoints(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= 0 &&
    value <= MAX_CRITERION_POINTS &&
    Math.abs(Math.round(value * 100) - value * 100) < 1e-9
  );
}

/** Whether `value` is a whole number of `step`s (half points on a sheet whose step is 0.5). */
export function isMultipleOf(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

const CRITERION_ID = /^[a-zA-Z0-9_-]{1,50}$/;

/** A score sheet as sent: { criterionId: points }, at most LIST_LIMITS.scoreCriteria entries. */
export function isScoreSheet(value: unknown): value is Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= LIST_LIMITS.scoreCriteria && entries.every(([key, points]) => CRITERION_ID.test(key) && isScorePoints(points));
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own keys only: an id like "__proto__" or "constructor" is never found on a plain object's prototype. */
export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}
