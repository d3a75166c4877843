import type { PartyDocument } from './party-document.js';

const pad = (value: string) => value.padStart(2, '0');

/**
 * "ngày 05 tháng 12 năm 2026" from the calendar day "2026-12-05" (Hướng dẫn 36-HD/VPTW: a leading zero on
 * days below 10 and on months 1 and 2, so that nobody can add a digit by hand).
 */
export function partyDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  const monthNumber = Number(month);
  return `ngày ${pad(String(Number(day)))} tháng ${monthNumber < 3 ? pad(String(monthNumber)) : String(monthNumber)} năm ${year}`;
}

/**
 * The right column's italic line: "Na Hối, ngày 05 tháng 12 năm 2026", or, while the paper's day is not known,
 * "Na Hối, ngày … tháng … năm …" for the hand. The builders put the day as a calendar day (YYYY-MM-DD, in
 * Asia/Ho_Chi_Minh) in `placeAndDate.day`; both renderers write the line with this.
 */
export function placeAndDateLine({ place, day }: PartyDocument['placeAndDate']): string {
  return `${place}, ${day ? partyDay(day) : 'ngày … tháng … năm …'}`;
}
