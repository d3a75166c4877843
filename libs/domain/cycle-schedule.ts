/**
 * How long each stage of a cycle may take and when people are reminded: the defaults a commune works with
 * (a month's rhythm), every one of them an input so tests can run a whole cycle in seconds.
 */
import { durationToMs } from './iso-duration.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const DEFAULT_CRITIQUE_WINDOW = 'P3D';
export const DEFAULT_REPORT_WINDOW = 'P7D';
export const DEFAULT_REVIEW_WINDOW = 'P7D';

/** How far ahead a meeting may be set. */
export const PLANNING_HORIZON_MS = 2 * 366 * DAY;

export interface CycleSchedule {
  critiqueWindowMs: number;
  reportWindowMs: number;
  /** RSVP reminder this long before the meeting, to cells that have not answered. */
  rsvpReminderLeadMs: number;
  /** The plan is due this long before the meeting; then the host is reminded and the committee alerted. */
  planDueLeadMs: number;
  critiqueReminderLeadMs: number;
  reportReminderLeadMs: number;
  /** The host should be picked this long before the plan is due; then the committee is reminded. */
  hostPickLeadMs?: number;
  /** The host is reminded this long before the plan is due. */
  planReminderLeadMs?: number;
  /** The host is reminded to record the meeting this long after its time, and the committee alerted at the second. */
  recordReminderDelayMs?: number;
  recordDueDelayMs?: number;
  /** The committee should review a filed report within this; then it is reminded. */
  reviewWindowMs?: number;
  /** A meeting may be recorded as started at most this long before its scheduled time. */
  earlyStartToleranceMs?: number;
}

export type ScheduleDefaults = Required<Omit<CycleSchedule, 'critiqueWindowMs' | 'reportWindowMs'>>;

/**
 * Defaults for a window: a reminder lead is a day or two, but never more than half of its window, so a short
 * window still gets its reminder.
 */
export function defaultLeads(critiqueWindowMs: number, reportWindowMs: number): ScheduleDefaults {
  return {
    rsvpReminderLeadMs: 2 * DAY,
    planDueLeadMs: DAY,
    critiqueReminderLeadMs: Math.min(DAY, critiqueWindowMs / 2),
    reportReminderLeadMs: Math.min(2 * DAY, reportWindowMs / 2),
    hostPickLeadMs: 3 * DAY,
    planReminderLeadMs: DAY,
    recordReminderDelayMs: 4 * HOUR,
    recordDueDelayMs: DAY,
    reviewWindowMs: 7 * DAY,
    earlyStartToleranceMs: HOUR,
  };
}

/** A schedule with every optional lead filled in from the defaults. */
export function completeSchedule(schedule: CycleSchedule): Required<CycleSchedule> {
  const defaults = defaultLeads(schedule.critiqueWindowMs, schedule.reportWindowMs);
  const filled = { ...schedule } as Required<CycleSchedule>;
  for (const key of Object.keys(defaults) as (keyof ScheduleDefaults)[]) {
    if (typeof filled[key] !== 'number') filled[key] = defaults[key];
  }
  return filled;
}

/** A launch request's timing, as ISO 8601 durations (P3D, PT30S); every one may be left out. */
export interface ScheduleRequest {
  critiqueWindow?: string;
  reportWindow?: string;
  reviewWindow?: string;
  reminders?: {
    rsvpReminderLead?: string;
    planDueLead?: string;
    critiqueReminderLead?: string;
    reportReminderLead?: string;
    hostPickLead?: string;
    planReminderLead?: string;
    recordReminderDelay?: string;
    recordDueDelay?: string;
    earlyStartTolerance?: string;
  };
}

/** The cycle's timers from a launch request: what it names, the defaults above for the rest. */
export function scheduleFrom(request: ScheduleRequest): Required<CycleSchedule> {
  const ms = (value: string | undefined) => (value ? (durationToMs(value) ?? undefined) : undefined);
  const leads = request.reminders ?? {};
  const given: CycleSchedule = {
    critiqueWindowMs: ms(request.critiqueWindow ?? DEFAULT_CRITIQUE_WINDOW)!,
    reportWindowMs: ms(request.reportWindow ?? DEFAULT_REPORT_WINDOW)!,
    reviewWindowMs: ms(request.reviewWindow ?? DEFAULT_REVIEW_WINDOW),
    rsvpReminderLeadMs: ms(leads.rsvpReminderLead)!,
    planDueLeadMs: ms(leads.planDueLead)!,
    critiqueReminderLeadMs: ms(leads.critiqueReminderLead)!,
    reportReminderLeadMs: ms(leads.reportReminderLead)!,
    hostPickLeadMs: ms(leads.hostPickLead),
    planReminderLeadMs: ms(leads.planReminderLead),
    recordReminderDelayMs: ms(leads.recordReminderDelay),
    recordDueDelayMs: ms(leads.recordDueDelay),
    earlyStartToleranceMs: ms(leads.earlyStartTolerance),
  };
  return completeSchedule(given);
}
