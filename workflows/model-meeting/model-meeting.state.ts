/**
 * The rules of a model-meeting cycle as pure functions over a plain state object: who may do which step
 * when, what each step changes, and which deadline comes next. No Temporal, no I/O, no clock of its own:
 * the workflow passes `now` and an id generator, so every rule is unit-tested in milliseconds.
 *
 * `check*` returns the reason a step is refused (or null); `apply*` changes the state and returns the
 * StepRecord the activities persist. A step is always checked, then applied in the same synchronous turn.
 *
 * Rulesets: a running cycle keeps the rules it was launched under, so replaying its history gives the same
 * decisions. Ruleset 1 is the first release; ruleset 2 (this one) adds the commune's rules of domain.md
 * that were missing: the host picked from the invited cells, reminders before each deadline and timers
 * for every stage that can stall, the meeting's length and exempted members, reconfirmation after a
 * reschedule, ratings that agree with the score sheet and the meeting record, upper-level guests, and
 * limits on how often a step can be changed (so a cycle's history stays bounded). Ruleset 3: the host
 * does not decide alone who attended — only cells that accepted can be recorded as attending, and a cell
 * that accepted and was left out can say it attended while the critique window is open.
 */
import { completeSchedule, PLANNING_HORIZON_MS, type CycleSchedule } from '../../libs/domain/cycle-schedule.js';
import type { Actor, PinnedRubric, Rating, Scores } from '../../libs/domain/cycle.js';
import { OPEN_STAGES, type CycleStage } from '../../libs/domain/cycle.js';
import type { Rejection } from '../../libs/domain/error-codes.js';
import { isHostSecretary, isOpenIn, isSecretaryOf, isStaffOf, type CycleAction } from '../../libs/domain/cycle-policy.js';
import type { ActionItem, CritiquePoint } from '../../libs/domain/cycle-records.js';
import { LIST_LIMITS, hasOwn, vietnamDate } from '../../libs/domain/input-bounds.js';
import { pointStepOf, ratingProblem, scoreProblems, summariseScores, type ScoreProblem } from '../../libs/domain/rating.js';
import type { StepRecord } from './model-meeting.types.js';
import { hostDueAt, planDueAt, recordDueAt, type DueTimer } from './model-meeting.timers.js';
import type { CancelInput, ClaimAttendanceInput, FileReportInput, InviteGuestsInput, LaunchCycleInput, PickHostInput, PostPlanInput, RecordMeetingInput, RescheduleInput, ReviewInput, RsvpInput, SubmitCritiqueInput } from './model-meeting.contract.js';

const MINUTE = 60_000;

/** The ruleset new cycles run under. */
export const CURRENT_RULESET = 3;

/**
 * How often one cycle's steps may be repeated (ruleset 2): a bound on what one careless or hostile person can
 * do to a cycle, well above what a real cycle needs. A cell may answer its invitation several times, and once
 * more for each new date it is asked to confirm. A run's history stays bounded whatever the total, since the
 * workflow continues as new between steps (see the workflow's header).
 */
export const CHANGE_LIMITS = {
  rsvpAnswersPerCell: 10,
  planPosts: 20,
  reschedules: 10,
  revisions: 10,
} as const;

/**
 * A run continues as new after this many steps (or when Temporal suggests it), so no run nears Temporal's
 * 2,000 updates or its history limits however busy the cycle; the new run carries the state.
 */
export const STEPS_PER_RUN = 500;

/** How far past the meeting an action item may be due (ruleset 2). */
export const ACTION_ITEM_HORIZON_YEARS = 5;

/** Minimum length of a meeting (Hướng dẫn: 90 minutes; 120 when a thematic meeting is held with the regular one). */
export const MINIMUM_MEETING_MINUTES = { single: 90, combined: 120 } as const;
/** Share of members (exempted ones not counted) who must attend for a meeting of quality. */
export const ATTENDANCE_FOR_QUALITY = 0.9;

export interface InvitationState {
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  /** How many answers this cell has given (ruleset 2 limits it). */
  answers?: number;
  /** The last answer's delegate and note: an answer that changes nothing is not a step. */
  delegate?: string | null;
  note?: string | null;
}

export interface CycleState {
  cycleId: string;
  committeeId: string;
  kind: 'regular' | 'thematic';
  ruleset: number;
  stage: CycleStage;
  hostCellId: string | null;
  launchedAt: number;
  meetingAt: number;
  /**
   * When the current schedule reached people (launch with a host, host picked, reschedule): a reminder
   * that was already due then is not sent late.
   */
  meetingSetAt: number;
  rubric: PinnedRubric;
  schedule: Required<CycleSchedule>;
  seq: number;
  invitations: Record<string, InvitationState>;
  /** Upper-level guests by user id, and whether each has sent a critique. */
  guests: Record<string, { critiqued: boolean }>;
  planPosted: boolean;
  planPosts: number;
  reschedules: number;
  meetingRecordedAt: number | null;
  meetingFlags: string[];
  attendingCellIds: string[];
  critiqueClosesAt: number | null;
  critiquedCellIds: string[];
  /** Kind of every critique point, by id: the report must answer each weakness and suggestion. */
  pointKinds: Record<string, CritiquePoint['kind']>;
  reportDueAt: number | null;
  reportSetAt: number | null;
  reportFiledAt: number | null;
  reportRevision: number;
  firedTimers: string[];
}

export function createCycleState(input: LaunchCycleInput, now: number, ruleset = CURRENT_RULESET): CycleState {
  return {
    cycleId: input.cycleId,
    committeeId: input.committeeId,
    kind: input.kind,
    ruleset,
    stage: input.hostCellId ? 'PREPARATION' : 'HOST_SELECTION',
    hostCellId: input.hostCellId,
    launchedAt: now,
    meetingAt: Date.parse(input.meetingAt),
    meetingSetAt: now,
    rubric: input.rubric,
    schedule: completeSchedule(input.schedule),
    seq: 0,
    invitations: Object.fromEntries(input.invitedCellIds.map((cellId) => [cellId, { status: 'PENDING' as const, answers: 0 }])),
    guests: ruleset >= 2 ? Object.fromEntries((input.guestIds ?? []).map((userId) => [userId, { critiqued: false }])) : {},
    planPosted: false,
    planPosts: 0,
    reschedules: 0,
    meetingRecordedAt: null,
    meetingFlags: [],
    attendingCellIds: [],
    critiqueClosesAt: null,
    critiquedCellIds: [],
    pointKinds: {},
    reportDueAt: null,
    reportSetAt: null,
    reportFiledAt: null,
    reportRevision: 0,
    firedTimers: [],
  };
}

export function isOpen(state: CycleState): boolean {
  return OPEN_STAGES.includes(state.stage);
}

// ── who is who in this cycle ─────────────────────────────────────────────────────────────────────────

// The relations are cycle-policy.ts's, over the state's facts.
const isCommitteeOfCycle = (state: CycleState, actor: Actor) => isStaffOf(actor, state.committeeId);
const isHostOfCycle = (state: CycleState, actor: Actor) => isHostSecretary(actor, state.hostCellId);

function isInvitedCell(state: CycleState, cellId: string): boolean {
  return hasOwn(state.invitations, cellId);
}

function isGuest(state: CycleState, actor: Actor): boolean {
  return actor.role === 'guest' && hasOwn(state.guests, actor.userId);
}

function reject(code: Rejection['code'], params?: Rejection['params']): Rejection {
  return params ? { code, params } : { code };
}

/** The stages an action is open in are the policy's (cycle-policy.ts). */
function requireStage(state: CycleState, action: CycleAction): Rejection | null {
  return isOpenIn(action, state.stage) ? null : reject('WRONG_STAGE', { stage: state.stage });
}

const rulesetTwo = (state: CycleState) => state.ruleset >= 2;
const rulesetThree = (state: CycleState) => state.ruleset >= 3;

/** Score problems under the cycle's ruleset: the point step is checked from ruleset 2 on. */
function scoreProblemsOf(state: CycleState, scores: Scores): ScoreProblem[] {
  const problems = scoreProblems(state.rubric, scores);
  return rulesetTwo(state) ? problems : problems.filter((problem) => problem.problem !== 'OFF_STEP');
}

/** INVALID_SCORES naming the first criterion at fault and why (unknown, above its maximum, off the step). */
function scoreRejection(state: CycleState, scores: Scores): Rejection | null {
  const [first] = scoreProblemsOf(state, scores);
  if (!first) return null;
  const criterion = state.rubric.criteria.find((candidate) => candidate.id === first.criterionId);
  return reject('INVALID_SCORES', {
    problem: first.problem,
    criterion: criterion?.label ?? first.criterionId,
    ...(criterion ? { max: criterion.maxPoints } : {}),
    step: pointStepOf(state.rubric),
  });
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
    meetingAt: iso(state.meetingAt),
    location: input.location,
    rubric: input.rubric,
    critiqueWindow: input.critiqueWindow,
    reportWindow: input.reportWindow,
    planDueAt: iso(planDueAt(state)),
    invitedCellIds: input.invitedCellIds,
    createdBy: input.launchedBy,
  };
  if (rulesetTwo(state)) {
    record.launch.ruleset = state.ruleset;
    record.launch.hostDueAt = state.hostCellId ? null : iso(hostDueAt(state));
    record.launch.recordDueAt = state.hostCellId ? iso(recordDueAt(state)) : null;
    record.launch.guestIds = Object.keys(state.guests);
  }
  if (state.stage === 'PREPARATION') record.notify = invitationNotices(state);
  else record.notify = [{ to: { committee: true }, reason: 'HOST_SELECTION_NEEDED' }];
  return record;
}

function invitationNotices(state: CycleState): NonNullable<StepRecord['notify']> {
  const notices: NonNullable<StepRecord['notify']> = [
    { to: { cellIds: Object.keys(state.invitations) }, reason: 'INVITED' },
    { to: { cellIds: [state.hostCellId as string] }, reason: 'CHOSEN_AS_HOST' },
  ];
  const guests = Object.keys(state.guests);
  if (guests.length > 0) notices.push({ to: { userIds: guests }, reason: 'GUEST_INVITED' });
  return notices;
}

/** Invitations go out when the host is known; before that, only the committee knows of the meeting. */
function cellsToldOfTheMeeting(state: CycleState): string[] {
  if (!state.hostCellId) return [];
  return [...Object.keys(state.invitations), state.hostCellId];
}

// ── host selection and guests ────────────────────────────────────────────────────────────────────────

/** Puts the ranked host candidates (from the ranking activity) on the timeline for the committee to see. */
export function applyHostCandidatesRanked(
  state: CycleState,
  candidates: { cellId: string; name: string; score: number; reasons: string[] }[],
  now: number,
): StepRecord {
  return nextRecord(state, now, 'HOST_CANDIDATES_RANKED', null, { candidates });
}

/**
 * The committee picks the host. From ruleset 2 it may pick one of the invited cells (a committee that
 * invites every cell decides the host afterwards): that cell leaves the invitation list.
 */
export function checkPickHost(state: CycleState, actor: Actor, input: PickHostInput): Rejection | null {
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  const stage = requireStage(state, 'pickHost');
  if (stage) return state.hostCellId ? reject('ALREADY_DONE') : stage;
  if (isInvitedCell(state, input.cellId)) {
    if (!rulesetTwo(state)) return reject('HOST_IS_INVITED');
    if (Object.keys(state.invitations).length === 1) return reject('NO_INVITEES_LEFT');
  }
  return null;
}

export function applyPickHost(state: CycleState, actor: Actor, input: PickHostInput, now: number): StepRecord {
  const wasInvited = isInvitedCell(state, input.cellId);
  if (wasInvited) delete state.invitations[input.cellId];
  state.hostCellId = input.cellId;
  state.stage = 'PREPARATION';
  state.meetingSetAt = now;
  const record = nextRecord(state, now, 'HOST_SELECTED', actor.userId, { cellId: input.cellId });
  record.cycle = { status: state.stage, hostCellId: input.cellId };
  if (rulesetTwo(state)) record.cycle = { ...record.cycle, hostDueAt: null, recordDueAt: iso(recordDueAt(state)) };
  if (wasInvited) record.uninvitedCellIds = [input.cellId];
  record.notify = invitationNotices(state);
  return record;
}

/** Guests may be added until the critique window closes (ruleset 2). */
export function checkInviteGuests(state: CycleState, actor: Actor, input: InviteGuestsInput): Rejection | null {
  if (!rulesetTwo(state)) return reject('WRONG_STAGE', { stage: state.stage });
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  const stage = requireStage(state, 'inviteGuests');
  if (stage) return stage;
  const fresh = new Set(input.guestIds.filter((userId) => !hasOwn(state.guests, userId)));
  if (fresh.size === 0) return reject('ALREADY_DONE');
  if (Object.keys(state.guests).length + fresh.size > LIST_LIMITS.guests) return reject('TOO_MANY_CHANGES', { limit: LIST_LIMITS.guests });
  return null;
}

export function applyInviteGuests(state: CycleState, actor: Actor, input: InviteGuestsInput, now: number): StepRecord {
  const fresh = [...new Set(input.guestIds.filter((userId) => !hasOwn(state.guests, userId)))];
  for (const userId of fresh) state.guests[userId] = { critiqued: false };
  const record = nextRecord(state, now, 'GUESTS_INVITED', actor.userId, { guests: fresh.length });
  record.guestIds = fresh;
  // Before the host is known only the committee knows of the meeting: the guests hear of it with the invitations.
  if (state.hostCellId) record.notify = [{ to: { userIds: fresh }, reason: state.stage === 'CRITIQUE' ? 'CRITIQUE_OPEN' : 'GUEST_INVITED' }];
  return record;
}

// ── preparation ──────────────────────────────────────────────────────────────────────────────────────

export function checkPostPlan(state: CycleState, actor: Actor): Rejection | null {
  if (!isHostOfCycle(state, actor)) return reject('NOT_HOST_SECRETARY');
  const stage = requireStage(state, 'postPlan');
  if (stage) return stage;
  if (rulesetTwo(state) && state.planPosts >= CHANGE_LIMITS.planPosts) return reject('TOO_MANY_CHANGES', { limit: CHANGE_LIMITS.planPosts });
  return null;
}

export function applyPostPlan(state: CycleState, actor: Actor, input: PostPlanInput, now: number): StepRecord {
  const revised = state.planPosted;
  state.planPosted = true;
  state.planPosts += 1;
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
      ...(rulesetTwo(state) ? { late: now > planDueAt(state) } : {}),
    },
  };
  record.notify = [{ to: { cellIds: Object.keys(state.invitations) }, reason: revised ? 'PLAN_REVISED' : 'PLAN_POSTED' }];
  return record;
}

export function checkRsvp(state: CycleState, actor: Actor, input: RsvpInput): Rejection | null {
  if (!isInvitedCell(state, input.cellId)) return reject('NOT_INVITED');
  if (!isSecretaryOf(actor, input.cellId)) return reject('NOT_INVITED');
  const stage = requireStage(state, 'rsvp');
  if (stage) return stage;
  const allowed = CHANGE_LIMITS.rsvpAnswersPerCell + state.reschedules;
  if (rulesetTwo(state) && (state.invitations[input.cellId].answers ?? 0) >= allowed) return reject('TOO_MANY_CHANGES', { limit: allowed });
  return null;
}

export function applyRsvp(state: CycleState, actor: Actor, input: RsvpInput, now: number): StepRecord {
  const status = input.response === 'accept' ? 'ACCEPTED' : 'DECLINED';
  state.invitations[input.cellId] = {
    status,
    answers: (state.invitations[input.cellId].answers ?? 0) + 1,
    delegate: input.delegate ?? null,
    note: input.note ?? null,
  };
  const record = nextRecord(state, now, input.response === 'accept' ? 'RSVP_ACCEPTED' : 'RSVP_DECLINED', actor.userId, {
    cellId: input.cellId,
  });
  record.invitations = [
    { cellId: input.cellId, status, delegate: input.delegate ?? null, note: input.note ?? null, respondedAt: iso(now) },
  ];
  return record;
}

/**
 * An answer exactly like the cell's standing one (same response, delegate and note) changes nothing: it is
 * refused as UNCHANGED before it becomes a step, so repeating it never fills the cycle's history. Checked by
 * the validator only (it never runs on replay).
 */
export function isUnchangedRsvp(state: CycleState, input: RsvpInput): boolean {
  if (!isInvitedCell(state, input.cellId)) return false;
  const standing = state.invitations[input.cellId];
  const status = input.response === 'accept' ? 'ACCEPTED' : 'DECLINED';
  return standing.status === status && (standing.delegate ?? null) === (input.delegate ?? null) && (standing.note ?? null) === (input.note ?? null);
}

/** The committee or the host moves the meeting; from ruleset 2 only before its time, and a limited number of times. */
export function checkReschedule(state: CycleState, actor: Actor, input: RescheduleInput, now: number): Rejection | null {
  if (!isCommitteeOfCycle(state, actor) && !isHostOfCycle(state, actor)) return reject('NOT_HOST_SECRETARY');
  const stage = requireStage(state, 'reschedule');
  if (stage) return stage;
  if (rulesetTwo(state)) {
    if (now >= state.meetingAt) return reject('RESCHEDULE_TOO_LATE');
    if (state.reschedules >= CHANGE_LIMITS.reschedules) return reject('TOO_MANY_CHANGES', { limit: CHANGE_LIMITS.reschedules });
  }
  if (!(Date.parse(input.meetingAt) > now)) return reject('MEETING_NOT_IN_FUTURE');
  if (rulesetTwo(state) && Date.parse(input.meetingAt) > now + PLANNING_HORIZON_MS) return reject('MEETING_TOO_FAR');
  return null;
}

/**
 * A new date asks the cells that had accepted to confirm again (ruleset 2): they are pending once more and
 * are reminded with the others. The committee hears of a reschedule the host made.
 */
export function applyReschedule(state: CycleState, actor: Actor, input: RescheduleInput, now: number): StepRecord {
  const from = iso(state.meetingAt);
  state.meetingAt = Date.parse(input.meetingAt);
  state.meetingSetAt = now;
  state.reschedules += 1;
  const record = nextRecord(state, now, 'RESCHEDULED', actor.userId, { from, to: iso(state.meetingAt), reason: input.reason });
  record.cycle = { meetingAt: iso(state.meetingAt), planDueAt: iso(planDueAt(state)) };
  if (!rulesetTwo(state)) {
    record.notify = [{ to: { cellIds: cellsToldOfTheMeeting(state) }, reason: 'RESCHEDULED' }];
    return record;
  }
  if (state.hostCellId) record.cycle.recordDueAt = iso(recordDueAt(state));
  else record.cycle.hostDueAt = iso(hostDueAt(state));
  const reconfirm = Object.keys(state.invitations).filter((cellId) => state.invitations[cellId].status === 'ACCEPTED');
  for (const cellId of reconfirm) state.invitations[cellId] = { ...state.invitations[cellId], status: 'PENDING' };
  record.invitations = reconfirm.map((cellId) => ({ cellId, status: 'PENDING' as const, respondedAt: null }));
  const told = cellsToldOfTheMeeting(state).filter((cellId) => !reconfirm.includes(cellId));
  record.notify = [];
  if (told.length > 0) record.notify.push({ to: { cellIds: told }, reason: 'RESCHEDULED' });
  if (reconfirm.length > 0) record.notify.push({ to: { cellIds: reconfirm }, reason: 'RESCHEDULED_RECONFIRM' });
  if (isHostOfCycle(state, actor)) record.notify.push({ to: { committee: true }, reason: 'RESCHEDULED_BY_HOST' });
  if (Object.keys(state.guests).length > 0 && state.hostCellId) record.notify.push({ to: { userIds: Object.keys(state.guests) }, reason: 'RESCHEDULED' });
  return record;
}

// ── the meeting ──────────────────────────────────────────────────────────────────────────────────────

/** How long a meeting may have lasted (ruleset 2); how early it may have started is the schedule's earlyStartToleranceMs. */
export const LONGEST_MEETING_MS = 12 * 60 * MINUTE;

export function checkRecordMeeting(state: CycleState, actor: Actor, input: RecordMeetingInput, now: number): Rejection | null {
  if (!isHostOfCycle(state, actor)) return reject('NOT_HOST_SECRETARY');
  if (state.stage === 'PREPARATION') return reject('WRONG_STAGE', { stage: state.stage });
  const stage = requireStage(state, 'recordMeeting');
  if (stage) return state.meetingRecordedAt !== null ? reject('ALREADY_DONE') : stage;
  if (now < state.meetingAt) return reject('MEETING_NOT_YET', { meetingAt: iso(state.meetingAt) });
  const startedAt = Date.parse(input.startedAt);
  const endedAt = Date.parse(input.endedAt);
  if (!(endedAt > startedAt)) return reject('INVALID_MEETING_TIMES', { problem: 'END_BEFORE_START' });
  if (endedAt > now) return reject('INVALID_MEETING_TIMES', { problem: 'ENDS_IN_FUTURE' });
  if (rulesetTwo(state)) {
    const earliest = state.meetingAt - state.schedule.earlyStartToleranceMs;
    if (startedAt < earliest) return reject('INVALID_MEETING_TIMES', { problem: 'STARTS_TOO_EARLY', earliest: iso(earliest) });
    if (endedAt - startedAt > LONGEST_MEETING_MS) return reject('INVALID_MEETING_TIMES', { problem: 'TOO_LONG', hours: LONGEST_MEETING_MS / (60 * MINUTE) });
  }
  const { present, total } = input.attendance;
  const absentWithReason = input.attendance.absentWithReason ?? 0;
  const absentWithoutReason = input.attendance.absentWithoutReason ?? 0;
  const exempted = rulesetTwo(state) ? (input.attendance.exempted ?? 0) : 0;
  const counts = [present, total, absentWithReason, absentWithoutReason, exempted];
  if (total < 1 || counts.some((count) => !Number.isInteger(count) || count < 0)) return reject('INVALID_ATTENDANCE');
  if (present + absentWithReason + absentWithoutReason + exempted > total || total - exempted < 1) return reject('INVALID_ATTENDANCE');
  const unknown = input.attendingCellIds.find((cellId) => !isInvitedCell(state, cellId));
  if (unknown) return reject('INVALID_CELL', { cellId: unknown });
  if (rulesetThree(state)) {
    const notAccepted = input.attendingCellIds.find((cellId) => state.invitations[cellId].status !== 'ACCEPTED');
    if (notAccepted) return reject('ATTENDING_NOT_ACCEPTED', { cellId: notAccepted });
  }
  if (input.selfScores) {
    const problem = scoreRejection(state, input.selfScores);
    if (problem) return problem;
  }
  return null;
}

/**
 * Quality observations the guidance asks for: too short (90 minutes, or 120 for a thematic meeting held with
 * the regular one; ruleset 1 asked 120 of every thematic meeting), too few present (exempted members not
 * counted), an unexcused absence.
 */
export function meetingQualityFlags(kind: CycleState['kind'], input: RecordMeetingInput, ruleset = CURRENT_RULESET): string[] {
  const flags: string[] = [];
  const minutes = (Date.parse(input.endedAt) - Date.parse(input.startedAt)) / MINUTE;
  const longMeeting = ruleset >= 2 ? input.combined === true : kind === 'thematic';
  if (minutes < (longMeeting ? MINIMUM_MEETING_MINUTES.combined : MINIMUM_MEETING_MINUTES.single)) flags.push('SHORT_MEETING');
  const expected = input.attendance.total - (ruleset >= 2 ? (input.attendance.exempted ?? 0) : 0);
  if (input.attendance.present / expected < ATTENDANCE_FOR_QUALITY) flags.push('LOW_ATTENDANCE');
  if ((input.attendance.absentWithoutReason ?? 0) > 0) flags.push('UNEXCUSED_ABSENCE');
  return flags;
}

export function applyRecordMeeting(state: CycleState, actor: Actor, input: RecordMeetingInput, now: number): StepRecord {
  state.meetingRecordedAt = now;
  state.attendingCellIds = [...new Set(input.attendingCellIds)];
  state.critiqueClosesAt = now + state.schedule.critiqueWindowMs;
  state.meetingFlags = meetingQualityFlags(state.kind, input, state.ruleset);
  state.stage = 'CRITIQUE';
  const selfSummary = input.selfScores ? summariseScores(state.rubric, input.selfScores) : null;
  const record = nextRecord(state, now, 'MEETING_RECORDED', actor.userId, { attendingCells: state.attendingCellIds.length });
  const startedAt = Date.parse(input.startedAt);
  const endedAt = Date.parse(input.endedAt);
  record.cycle = {
    status: state.stage,
    critiqueClosesAt: iso(state.critiqueClosesAt),
    meeting: {
      startedAt: rulesetTwo(state) ? iso(startedAt) : input.startedAt,
      endedAt: rulesetTwo(state) ? iso(endedAt) : input.endedAt,
      durationMinutes: Math.round((endedAt - startedAt) / MINUTE),
      attendance: {
        present: input.attendance.present,
        total: input.attendance.total,
        absentWithReason: input.attendance.absentWithReason ?? 0,
        absentWithoutReason: input.attendance.absentWithoutReason ?? 0,
        ...(rulesetTwo(state) ? { exempted: input.attendance.exempted ?? 0 } : {}),
      },
      attendingCellIds: state.attendingCellIds,
      minutes: input.minutes,
      resolution: input.resolution ?? null,
      selfScores: input.selfScores ?? null,
      selfScoreTotal: selfSummary?.total ?? null,
      selfRating: selfSummary?.rating ?? null,
      qualityFlags: state.meetingFlags,
      ...(rulesetTwo(state) ? { combined: input.combined === true } : {}),
      recordedAt: iso(now),
      recordedBy: actor.userId,
    },
  };
  if (rulesetTwo(state)) record.cycle.recordDueAt = null;
  record.invitations = state.attendingCellIds.map((cellId) => ({ cellId, attended: true }));
  const guests = Object.keys(state.guests);
  // Ruleset 3: cells that accepted but were not recorded may say they attended, so the window stays open for them.
  const leftOut = rulesetThree(state) ? acceptedButNotAttending(state) : [];
  if (state.attendingCellIds.length === 0 && leftOut.length === 0 && (!rulesetThree(state) || guests.length === 0)) {
    closeCritique(state, now, record);
  } else {
    record.notify = [];
    if (state.attendingCellIds.length > 0) record.notify.push({ to: { cellIds: state.attendingCellIds }, reason: 'CRITIQUE_OPEN' });
    if (guests.length > 0) record.notify.push({ to: { userIds: guests }, reason: 'CRITIQUE_OPEN' });
    if (leftOut.length > 0) record.notify.push({ to: { cellIds: leftOut }, reason: 'ATTENDANCE_NOT_RECORDED' });
  }
  return record;
}

function acceptedButNotAttending(state: CycleState): string[] {
  return Object.keys(state.invitations).filter((cellId) => state.invitations[cellId].status === 'ACCEPTED' && !state.attendingCellIds.includes(cellId));
}

/**
 * Ruleset 3: a cell that accepted and that the host left out of the meeting's record says it attended,
 * while the critique window is open; it then critiques like the others.
 */
export function checkClaimAttendance(state: CycleState, actor: Actor, input: ClaimAttendanceInput, now: number): Rejection | null {
  if (!rulesetThree(state)) return reject('WRONG_STAGE', { stage: state.stage });
  if (!isInvitedCell(state, input.cellId) || !isSecretaryOf(actor, input.cellId)) return reject('NOT_INVITED');
  if (state.attendingCellIds.includes(input.cellId)) return reject('ALREADY_DONE');
  if (!isOpenIn('claimAttendance', state.stage)) {
    return state.meetingRecordedAt !== null && state.stage !== 'CANCELLED' ? reject('DEADLINE_PASSED') : reject('WRONG_STAGE', { stage: state.stage });
  }
  if (state.critiqueClosesAt !== null && now >= state.critiqueClosesAt) return reject('DEADLINE_PASSED');
  if (state.invitations[input.cellId].status !== 'ACCEPTED') return reject('ATTENDING_NOT_ACCEPTED', { cellId: input.cellId });
  return null;
}

export function applyClaimAttendance(state: CycleState, actor: Actor, input: ClaimAttendanceInput, now: number): StepRecord {
  state.attendingCellIds = [...state.attendingCellIds, input.cellId];
  const record = nextRecord(state, now, 'ATTENDANCE_CLAIMED', actor.userId, { cellId: input.cellId });
  record.invitations = [{ cellId: input.cellId, attended: true }];
  // The delegate named when accepting stays unless the cell names who actually came.
  if (input.delegate) record.invitations.push({ cellId: input.cellId, delegate: input.delegate });
  record.notify = [
    { to: { cellIds: [state.hostCellId as string] }, reason: 'ATTENDANCE_CLAIMED', namedCellIds: [input.cellId] },
    { to: { committee: true }, reason: 'ATTENDANCE_CLAIMED', namedCellIds: [input.cellId] },
    { to: { cellIds: [input.cellId] }, reason: 'CRITIQUE_OPEN' },
  ];
  return record;
}

// ── critique ─────────────────────────────────────────────────────────────────────────────────────────

/** A visiting cell that attended, or (ruleset 2) an invited upper-level guest, sends one critique in the window. */
export function checkSubmitCritique(state: CycleState, actor: Actor, input: SubmitCritiqueInput, now: number): Rejection | null {
  const guest = rulesetTwo(state) && isGuest(state, actor);
  if (!guest && (actor.role !== 'secretary' || !actor.cellId || !state.attendingCellIds.includes(actor.cellId))) {
    return reject('NOT_ATTENDING');
  }
  const alreadyDone = guest ? state.guests[actor.userId].critiqued : state.critiquedCellIds.includes(actor.cellId as string);
  if (alreadyDone) return reject('ALREADY_DONE');
  if (!isOpenIn('submitCritique', state.stage)) {
    const windowClosed = state.meetingRecordedAt !== null && state.stage !== 'CANCELLED';
    return windowClosed ? reject('DEADLINE_PASSED') : reject('WRONG_STAGE', { stage: state.stage });
  }
  if (state.critiqueClosesAt !== null && now >= state.critiqueClosesAt) return reject('DEADLINE_PASSED');
  if (input.scores) {
    const problem = scoreRejection(state, input.scores);
    if (problem) return problem;
  }
  if (rulesetTwo(state) && input.rating) {
    const problem = ratingProblem(state.rubric, input.rating, input.scores ?? null, []);
    if (problem?.reason === 'DISAGREES_WITH_SCORES' || problem?.reason === 'TOP_NEEDS_FULL_POINTS') return ratingRejection(input.rating, problem);
  }
  return null;
}

export function applySubmitCritique(
  state: CycleState,
  actor: Actor,
  input: SubmitCritiqueInput,
  now: number,
  newId: () => string,
): { record: StepRecord; critiqueId: string; pointIds: string[] } {
  const guest = rulesetTwo(state) && isGuest(state, actor);
  const cellId = guest ? null : (actor.cellId as string);
  const critiqueId = newId();
  const points: CritiquePoint[] = input.points.map((point) => ({ id: newId(), stage: point.stage, kind: point.kind, text: point.text }));
  for (const point of points) state.pointKinds[point.id] = point.kind;
  if (guest) state.guests[actor.userId] = { critiqued: true };
  else state.critiquedCellIds.push(cellId as string);
  const summary = input.scores ? summariseScores(state.rubric, input.scores) : null;
  const detail = guest ? { guestId: actor.userId, critiqueId, points: points.length } : { cellId, critiqueId, points: points.length };
  const record = nextRecord(state, now, 'CRITIQUE_SUBMITTED', actor.userId, detail);
  record.critique = {
    id: critiqueId,
    cellId,
    ...(guest ? { guestId: actor.userId } : {}),
    submittedBy: actor.userId,
    submittedAt: iso(now),
    points,
    scores: input.scores ?? null,
    scoreTotal: summary?.total ?? null,
    rating: input.rating ?? summary?.rating ?? null,
  };
  // The window closes early once every attending cell has spoken; under ruleset 3 a cell that accepted and
  // was left out keeps it open, since it was told it may still say it attended until the window's end.
  const everyCellHasSpoken = state.attendingCellIds.every((attending) => state.critiquedCellIds.includes(attending));
  if (!guest && everyCellHasSpoken && (!rulesetThree(state) || acceptedButNotAttending(state).length === 0)) {
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
  if (!isHostOfCycle(state, actor)) return reject('NOT_HOST_SECRETARY');
  const stage = requireStage(state, 'fileReport');
  if (stage) return state.stage === 'REVIEW' ? reject('ALREADY_DONE') : stage;
  const answered = new Set<string>();
  // The answer's place in the report names it to a person; its id is for programs.
  for (const [index, response] of input.responses.entries()) {
    if (!hasOwn(state.pointKinds, response.pointId)) return reject('UNKNOWN_CRITIQUE_POINT', { pointId: response.pointId, position: index + 1 });
    if (answered.has(response.pointId)) return reject('DUPLICATE_RESPONSE', { pointId: response.pointId, position: index + 1 });
    answered.add(response.pointId);
  }
  const missing = Object.entries(state.pointKinds).filter(([pointId, kind]) => kind !== 'strength' && !answered.has(pointId));
  if (missing.length > 0) return reject('MISSING_RESPONSES', { count: missing.length, pointId: missing[0][0] });
  if (rulesetTwo(state)) {
    const { earliest, latest } = actionItemDueRange(state);
    const outside = input.actionItems.find((item) => item.dueDate < earliest || item.dueDate > latest);
    if (outside) return reject('DATE_OUT_OF_RANGE', { field: 'dueDate', from: earliest, to: latest });
  }
  return null;
}

/** An action item is due on or after the meeting's day (in Vietnam) and within a few years of it. */
export function actionItemDueRange(state: CycleState): { earliest: string; latest: string } {
  const earliest = vietnamDate(state.meetingAt);
  const latest = `${Number(earliest.slice(0, 4)) + ACTION_ITEM_HORIZON_YEARS}${earliest.slice(4)}`;
  return { earliest, latest: latest.endsWith('-02-29') ? latest.replace('-02-29', '-02-28') : latest };
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
  state.reportFiledAt = now;
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
  if (rulesetTwo(state)) record.cycle.reviewDueAt = iso(now + state.schedule.reviewWindowMs);
  record.actionItems = { cellId: state.hostCellId as string, items: actionItems };
  record.notify = [{ to: { committee: true }, reason: 'REVIEW_NEEDED' }];
  return record;
}

function ratingRejection(rating: Rating, problem: NonNullable<ReturnType<typeof ratingProblem>>): Rejection {
  const params: Record<string, string> = { rating, reason: problem.reason };
  if (problem.reason === 'TOP_NEEDS_FULL_POINTS') params.criteria = problem.criteria.map((label) => `“${label}”`).join('; ');
  if (problem.reason === 'DISAGREES_WITH_SCORES') params.band = problem.band;
  return reject('RATING_NOT_ALLOWED', params);
}

/**
 * The committee accepts the report and decides the rating, or sends it back. From ruleset 2 the rating obeys
 * the rule the proposals obey (domain.md): Tốt needs full points on the marked criteria of the committee's
 * sheet when it gives one, and a meeting long enough, attended enough, with no unexcused absence; a
 * complete sheet decides the band. Revisions are limited.
 */
export function checkReview(state: CycleState, actor: Actor, input: ReviewInput): Rejection | null {
  if (!isCommitteeOfCycle(state, actor)) return reject('NOT_COMMITTEE_OF_CYCLE');
  const stage = requireStage(state, 'review');
  if (stage) return state.stage === 'CLOSED' ? reject('ALREADY_DONE') : stage;
  if (input.decision === 'accept' && !input.rating) return reject('RATING_REQUIRED');
  if (!rulesetTwo(state)) return null;
  if (input.scores) {
    const problem = scoreRejection(state, input.scores);
    if (problem) return problem;
  }
  if (input.decision === 'revise' && state.reportRevision >= CHANGE_LIMITS.revisions) return reject('TOO_MANY_CHANGES', { limit: CHANGE_LIMITS.revisions });
  if (input.decision === 'accept') {
    const problem = ratingProblem(state.rubric, input.rating as Rating, input.scores ?? null, state.meetingFlags);
    if (problem) return ratingRejection(input.rating as Rating, problem);
  }
  return null;
}

export function applyReview(state: CycleState, actor: Actor, input: ReviewInput, now: number): StepRecord {
  const review = {
    decision: input.decision,
    rating: input.decision === 'accept' ? (input.rating as Rating) : null,
    comment: input.comment ?? null,
    reviewedAt: iso(now),
    reviewedBy: actor.userId,
    ...(rulesetTwo(state) && input.scores
      ? { scores: input.scores, scoreTotal: summariseScores(state.rubric, input.scores).total }
      : {}),
  };
  if (input.decision === 'revise') {
    state.stage = 'REPORTING';
    state.reportRevision += 1;
    state.reportDueAt = now + state.schedule.reportWindowMs;
    state.reportSetAt = now;
    state.reportFiledAt = null;
    const record = nextRecord(state, now, 'REVISION_REQUESTED', actor.userId, { comment: review.comment });
    record.cycle = { status: state.stage, review, reportDueAt: iso(state.reportDueAt) };
    if (rulesetTwo(state)) record.cycle.reviewDueAt = null;
    record.notify = [{ to: { cellIds: [state.hostCellId as string] }, reason: 'REVISION_REQUESTED' }];
    return record;
  }
  state.stage = 'CLOSED';
  const record = nextRecord(state, now, 'CYCLE_CLOSED', actor.userId, { rating: review.rating });
  record.cycle = { status: state.stage, review };
  if (rulesetTwo(state)) record.cycle.reviewDueAt = null;
  record.close = { hostCellId: state.hostCellId as string, hostedAt: iso(state.meetingAt), rating: review.rating as Rating };
  record.notify = [{ to: { cellIds: Object.keys(state.invitations) }, reason: 'LESSONS_SHARED' }];
  if (rulesetTwo(state)) record.notify.push({ to: { cellIds: [state.hostCellId as string] }, reason: 'RATED' });
  return record;
}

/** The committee of the cycle, or the installation's admin, may cancel it at any open stage. */
export function checkCancel(state: CycleState, actor: Actor): Rejection | null {
  if (!isCommitteeOfCycle(state, actor) && actor.role !== 'admin') return reject('NOT_COMMITTEE_OF_CYCLE');
  return requireStage(state, 'cancel');
}

export function applyCancel(state: CycleState, actor: Actor, input: CancelInput, now: number): StepRecord {
  state.stage = 'CANCELLED';
  const record = nextRecord(state, now, 'CYCLE_CANCELLED', actor.userId, { reason: input.reason });
  record.cycle = { status: state.stage, cancelReason: input.reason };
  if (rulesetTwo(state)) record.cycle = { ...record.cycle, hostDueAt: null, recordDueAt: null, reviewDueAt: null };
  const cellIds = cellsToldOfTheMeeting(state);
  record.notify = cellIds.length > 0 ? [{ to: { cellIds }, reason: 'CANCELLED' }] : [{ to: { committee: true }, reason: 'CANCELLED' }];
  const guests = Object.keys(state.guests);
  if (rulesetTwo(state) && guests.length > 0 && cellIds.length > 0) record.notify.push({ to: { userIds: guests }, reason: 'CANCELLED' });
  return record;
}

// ── timers ───────────────────────────────────────────────────────────────────────────────────────────

export function applyTimer(state: CycleState, timer: DueTimer, now: number): StepRecord {
  state.firedTimers.push(timer.key);
  const host = { cellIds: [state.hostCellId as string] };
  switch (timer.kind) {
    case 'HOST_SELECTION_OVERDUE': {
      const record = nextRecord(state, now, 'HOST_SELECTION_OVERDUE', null);
      record.notify = [{ to: { committee: true }, reason: 'HOST_SELECTION_REMINDER' }];
      return record;
    }
    case 'RSVP_REMINDER': {
      const pending = Object.entries(state.invitations)
        .filter(([, invitation]) => invitation.status === 'PENDING')
        .map(([cellId]) => cellId);
      const record = nextRecord(state, now, 'RSVP_REMINDER_SENT', null, { cells: pending.length });
      record.notify = [{ to: { cellIds: pending }, reason: 'RSVP_REMINDER' }];
      return record;
    }
    case 'PLAN_REMINDER': {
      const record = nextRecord(state, now, 'PLAN_REMINDER_SENT', null);
      record.notify = [{ to: host, reason: 'PLAN_DUE_SOON' }];
      return record;
    }
    case 'PLAN_OVERDUE': {
      const record = nextRecord(state, now, 'PLAN_OVERDUE', null);
      record.notify = [
        { to: host, reason: 'PLAN_REMINDER' },
        { to: { committee: true }, reason: 'PLAN_OVERDUE_ALERT' },
      ];
      return record;
    }
    case 'MEETING_RECORD_REMINDER': {
      const record = nextRecord(state, now, 'MEETING_RECORD_REMINDER_SENT', null);
      record.notify = [{ to: host, reason: 'MEETING_RECORD_REMINDER' }];
      return record;
    }
    case 'MEETING_RECORD_OVERDUE': {
      const record = nextRecord(state, now, 'MEETING_RECORD_OVERDUE', null);
      record.notify = [
        { to: host, reason: 'MEETING_RECORD_REMINDER' },
        { to: { committee: true }, reason: 'MEETING_RECORD_OVERDUE_ALERT', namedCellIds: host.cellIds },
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
      if (rulesetTwo(state) && missing.length > 0) {
        record.notify = [...(record.notify ?? []), { to: { committee: true }, reason: 'CRITIQUES_MISSING', namedCellIds: missing }];
      }
      return record;
    }
    case 'REPORT_REMINDER': {
      const record = nextRecord(state, now, 'REPORT_REMINDER_SENT', null, { revision: state.reportRevision });
      record.notify = [{ to: host, reason: 'REPORT_REMINDER' }];
      return record;
    }
    case 'REPORT_OVERDUE': {
      const record = nextRecord(state, now, 'REPORT_OVERDUE', null, { revision: state.reportRevision });
      record.notify = [
        { to: host, reason: 'REPORT_OVERDUE' },
        { to: { committee: true }, reason: 'REPORT_OVERDUE_ESCALATION', ...(rulesetTwo(state) ? { namedCellIds: host.cellIds } : {}) },
      ];
      return record;
    }
    case 'REVIEW_OVERDUE': {
      const record = nextRecord(state, now, 'REVIEW_OVERDUE', null, { revision: state.reportRevision });
      record.notify = [{ to: { committee: true }, reason: 'REVIEW_REMINDER' }];
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
