import { VIETNAM_OFFSET_MS } from '../domain/input-bounds.js';
import type { Language } from './language.js';

const pad = (value: number) => String(value).padStart(2, '0');

function vietnamParts(epochMs: number) {
  const shifted = new Date(epochMs + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** "11/12/2026": a day as people write it, in Asia/Ho_Chi_Minh. */
export function vietnamDay(epochMs: number): string {
  const { year, month, day } = vietnamParts(epochMs);
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** "8 giờ 00 ngày 11/12/2026": a time as people write it, in Asia/Ho_Chi_Minh. */
export function vietnamTime(epochMs: number): string {
  const { hour, minute } = vietnamParts(epochMs);
  return `${hour} giờ ${pad(minute)} ngày ${vietnamDay(epochMs)}`;
}

/** "11/12/2026" from a calendar day "2026-12-11". */
export function vietnamCalendarDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

/** "08:00, 11/12/2026 (Vietnam time)": the same moment for a reader of the English messages. */
export function englishVietnamTime(epochMs: number): string {
  const { hour, minute } = vietnamParts(epochMs);
  return `${pad(hour)}:${pad(minute)}, ${vietnamDay(epochMs)} (Vietnam time)`;
}

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

/** "Thứ Năm": the day of the week in Asia/Ho_Chi_Minh. */
export function vietnamWeekday(epochMs: number): string {
  return WEEKDAYS[new Date(epochMs + VIETNAM_OFFSET_MS).getUTCDay()];
}

const DAY_MS = 86_400_000;

/** Calendar days in Asia/Ho_Chi_Minh from one moment to another (the turn of a day is midnight there). */
function vietnamDaysBetween(fromMs: number, toMs: number): number {
  const dayOf = (epochMs: number) => Math.floor((epochMs + VIETNAM_OFFSET_MS) / DAY_MS);
  return dayOf(toMs) - dayOf(fromMs);
}

/** A deadline as people say it: "còn 2 ngày", "hạn hôm nay", "quá hạn 1 ngày" (days counted in Vietnam). */
export function dueInWords(dueMs: number, nowMs: number, language: Language): { words: string; late: boolean } {
  const days = vietnamDaysBetween(nowMs, dueMs);
  const late = dueMs < nowMs;
  if (language === 'en') {
    if (days === 0) return { words: late ? 'overdue (today)' : 'due today', late };
    return late ? { words: `${-days} day${days === -1 ? '' : 's'} overdue`, late } : { words: `${days} day${days === 1 ? '' : 's'} left`, late };
  }
  if (days === 0) return { words: late ? 'quá hạn (hôm nay)' : 'hạn hôm nay', late };
  return late ? { words: `quá hạn ${-days} ngày`, late } : { words: `còn ${days} ngày`, late };
}

/** "Thứ Năm, 05/12/2026, 08:00": a moment as the pages show it (web.md), in Asia/Ho_Chi_Minh. */
export function vietnamPageTime(epochMs: number): string {
  const { hour, minute } = vietnamParts(epochMs);
  return `${vietnamWeekday(epochMs)}, ${vietnamDay(epochMs)}, ${pad(hour)}:${pad(minute)}`;
}

/** "8 giờ 00": the time of day as people write it, in Asia/Ho_Chi_Minh. */
export function vietnamClock(epochMs: number): string {
  const { hour, minute } = vietnamParts(epochMs);
  return `${hour} giờ ${pad(minute)}`;
}

/** "8 giờ 00, thứ Bảy, ngày 05/12/2026": a moment in running text (lower-case "thứ"), as a Party paper gives it. */
export function vietnamRunningTime(epochMs: number): string {
  const weekday = vietnamWeekday(epochMs).replace(/^Thứ/, 'thứ');
  return `${vietnamClock(epochMs)}, ${weekday}, ngày ${vietnamDay(epochMs)}`;
}
