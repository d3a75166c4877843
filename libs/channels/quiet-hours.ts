/**
 * Quiet hours for SMS and Zalo (notifications.md): nothing between 21:00 and 06:00 in Vietnam unless it
 * cannot wait; what waits goes out when they end. A pure function of the clock, so the workflow can call it
 * with its own deterministic time and a test with any fixed one.
 */

import { VIETNAM_OFFSET_MS } from '../domain/input-bounds.js';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

export interface QuietHours {
  /** Minutes after midnight, Vietnam time; a window may wrap past midnight (21:00-06:00). */
  startMinute: number;
  endMinute: number;
}

/** The Vietnam minute of the day of an instant. */
function vietnamMinuteOfDay(at: number): number {
  const minutes = Math.floor((at + VIETNAM_OFFSET_MS) / MINUTE);
  return ((minutes % DAY_MINUTES) + DAY_MINUTES) % DAY_MINUTES;
}

/** Whether an instant falls inside the window. */
export function isQuiet(at: number, quiet: QuietHours | null): boolean {
  if (!quiet || quiet.startMinute === quiet.endMinute) return false;
  const minute = vietnamMinuteOfDay(at);
  return quiet.startMinute < quiet.endMinute
    ? minute >= quiet.startMinute && minute < quiet.endMinute
    : minute >= quiet.startMinute || minute < quiet.endMinute;
}

/** The first instant at or after `at` outside the window: `at` itself when it is not quiet. */
export function nextSendableAt(at: number, quiet: QuietHours | null): number {
  if (!isQuiet(at, quiet) || !quiet) return at;
  const minute = vietnamMinuteOfDay(at);
  const minutesLeft = (quiet.endMinute - minute + DAY_MINUTES) % DAY_MINUTES;
  const startOfMinute = Math.floor(at / MINUTE) * MINUTE;
  return startOfMinute + minutesLeft * MINUTE;
}
