import { vietnamDate } from '../domain/input-bounds.js';

/**
 * Dates as a Party document writes them (Hướng dẫn 36-HD/VPTW): "ngày 05 tháng 01 năm 2026". Days below 10
 * and the months 1 and 2 take a leading zero; the other months do not ("tháng 3", "tháng 12"). Calendar days
 * are "YYYY-MM-DD" strings, the form PartyDocument.placeAndDate.day takes; moments are counted in
 * Asia/Ho_Chi_Minh.
 */

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(day: string): { year: number; month: number; dayOfMonth: number } {
  const match = CALENDAR_DAY.exec(day);
  if (!match) throw new Error(`Not a calendar day (YYYY-MM-DD): ${day}`);
  const [year, month, dayOfMonth] = match.slice(1).map(Number);
  const check = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) {
    throw new Error(`No such calendar day: ${day}`);
  }
  return { year, month, dayOfMonth };
}

const dayNumber = (dayOfMonth: number) => String(dayOfMonth).padStart(2, '0');
// Padded where a digit added by hand later would make another date: day 1 → 11, month 1 → 11 or 12, 2 → 12.
const monthNumber = (month: number) => (month <= 2 ? `0${month}` : String(month));

/** "ngày 05 tháng 01 năm 2026" from "2026-01-05". */
export function partyDate(day: string): string {
  const { year, month, dayOfMonth } = partsOf(day);
  return `ngày ${dayNumber(dayOfMonth)} tháng ${monthNumber(month)} năm ${year}`;
}

/** "tháng 12 năm 2026", "tháng 01 năm 2026": the month of a calendar day, for a subject line. */
export function partyMonth(day: string): string {
  const { year, month } = partsOf(day);
  return `tháng ${monthNumber(month)} năm ${year}`;
}

/** What the date line says when the day is not known yet: the numbers are written in by hand. */
export const DATE_TO_FILL_BY_HAND = 'ngày … tháng … năm 20…';

/** The header's italic line: "Na Hối, ngày 05 tháng 01 năm 2026", or "Na Hối, ngày … tháng … năm 20…". */
export function placeAndDateLine(place: string, day: string | null): string {
  return `${place}, ${day === null ? DATE_TO_FILL_BY_HAND : partyDate(day)}`;
}

/** The calendar day ("YYYY-MM-DD") in Vietnam at an ISO moment: 31 December 23:30 UTC is already 1 January. */
export function vietnamCalendarDayOf(isoMoment: string): string {
  const epochMs = Date.parse(isoMoment);
  if (Number.isNaN(epochMs)) throw new Error(`Not an ISO moment: ${isoMoment}`);
  return vietnamDate(epochMs);
}
