/**
 * When each of a cycle's deadlines and reminders falls, derived from its state alone: the workflow sleeps
 * until nextTimer, and a reschedule or a revision moves every timer because it changes what they derive
 * from. Pure, like the state module beside it (model-meeting.state.ts applies a timer once it fires).
 */
import type { CycleState } from './model-meeting.state.js';
import type { TimerKind } from './model-meeting.types.js';

// ── deadlines ────────────────────────────────────────────────────────────────────────────────────────

export function planDueAt(state: CycleState): number {
  return state.meetingAt - state.schedule.planDueLeadMs;
}

/** A deadline that was already past when its clock started falls halfway between that start and `end` instead. */
export function dueOrHalfway(due: number, start: number, end: number): number {
  return due >= start ? due : start + Math.max(0, end - start) / 2;
}

/** When the committee should have picked the host, so that the host has time to prepare the plan (counted from the latest date set). */
export function hostDueAt(state: CycleState): number {
  return dueOrHalfway(planDueAt(state) - state.schedule.hostPickLeadMs, state.meetingSetAt, planDueAt(state));
}

/** When the meeting should be on record: some hours after its time. */
export function recordDueAt(state: CycleState): number {
  return state.meetingAt + state.schedule.recordDueDelayMs;
}

// ── timers ───────────────────────────────────────────────────────────────────────────────────────────

export interface DueTimer {
  key: string;
  kind: TimerKind;
  at: number;
}

/**
 * Every deadline and reminder still ahead, derived from the state: a reschedule or a revision changes the
 * key, so the timers move with it. A reminder whose time had already passed when its anchor was set is
 * not sent late; deadlines (plan overdue, critique close, report overdue, …) always fire.
 */
export function pendingTimers(state: CycleState): DueTimer[] {
  const timers: DueTimer[] = [];
  const add = (kind: TimerKind, at: number, anchor: number, isReminder: boolean) => {
    const key = `${kind}@${at}`;
    if (state.firedTimers.includes(key)) return;
    if (isReminder && at < anchor) return;
    timers.push({ key, kind, at });
  };
  const { schedule } = state;
  const two = state.ruleset >= 2;
  if (two && state.stage === 'HOST_SELECTION') add('HOST_SELECTION_OVERDUE', hostDueAt(state), 0, false);
  if (state.stage === 'PREPARATION' || state.stage === 'SCHEDULED') {
    if (Object.values(state.invitations).some((invitation) => invitation.status === 'PENDING')) {
      add('RSVP_REMINDER', state.meetingAt - schedule.rsvpReminderLeadMs, state.meetingSetAt, true);
    }
    if (two) {
      add('MEETING_RECORD_REMINDER', state.meetingAt + schedule.recordReminderDelayMs, state.meetingSetAt, true);
      add('MEETING_RECORD_OVERDUE', recordDueAt(state), 0, false);
    }
  }
  if (state.stage === 'PREPARATION') {
    if (two) add('PLAN_REMINDER', planDueAt(state) - schedule.planReminderLeadMs, state.meetingSetAt, true);
    // Always raised; at short notice (already due when invitations went out) halfway to the meeting instead.
    add('PLAN_OVERDUE', dueOrHalfway(planDueAt(state), state.meetingSetAt, state.meetingAt), 0, false);
  }
  if (state.stage === 'CRITIQUE' && state.critiqueClosesAt !== null) {
    add('CRITIQUE_REMINDER', state.critiqueClosesAt - schedule.critiqueReminderLeadMs, state.meetingRecordedAt ?? 0, true);
    add('CRITIQUE_CLOSE', state.critiqueClosesAt, 0, false);
  }
  if (state.stage === 'REPORTING' && state.reportDueAt !== null) {
    add('REPORT_REMINDER', state.reportDueAt - schedule.reportReminderLeadMs, state.reportSetAt ?? 0, true);
    add('REPORT_OVERDUE', state.reportDueAt, 0, false);
  }
  if (two && state.stage === 'REVIEW' && state.reportFiledAt !== null) {
    add('REVIEW_OVERDUE', state.reportFiledAt + schedule.reviewWindowMs, 0, false);
  }
  return timers.sort((a, b) => a.at - b.at);
}

export function nextTimer(state: CycleState): DueTimer | null {
  return pendingTimers(state)[0] ?? null;
}

/** Whether a timer is still due as the state stands (a step may have overtaken it). */
export function isTimerPending(state: CycleState, timer: DueTimer): boolean {
  return pendingTimers(state).some((pending) => pending.key === timer.key);
}
