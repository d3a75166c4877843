/**
 * The rules of a model-meeting cycle as pure functions over a plain state object: who may do which step
 * when, what each step changes, and which deadline comes next. No Temporal, no I/O, no clock of its own:
 * the workflow passes `now` and an id generator, so every rule is unit-tested in milliseconds.
 *
 * `check*` returns the reason a step is refused (or null); `apply*` changes the state and returns the
 * StepRecord the activities persist. A step is always checked, then applied in the same synchronous turn.
 */
import type { Actor, PinnedRubric, Rating } from '../../libs/domain/cycle.js';
import { OPEN_STAGES, type CycleStage } from '../../libs/domain/cycle.js';
import type { Rejection } from '../../libs/domain/error-codes.js';
import type { ActionItem, CritiquePoint } from '../../libs/domain/cycle-records.js';
import { scoreProblems, summariseScores } from '../../libs/domain/rating.js';
import type {
  CancelInput,
  FileReportInput,
  LaunchCycleInput,
  PickHostInput,
  PostPlanInput,
  RecordMeetingInput,
  RescheduleInput,
  ReviewInput,
  RsvpInput,
  StepRecord,
  SubmitCritiqueInput,
  TimerKind,
} from './model-meeting.types.js';

const MINUTE = 60_000;

export interface InvitationState {
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
}

export interface CycleState {
  cycleId: string;
  committeeId: string;
  kind: 'regular' | 'thematic';
  stage: CycleStage;
  hostCellId: string | null;
  meetingAt: number;
  /**
   * When the current schedule reached people (launch with a host, host picked, reschedule): a reminder
   * that was already due then is not sent late.
   */
  meetingSetAt: number;
  rubric: PinnedRubric;
  schedule: LaunchCycleInput['schedule'];
  seq: number;
  invitations: Record<string, InvitationState>;
  planPosted: boolean;
  meetingRecordedAt: number | null;
  attendingCellIds: string[];
  critiqueClosesAt: number | null;
  critiquedCellIds: string[];
  /** Kind of every critique point, by id: the report must answer each weakness and suggestion. */
  pointKinds: Record<string, CritiquePoint['kind']>;
  reportDueAt: number | null;
  reportSetAt: number | null;
  reportRevision: number;
  firedTimers: string[];
}

export function createCycleState(input: LaunchCycleInput, now: number): CycleState {
  return {
    cycleId: input.cycleId,
    committeeId: input.committeeId,
    kind: input.kind,
    stage: input.hostCellId ? 'PREPARATION' : 'HOST_SELECTION',
    hostCellId: input.hostCellId,
    meetingAt: Date.parse(input.meetingAt),
    meetingSetAt: now,
    rubric: input.rubric,
    schedule: input.schedule,
    seq: 0,
    invitations: Object.fromEntries(input.invitedCellIds.map((cellId) => [cellId, { status: 'PENDING' as const }])),
    planPosted: false,
    meetingRecordedAt: null,
    attendingCellIds: [],
    critiqueClosesAt: null,
    critiquedCellIds: [],
    pointKinds: {},
    reportDueAt: null,
    reportSetAt: null,
    reportRevision: 0,
    firedTimers: [],
  };
}

export function isOpen(state: CycleState): boolean {
  return OPEN_STAGES.includes(state.stage);
}

// ── who is who in this cycle ─────────────────────────────────────────────────────────────────────────

function isCommitteeOfCycle(state: CycleState, actor: Actor): boolean {
  return actor.role === 'committee' && actor.committeeId === state.committeeId;
}

function isHostSecretary(state: CycleState, actor: Actor): boolean {
  return actor.role === 'secretary' && actor.cellId !== null && actor.cellId === state.hostCellId;
}

function isSecretaryOf(actor: Actor, cellId: string): boolean {
  return actor.role === 'secretary' && actor.cellId === cellId;
}

function reject(code: Rejection['code'], params?: Rejection['params']): Rejection {
  return params ? { code, params } : { code };
}

function requireStage(state: CycleState, ...stages: CycleStage[]): Rejection | null {
  return stages.includes(state.stage) ? null : reject('WRONG_STAGE', { stage: state.stage });
}

// ── launch ───────────────────────────────────────────────────────────────────────────────────────────

export function applyLaunch(state: CycleState, input: LaunchCycleInput, now: number): StepRecord {
  const record = nextRecord(state, now, 'CYCLE_LAUNCHED', input.launchedBy);
  record.launch = {
    cycleId: input.cycleId,
    committeeId: input.committeeId,
    title: input.title,
    topic: input.topic,
    kind: input.kind,
    status: state.stage,
    hostCellId: input.hostCellId,
    meetingAt: input.meetingAt,
    location: input.location,
    rubric: input.rubric,
    critiqueWindow: input.critiqueWindow,
    reportWindow: input.reportWindow,
    planDueAt: iso(planDueAt(state)),
    invitedCellIds: input.invitedCellIds,
    createdBy: input.launchedBy,
  };
  if (state.stage === 'PREPARATION') record.notify = invitationNotices(state);
  else record.notify = [{ to: { committee: true }, reason: 'HOST_SELECTION_NEEDED' }];
  return record;
}

function invitationNotices(state: CycleState): StepRecord['notify'] {
  return [
    { to: { cellIds: Object.keys(state.invitations) }, reason: 'INVITED' },
    { to: { cellIds: [state.hostCellId as string] }, reason: 'CHOSEN_AS_HOST' },
  ];
}

/** Invitations go out when the host is known; before that, only the committee knows of the meeting. */
function cellsToldOfTheMeeting(state: CycleState): string[] {
  if (!state.hostCellId) return [];
  return [...Object.keys(state.invitations), state.hostCellId];
}

function planDueAt(state: CycleState): number {
  return state.meetingAt - state.schedule.planDueLeadMs;
}

// ── host selection ───────────────────────────────────────────────────────────────────────────────────

/** Puts the ranked host candidates (from the ranking activity) on the timeline for the committee to see. */
export function applyHostCandidatesRanked(
  state: CycleState,
  candidates: { cellId: string; name: string; score: number; reasons: string[] }[],
  now: number,
): StepRecord {
  return nextRecord(state, now, 'HOST_CANDIDATES_RANKED', null, { candidates });
}

export function checkPickHost(state: CycleState, actor: Actor, input: PickHostInput): Rejection | null {
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  const stage = requireStage(state, 'HOST_SELECTION');
  if (stage) return state.hostCellId ? reject('ALREADY_DONE') : stage;
  if (state.invitations[input.cellId]) return reject('HOST_IS_INVITED');
  return null;
}

export function applyPickHost(state: CycleState, actor: Actor, input: PickHostInput, now: number): StepRecord {
  state.hostCellId = input.cellId;
  state.stage = 'PREPARATION';
  state.meetingSetAt = now;
  const record = nextRecord(state, now, 'HOST_SELECTED', actor.userId, { cellId: input.cellId });
  record.cycle = { status: state.stage, hostCellId: input.cellId };
  record.notify = invitationNotices(state);
  return record;
}

// ── preparation ──────────────────────────────────────────────────────────────────────────────────────

export function checkPostPlan(state: CycleState, actor: Actor): Rejection | null {
  if (!isHostSecretary(state, actor)) return reject('NOT_HOST_SECRETARY');
  return requireStage(state, 'PREPARATION', 'SCHEDULED');
}

export function applyPostPlan(state: CycleState, actor: Actor, input: PostPlanInput, now: number): StepRecord {
  const revised = state.planPosted;
  state.planPosted = true;
  state.stage = 'SCHEDULED';
  const record = nextRecord(state, now, revised ? 'PLAN_REVISED' : 'PLAN_POSTED', actor.userId);
  record.cycle = {
    status: state.stage,
    plan: {
      agenda: input.agenda,
      content: input.content,
      draftResolution: input.draftResolution ?? null,
      postedAt: iso(now),
      postedBy: actor.userId,
    },
  };
  record.notify = [{ to: { cellIds: Object.keys(state.invitations) }, reason: revised ? 'PLAN_REVISED' : 'PLAN_POSTED' }];
  return record;
}

export function checkRsvp(state: CycleState, actor: Actor, input: RsvpInput): Rejection | null {
  if (!state.invitations[input.cellId]) return reject('NOT_INVITED');
  if (!isSecretaryOf(actor, input.cellId)) return reject('NOT_INVITED');
  return requireStage(state, 'PREPARATION', 'SCHEDULED');
}

export function applyRsvp(state: CycleState, actor: Actor, input: RsvpInput, now: number): StepRecord {
  const status = input.response === 'accept' ? 'ACCEPTED' : 'DECLINED';
  state.invitations[input.cellId] = { status };
  const record = nextRecord(state, now, input.response === 'accept' ? 'RSVP_ACCEPTED' : 'RSVP_DECLINED', actor.userId, {
    cellId: input.cellId,
  });
  record.invitations = [
    { cellId: input.cellId, status, delegate: input.delegate ?? null, note: input.note ?? null, respondedAt: iso(now) },
  ];
  return record;
}

export function checkReschedule(state: CycleState, actor: Actor, input: RescheduleInput, now: number): Rejection | null {
  if (!isCommitteeOfCycle(state, actor) && !isHostSecretary(state, actor)) return reject('NOT_HOST_SECRETARY');
  const stage = requireStage(state, 'HOST_SELECTION', 'PREPARATION', 'SCHEDULED');
  if (stage) return stage;
  if (!(Date.parse(input.meetingAt) > now)) return reject('MEETING_NOT_IN_FUTURE');
  return null;
}

export function applyReschedule(state: CycleState, actor: Actor, input: RescheduleInput, now: number): StepRecord {
  const from = iso(state.meetingAt);
  state.meetingAt = Date.parse(input.meetingAt);
  state.meetingSetAt = now;
  const record = nextRecord(state, now, 'RESCHEDULED', actor.userId, { from, to: iso(state.meetingAt), reason: input.reason });
  record.cycle = { meetingAt: iso(state.meetingAt), planDueAt: iso(planDueAt(state)) };
  record.notify = [{ to: { cellIds: cellsToldOfTheMeeting(state) }, reason: 'RESCHEDULED' }];
  return record;
}

// ── the meeting ──────────────────────────────────────────────────────────────────────────────────────

export function checkRecordMeeting(state: CycleState, actor: Actor, input: RecordMeetingInput, now: number): Rejection | null {
  if (!isHostSecretary(state, actor)) return reject('NOT_HOST_SECRETARY');
  if (state.stage === 'PREPARATION') return reject('WRONG_STAGE', { stage: state.stage });
  const stage = requireStage(state, 'SCHEDULED');
  if (stage) return state.meetingRecordedAt !== null ? reject('ALREADY_DONE') : stage;
  if (now < state.meetingAt) return reject('MEETING_NOT_YET', { meetingAt: iso(state.meetingAt) });
  const startedAt = Date.parse(input.startedAt);
  const endedAt = Date.parse(input.endedAt);
  if (!(endedAt > startedAt) || endedAt > now) return reject('INVALID_MEETING_TIMES');
  const { present, total } = input.attendance;
  const absentWithReason = input.attendance.absentWithReason ?? 0;
  const absentWithoutReason = input.attendance.absentWithoutReason ?? 0;
  const counts = [present, total, absentWithReason, absentWithoutReason];
  if (total < 1 || counts.some((count) => !Number.isInteger(count) || count < 0)) return reject('INVALID_ATTENDANCE');
  if (present + absentWithReason + absentWithoutReason > total) return reject('INVALID_ATTENDANCE');
  const unknown = input.attendingCellIds.find((cellId) => !state.invitations[cellId]);
  if (unknown) return reject('INVALID_CELL', { cellId: unknown });
  if (input.selfScores && scoreProblems(state.rubric, input.selfScores).length > 0) return reject('INVALID_SCORES');
  return null;
}

/** Guidance: at least 90 minutes (120 for a thematic meeting held with the regular one), ≥ 90% attendance, no unexcused absence. */
export function meetingQualityFlags(kind: CycleState['kind'], input: RecordMeetingInput): string[] {
  const flags: string[] = [];
  const minutes = (Date.parse(input.endedAt) - Date.parse(input.startedAt)) / MINUTE;
  if (minutes < (kind === 'thematic' ? 120 : 90)) flags.push('SHORT_MEETING');
  if (input.attendance.present / input.attendance.total < 0.9) flags.push('LOW_ATTENDANCE');
  if ((input.attendance.absentWithoutReason ?? 0) > 0) flags.push('UNEXCUSED_ABSENCE');
  return flags;
}

export function applyRecordMeeting(state: CycleState, actor: Actor, input: RecordMeetingInput, now: number): StepRecord {
  state.meetingRecordedAt = now;
  state.attendingCellIds = [...new Set(input.attendingCellIds)];
  state.critiqueClosesAt = now + state.schedule.critiqueWindowMs;
  state.stage = 'CRITIQUE';
  const selfSummary = input.selfScores ? summariseScores(state.rubric, input.selfScores) : null;
  const record = nextRecord(state, now, 'MEETING_RECORDED', actor.userId, { attendingCells: state.attendingCellIds.length });
  record.cycle = {
    status: state.stage,
    critiqueClosesAt: iso(state.critiqueClosesAt),
    meeting: {
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      durationMinutes: Math.round((Date.parse(input.endedAt) - Date.parse(input.startedAt)) / MINUTE),
      attendance: {
        present: input.attendance.present,
        total: input.attendance.total,
        absentWithReason: input.attendance.absentWithReason ?? 0,
        absentWithoutReason: input.attendance.absentWithoutReason ?? 0,
      },
      attendingCellIds: state.attendingCellIds,
      minutes: input.minutes,
      resolution: input.resolution ?? null,
      selfScores: input.selfScores ?? null,
      selfScoreTotal: selfSummary?.total ?? null,
      selfRating: selfSummary?.rating ?? null,
      qualityFlags: meetingQualityFlags(state.kind, input),
      recordedAt: iso(now),
      recordedBy: actor.userId,
    },
  };
  record.invitations = state.attendingCellIds.map((cellId) => ({ cellId, attended: true }));
  if (state.attendingCellIds.length === 0) {
    closeCritique(state, now, record);
  } else {
    record.notify = [{ to: { cellIds: state.attendingCellIds }, reason: 'CRITIQUE_OPEN' }];
  }
  return record;
}

// ── critique ─────────────────────────────────────────────────────────────────────────────────────────

export function checkSubmitCritique(state: CycleState, actor: Actor, input: SubmitCritiqueInput, now: number): Rejection | null {
  if (actor.role !== 'secretary' || !actor.cellId || !state.attendingCellIds.includes(actor.cellId)) {
    return reject('NOT_ATTENDING');
  }
  if (state.critiquedCellIds.includes(actor.cellId)) return reject('ALREADY_DONE');
  if (state.stage !== 'CRITIQUE') {
    const windowClosed = state.meetingRecordedAt !== null && state.stage !== 'CANCELLED';
    return windowClosed ? reject('DEADLINE_PASSED') : reject('WRONG_STAGE', { stage: state.stage });
  }
  if (state.critiqueClosesAt !== null && now >= state.critiqueClosesAt) return reject('DEADLINE_PASSED');
  if (input.scores && scoreProblems(state.rubric, input.scores).length > 0) return reject('INVALID_SCORES');
  return null;
}

export function applySubmitCritique(
  state: CycleState,
  actor: Actor,
  input: SubmitCritiqueInput,
  now: number,
  newId: () => string,
): { record: StepRecord; critiqueId: string; pointIds: string[] } {
  const cellId = actor.cellId as string;
  const critiqueId = newId();
  const points: CritiquePoint[] = input.points.map((point) => ({ id: newId(), stage: point.stage, kind: point.kind, text: point.text }));
  for (const point of points) state.pointKinds[point.id] = point.kind;
  state.critiquedCellIds.push(cellId);
  const summary = input.scores ? summariseScores(state.rubric, input.scores) : null;
  const record = nextRecord(state, now, 'CRITIQUE_SUBMITTED', actor.userId, { cellId, critiqueId, points: points.length });
  record.critique = {
    id: critiqueId,
    cellId,
    submittedBy: actor.userId,
    submittedAt: iso(now),
    points,
    scores: input.scores ?? null,
    scoreTotal: summary?.total ?? null,
    rating: input.rating ?? summary?.rating ?? null,
  };
  if (state.attendingCellIds.every((attending) => state.critiquedCellIds.includes(attending))) {
    closeCritique(state, now, record);
  }
  return { record, critiqueId, pointIds: points.map((point) => point.id) };
}

/** The report window counts from when critique closed (`closedAt`), even if a late worker applies it afterwards. */
function closeCritique(state: CycleState, closedAt: number, record: StepRecord): void {
  state.stage = 'REPORTING';
  state.reportDueAt = closedAt + state.schedule.reportWindowMs;
  state.reportSetAt = closedAt;
  record.cycle = { ...record.cycle, status: state.stage, reportDueAt: iso(state.reportDueAt) };
  record.notify = [...(record.notify ?? []), { to: { cellIds: [state.hostCellId as string] }, reason: 'REPORT_NEEDED' }];
}

// ── report and review ────────────────────────────────────────────────────────────────────────────────

export function checkFileReport(state: CycleState, actor: Actor, input: FileReportInput): Rejection | null {
  if (!isHostSecretary(state, actor)) return reject('NOT_HOST_SECRETARY');
  const stage = requireStage(state, 'REPORTING');
  if (stage) return state.stage === 'REVIEW' ? reject('ALREADY_DONE') : stage;
  const answered = new Set<string>();
  for (const response of input.responses) {
    if (!state.pointKinds[response.pointId]) return reject('UNKNOWN_CRITIQUE_POINT', { pointId: response.pointId });
    if (answered.has(response.pointId)) return reject('DUPLICATE_RESPONSE', { pointId: response.pointId });
    answered.add(response.pointId);
  }
  const missing = Object.entries(state.pointKinds).filter(([pointId, kind]) => kind !== 'strength' && !answered.has(pointId));
  if (missing.length > 0) return reject('MISSING_RESPONSES', { count: missing.length, pointId: missing[0][0] });
  return null;
}

export function applyFileReport(
  state: CycleState,
  actor: Actor,
  input: FileReportInput,
  now: number,
  newId: () => string,
): StepRecord {
  const late = state.reportDueAt !== null && now > state.reportDueAt;
  state.stage = 'REVIEW';
  const actionItems: ActionItem[] = input.actionItems.map((item) => ({ id: newId(), ...item }));
  const record = nextRecord(state, now, 'REPORT_FILED', actor.userId, { revision: state.reportRevision, late });
  record.cycle = {
    status: state.stage,
    report: {
      responses: input.responses,
      lessons: input.lessons,
      actionItems,
      revision: state.reportRevision,
      filedAt: iso(now),
      filedBy: actor.userId,
      late,
    },
  };
  record.actionItems = { cellId: state.hostCellId as string, items: actionItems };
  record.notify = [{ to: { committee: true }, reason: 'REVIEW_NEEDED' }];
  return record;
}

export function checkReview(state: CycleState, actor: Actor, input: ReviewInput): Rejection | null {
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  const stage = requireStage(state, 'REVIEW');
  if (stage) return state.stage === 'CLOSED' ? reject('ALREADY_DONE') : stage;
  if (input.decision === 'accept' && !input.rating) return reject('RATING_REQUIRED');
  return null;
}

export function applyReview(state: CycleState, actor: Actor, input: ReviewInput, now: number): StepRecord {
  const review = {
    decision: input.decision,
    rating: input.decision === 'accept' ? (input.rating as Rating) : null,
    comment: input.comment ?? null,
    reviewedAt: iso(now),
    reviewedBy: actor.userId,
  };
  if (input.decision === 'revise') {
    state.stage = 'REPORTING';
    state.reportRevision += 1;
    state.reportDueAt = now + state.schedule.reportWindowMs;
    state.reportSetAt = now;
    const record = nextRecord(state, now, 'REVISION_REQUESTED', actor.userId, { comment: review.comment });
    record.cycle = { status: state.stage, review, reportDueAt: iso(state.reportDueAt) };
    record.notify = [{ to: { cellIds: [state.hostCellId as string] }, reason: 'REVISION_REQUESTED' }];
    return record;
  }
  state.stage = 'CLOSED';
  const record = nextRecord(state, now, 'CYCLE_CLOSED', actor.userId, { rating: review.rating });
  record.cycle = { status: state.stage, review };
  record.close = { hostCellId: state.hostCellId as string, hostedAt: iso(state.meetingAt), rating: review.rating as Rating };
  record.notify = [{ to: { cellIds: Object.keys(state.invitations) }, reason: 'LESSONS_SHARED' }];
  return record;
}

export function checkCancel(state: CycleState, actor: Actor): Rejection | null {
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  if (!isOpen(state)) return reject('WRONG_STAGE', { stage: state.stage });
  return null;
}

export function applyCancel(state: CycleState, actor: Actor, input: CancelInput, now: number): StepRecord {
  state.stage = 'CANCELLED';
  const record = nextRecord(state, now, 'CYCLE_CANCELLED', actor.userId, { reason: input.reason });
  record.cycle = { status: state.stage, cancelReason: input.reason };
  const cellIds = cellsToldOfTheMeeting(state);
  record.notify = cellIds.length > 0 ? [{ to: { cellIds }, reason: 'CANCELLED' }] : [{ to: { committee: true }, reason: 'CANCELLED' }];
  return record;
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
 * not sent late; deadlines (plan overdue, critique close, report overdue) always fire.
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
  if (state.stage === 'PREPARATION' || state.stage === 'SCHEDULED') {
    if (Object.values(state.invitations).some((invitation) => invitation.status === 'PENDING')) {
      add('RSVP_REMINDER', state.meetingAt - schedule.rsvpReminderLeadMs, state.meetingSetAt, true);
    }
  }
  if (state.stage === 'PREPARATION') {
    // Always raised; at short notice (already due when invitations went out) halfway to the meeting instead.
    const due = planDueAt(state);
    const halfway = state.meetingSetAt + Math.max(0, state.meetingAt - state.meetingSetAt) / 2;
    add('PLAN_OVERDUE', due >= state.meetingSetAt ? due : halfway, 0, false);
  }
  if (state.stage === 'CRITIQUE' && state.critiqueClosesAt !== null) {
    add('CRITIQUE_REMINDER', state.critiqueClosesAt - schedule.critiqueReminderLeadMs, state.meetingRecordedAt ?? 0, true);
    add('CRITIQUE_CLOSE', state.critiqueClosesAt, 0, false);
  }
  if (state.stage === 'REPORTING' && state.reportDueAt !== null) {
    add('REPORT_REMINDER', state.reportDueAt - schedule.reportReminderLeadMs, state.reportSetAt ?? 0, true);
    add('REPORT_OVERDUE', state.reportDueAt, 0, false);
  }
  return timers.sort((a, b) => a.at - b.at);
}

export function nextTimer(state: CycleState): DueTimer | null {
  return pendingTimers(state)[0] ?? null;
}

export function applyTimer(state: CycleState, timer: DueTimer, now: number): StepRecord {
  state.firedTimers.push(timer.key);
  switch (timer.kind) {
    case 'RSVP_REMINDER': {
      const pending = Object.entries(state.invitations)
        .filter(([, invitation]) => invitation.status === 'PENDING')
        .map(([cellId]) => cellId);
      const record = nextRecord(state, now, 'RSVP_REMINDER_SENT', null, { cells: pending.length });
      record.notify = [{ to: { cellIds: pending }, reason: 'RSVP_REMINDER' }];
      return record;
    }
    case 'PLAN_OVERDUE': {
      const record = nextRecord(state, now, 'PLAN_OVERDUE', null);
      record.notify = [
        { to: { cellIds: [state.hostCellId as string] }, reason: 'PLAN_REMINDER' },
        { to: { committee: true }, reason: 'PLAN_OVERDUE_ALERT' },
      ];
      return record;
    }
    case 'CRITIQUE_REMINDER': {
      const missing = missingCritiques(state);
      const record = nextRecord(state, now, 'CRITIQUE_REMINDER_SENT', null, { cells: missing.length });
      record.notify = [{ to: { cellIds: missing }, reason: 'CRITIQUE_REMINDER' }];
      return record;
    }
    case 'CRITIQUE_CLOSE': {
      const missing = missingCritiques(state);
      const record = nextRecord(state, now, 'CRITIQUE_CLOSED', null, { missingCellIds: missing });
      closeCritique(state, timer.at, record);
      return record;
    }
    case 'REPORT_REMINDER': {
      const record = nextRecord(state, now, 'REPORT_REMINDER_SENT', null, { revision: state.reportRevision });
      record.notify = [{ to: { cellIds: [state.hostCellId as string] }, reason: 'REPORT_REMINDER' }];
      return record;
    }
    case 'REPORT_OVERDUE': {
      const record = nextRecord(state, now, 'REPORT_OVERDUE', null, { revision: state.reportRevision });
      record.notify = [
        { to: { cellIds: [state.hostCellId as string] }, reason: 'REPORT_OVERDUE' },
        { to: { committee: true }, reason: 'REPORT_OVERDUE_ESCALATION' },
      ];
      return record;
    }
  }
}

export function missingCritiques(state: CycleState): string[] {
  return state.attendingCellIds.filter((cellId) => !state.critiquedCellIds.includes(cellId));
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────────────

function nextRecord(
  state: CycleState,
  now: number,
  event: StepRecord['event'],
  actorId: string | null,
  detail?: Record<string, unknown>,
): StepRecord {
  state.seq += 1;
  return { cycleId: state.cycleId, seq: state.seq, at: iso(now), event, actorId, ...(detail ? { detail } : {}) };
}

function iso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
