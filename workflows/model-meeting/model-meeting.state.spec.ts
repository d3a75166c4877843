import { describe, expect, it } from '@jest/globals';
import type { Actor, CycleStage, PinnedRubric, Rating } from '../../libs/domain/cycle.js';
import { PLANNING_HORIZON_MS } from '../../libs/domain/cycle-schedule.js';
import type { Rejection } from '../../libs/domain/error-codes.js';
import { httpStatusOf } from '../../apps/api/common/api-exception.filter.js';
import { LIST_LIMITS } from '../../libs/domain/input-bounds.js';
import {
  applyCancel,
  applyFileReport,
  applyInviteGuests,
  applyLaunch,
  applyPickHost,
  applyPostPlan,
  applyRecordMeeting,
  applyReschedule,
  applyReview,
  applyRsvp,
  applySubmitCritique,
  applyTimer,
  CHANGE_LIMITS,
  checkCancel,
  checkFileReport,
  checkInviteGuests,
  checkPickHost,
  checkPostPlan,
  checkRecordMeeting,
  checkReschedule,
  checkReview,
  checkRsvp,
  checkSubmitCritique,
  createCycleState,
  CURRENT_RULESET,
  isOpen,
  LONGEST_MEETING_MS,
  meetingQualityFlags,
  missingCritiques,
  type CycleState,
} from './model-meeting.state.js';
import { nextTimer, pendingTimers, type DueTimer } from './model-meeting.timers.js';
import type { NotificationIntent, StepRecord, TimerKind } from './model-meeting.types.js';
import type { CycleSchedule, FileReportInput, LaunchCycleInput, NotificationReason, RecordMeetingInput, SubmitCritiqueInput } from './model-meeting.contract.js';

// ── rulesets ─────────────────────────────────────────────────────────────────────────────────────────

/** Cycles launched before ruleset 2 keep ruleset 1, so that their histories replay as they were recorded. */
const RULESET_1 = 1;
/** The ruleset this spec describes (ruleset 3 adds only the attendance rules, in its own spec). */
const RULESET_2 = 2;
/** The label of every block that pins ruleset-1 behaviour. */
const UNDER_RULESET_1 = 'ruleset 1 (cycles launched before ruleset 2, kept for replay)';

// ── fixed clock ──────────────────────────────────────────────────────────────────────────────────────

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const T0 = Date.parse('2026-12-01T08:00:00+07:00');
/** The meeting is set 10 days after launch: 2026-12-11 08:00 in Hà Nội. */
const MEETING_AT = T0 + 10 * DAY;
const MEETING_AT_ISO = '2026-12-11T01:00:00.000Z';
const PLAN_AT = T0 + DAY;
const RECORD_AT = MEETING_AT + 3 * HOUR;

/** The six leads every schedule has (ruleset 1 knew only these). */
const BASE_SCHEDULE: CycleSchedule = {
  critiqueWindowMs: 3 * DAY,
  reportWindowMs: 7 * DAY,
  rsvpReminderLeadMs: 2 * DAY,
  planDueLeadMs: DAY,
  critiqueReminderLeadMs: DAY,
  reportReminderLeadMs: 2 * DAY,
};

/** The leads ruleset 2 adds, set explicitly (the plan reminder 12 hours ahead, so no two timers share a time). */
const SCHEDULE: CycleSchedule = {
  ...BASE_SCHEDULE,
  hostPickLeadMs: 3 * DAY,
  planReminderLeadMs: 12 * HOUR,
  recordReminderDelayMs: 4 * HOUR,
  recordDueDelayMs: DAY,
  reviewWindowMs: 7 * DAY,
  earlyStartToleranceMs: HOUR,
};

/** A meeting may be recorded as started at most earlyStartToleranceMs (1 hour) before its scheduled time. */
const EARLY_START_TOLERANCE = HOUR;

/** The plan is due planDueLeadMs (1 day) before the meeting: 2026-12-10 08:00 in Hà Nội. */
const PLAN_DUE_AT = MEETING_AT - DAY;
/** The host should be picked hostPickLeadMs (3 days) before the plan is due: T0 + 6 days. */
const HOST_DUE_AT = PLAN_DUE_AT - 3 * DAY;
/** The host is reminded planReminderLeadMs (12 hours) before the plan is due. */
const PLAN_REMINDER_AT = PLAN_DUE_AT - 12 * HOUR;
/** The host is reminded recordReminderDelayMs (4 hours) after the meeting's time to put it on record… */
const RECORD_REMINDER_AT = MEETING_AT + 4 * HOUR;
/** …and the committee alerted recordDueDelayMs (1 day) after it. */
const RECORD_DUE_AT = MEETING_AT + DAY;

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

// ── organisation ─────────────────────────────────────────────────────────────────────────────────────

const COMMITTEE_ID = 'committee-na-hoi';
const OTHER_COMMITTEE_ID = 'committee-lung-vai';
const CYCLE_ID = 'cycle-0001';
const HOST = 'cell-na-hoi-tay';
const A = 'cell-na-hoi-nung';
const B = 'cell-coc-ly';
const C = 'cell-ban-ngo';
const OUTSIDER = 'cell-not-invited';
const INVITED = [A, B, C];
const GUEST = 'user-guest-tinh-uy';
const OTHER_GUEST = 'user-guest-huyen-uy';

const staff: Actor = { userId: 'user-staff', role: 'committee', committeeId: COMMITTEE_ID, cellId: null };
const otherStaff: Actor = { userId: 'user-other-staff', role: 'committee', committeeId: OTHER_COMMITTEE_ID, cellId: null };
const admin: Actor = { userId: 'user-admin', role: 'admin', committeeId: null, cellId: null };
const secretary = (cellId: string): Actor => ({ userId: `user-${cellId}`, role: 'secretary', committeeId: COMMITTEE_ID, cellId });
const hostSecretary = secretary(HOST);
const guest = (userId: string): Actor => ({ userId, role: 'guest', committeeId: null, cellId: null });

const TIME_LABEL = 'Thời gian, thời lượng';
const MINUTES_LABEL = 'Biên bản, nghị quyết';

const RUBRIC: PinnedRubric = {
  id: 'rubric-test',
  name: 'Phiếu chấm điểm thử',
  version: 3,
  criteria: [
    { id: 'time', label: TIME_LABEL, maxPoints: 10, requiredForTop: true },
    { id: 'content', label: 'Nội dung sinh hoạt', maxPoints: 60 },
    { id: 'minutes', label: MINUTES_LABEL, maxPoints: 30, requiredForTop: true },
  ],
};

function launchInput(overrides: Partial<LaunchCycleInput> = {}): LaunchCycleInput {
  return {
    cycleId: CYCLE_ID,
    committeeId: COMMITTEE_ID,
    title: 'Sinh hoạt chi bộ điểm quý IV',
    topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
    kind: 'regular',
    hostCellId: HOST,
    invitedCellIds: INVITED,
    meetingAt: iso(MEETING_AT),
    location: 'Nhà văn hóa thôn Na Hối Tày',
    rubric: RUBRIC,
    critiqueWindow: 'P3D',
    reportWindow: 'P7D',
    schedule: SCHEDULE,
    launchedBy: staff.userId,
    ...overrides,
  };
}

function counter(prefix = 'id'): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

// ── driving a cycle: every step is checked, then applied, as the workflow does ───────────────────────

function code(rejection: Rejection | null): string | null {
  return rejection ? rejection.code : null;
}

function expectForbidden(rejection: Rejection | null): void {
  expect(rejection).not.toBeNull();
  expect(httpStatusOf((rejection as Rejection).code)).toBe(403);
}

function launch(
  overrides: Partial<LaunchCycleInput> = {},
  now = T0,
  ruleset = RULESET_2,
): { state: CycleState; record: StepRecord } {
  const input = launchInput(overrides);
  const state = createCycleState(input, now, ruleset);
  const record = applyLaunch(state, input, now);
  return { state, record };
}

const PLAN = { agenda: ['Khai mạc', 'Thảo luận', 'Biểu quyết nghị quyết'], content: 'Nội dung sinh hoạt tháng 12' };

function postPlan(state: CycleState, now = PLAN_AT): StepRecord {
  expect(checkPostPlan(state, hostSecretary)).toBeNull();
  return applyPostPlan(state, hostSecretary, PLAN, now);
}

function rsvp(state: CycleState, cellId: string, response: 'accept' | 'decline', now = T0 + HOUR): StepRecord {
  const input = { cellId, response, delegate: 'Đồng chí Hoàng Văn Thắng' };
  expect(checkRsvp(state, secretary(cellId), input)).toBeNull();
  return applyRsvp(state, secretary(cellId), input, now);
}

function reschedule(state: CycleState, meetingAt: number, now: number, actor: Actor = staff): StepRecord {
  const input = { meetingAt: iso(meetingAt), reason: 'Trùng lịch họp của Đảng ủy' };
  expect(checkReschedule(state, actor, input, now)).toBeNull();
  return applyReschedule(state, actor, input, now);
}

function meetingInput(attendingCellIds: string[], overrides: Partial<RecordMeetingInput> = {}): RecordMeetingInput {
  return {
    startedAt: iso(MEETING_AT),
    endedAt: iso(MEETING_AT + 100 * MINUTE),
    attendance: { present: 20, total: 21, absentWithReason: 1, absentWithoutReason: 0 },
    attendingCellIds,
    minutes: 'Biên bản: chi bộ đã thảo luận, thống nhất nghị quyết tháng.',
    ...overrides,
  };
}

function recordMeeting(state: CycleState, attending: string[] = [A, B], now = RECORD_AT, overrides: Partial<RecordMeetingInput> = {}): StepRecord {
  const input = meetingInput(attending, overrides);
  expect(checkRecordMeeting(state, hostSecretary, input, now)).toBeNull();
  return applyRecordMeeting(state, hostSecretary, input, now);
}

const CRITIQUE: SubmitCritiqueInput = {
  points: [
    { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tài liệu chu đáo, gửi trước 1 ngày.' },
    { stage: 'content', kind: 'weakness', text: 'Phần thảo luận còn ít đảng viên phát biểu.' },
    { stage: 'tasks', kind: 'suggestion', text: 'Nên phân công nhiệm vụ cụ thể, có thời hạn.' },
  ],
};

function critique(state: CycleState, cellId: string, now: number, newId: () => string, input: SubmitCritiqueInput = CRITIQUE) {
  expect(checkSubmitCritique(state, secretary(cellId), input, now)).toBeNull();
  return applySubmitCritique(state, secretary(cellId), input, now, newId);
}

/** Launched with a host, plan posted, meeting recorded with A and B attending. */
function inCritique(attending: string[] = [A, B], ruleset = RULESET_2, overrides: Partial<LaunchCycleInput> = {}): CycleState {
  const { state } = launch(overrides, T0, ruleset);
  postPlan(state);
  recordMeeting(state, attending);
  return state;
}

const CRITIQUE_A_AT = RECORD_AT + DAY;
const CRITIQUE_B_AT = RECORD_AT + 2 * DAY;

/** Both attending cells critiqued, so the critique closed early at CRITIQUE_B_AT. */
function inReporting(ruleset = RULESET_2, overrides: Partial<LaunchCycleInput> = {}) {
  const state = inCritique([A, B], ruleset, overrides);
  const newId = counter('pt');
  const fromA = critique(state, A, CRITIQUE_A_AT, newId, {
    points: [
      { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tốt.' },
      { stage: 'chairing', kind: 'weakness', text: 'Chủ trì để thảo luận kéo dài.' },
    ],
  });
  const fromB = critique(state, B, CRITIQUE_B_AT, newId, {
    points: [{ stage: 'minutes', kind: 'suggestion', text: 'Biên bản cần ghi rõ ý kiến từng đồng chí.' }],
  });
  const [strength, weakness] = fromA.pointIds;
  const [suggestion] = fromB.pointIds;
  return { state, strength, weakness, suggestion, closedAt: CRITIQUE_B_AT };
}

const FILE_AT = CRITIQUE_B_AT + DAY;

function reportInput(pointIds: string[]): FileReportInput {
  return {
    responses: pointIds.map((pointId) => ({ pointId, stance: 'accept' as const, text: 'Chi bộ tiếp thu, sẽ khắc phục.' })),
    lessons: ['Gửi tài liệu sớm hơn', 'Tăng thời gian thảo luận'],
    actionItems: [{ title: 'Sửa quy chế làm việc', owner: 'Đồng chí Lò Văn Pọm', dueDate: '2027-01-15' }],
  };
}

function inReview(ruleset = RULESET_2) {
  const reporting = inReporting(ruleset);
  const input = reportInput([reporting.weakness, reporting.suggestion]);
  expect(checkFileReport(reporting.state, hostSecretary, input)).toBeNull();
  applyFileReport(reporting.state, hostSecretary, input, FILE_AT, counter('item'));
  return reporting;
}

/** A cycle in REVIEW whose meeting was recorded with these overrides (A attended and critiqued). */
function inReviewAfter(meeting: Partial<RecordMeetingInput>, ruleset = RULESET_2): CycleState {
  const { state } = launch({}, T0, ruleset);
  postPlan(state);
  recordMeeting(state, [A], RECORD_AT, meeting);
  const { pointIds } = critique(state, A, CRITIQUE_A_AT, counter());
  const input = reportInput(pointIds.slice(1));
  expect(checkFileReport(state, hostSecretary, input)).toBeNull();
  applyFileReport(state, hostSecretary, input, FILE_AT, counter());
  expect(state.stage).toBe('REVIEW');
  return state;
}

const REVIEW_AT = FILE_AT + DAY;

function stateAt(stage: CycleStage, ruleset = RULESET_2): CycleState {
  switch (stage) {
    case 'HOST_SELECTION':
      return launch({ hostCellId: null }, T0, ruleset).state;
    case 'PREPARATION':
      return launch({}, T0, ruleset).state;
    case 'SCHEDULED': {
      const { state } = launch({}, T0, ruleset);
      postPlan(state);
      return state;
    }
    case 'CRITIQUE':
      return inCritique([A, B], ruleset);
    case 'REPORTING':
      return inReporting(ruleset).state;
    case 'REVIEW':
      return inReview(ruleset).state;
    case 'CLOSED': {
      const { state } = inReview(ruleset);
      applyReview(state, staff, { decision: 'accept', rating: 'KHA' }, REVIEW_AT);
      return state;
    }
    case 'CANCELLED': {
      const { state } = launch({}, T0, ruleset);
      applyCancel(state, staff, { reason: 'Thiên tai' }, T0 + HOUR);
      return state;
    }
  }
}

function timersOf(state: CycleState): { kind: TimerKind; at: number }[] {
  return pendingTimers(state).map(({ kind, at }) => ({ kind, at }));
}

function kindsOf(state: CycleState): TimerKind[] {
  return pendingTimers(state).map(({ kind }) => kind);
}

function timer(state: CycleState, kind: TimerKind): DueTimer {
  const found = pendingTimers(state).find((candidate) => candidate.kind === kind);
  expect(found).toBeDefined();
  return found as DueTimer;
}

/** The one notification of a record with this reason. */
function notice(record: StepRecord, reason: NotificationReason): NotificationIntent {
  const found = (record.notify ?? []).filter((intent) => intent.reason === reason);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The cells a notification goes to, sorted. */
function cellsOf(intent: NotificationIntent): string[] {
  expect(intent.to).toHaveProperty('cellIds');
  return [...(intent.to as { cellIds: string[] }).cellIds].sort();
}

function reasonsOf(record: StepRecord): NotificationReason[] {
  return (record.notify ?? []).map((intent) => intent.reason);
}

// ── launch ───────────────────────────────────────────────────────────────────────────────────────────

describe('launch', () => {
  it('runs new cycles under the latest ruleset (3: attendance checked against the answers, see model-meeting.attendance.spec.ts); this spec pins ruleset 2', () => {
    expect(CURRENT_RULESET).toBe(3);
    expect(launch().state.ruleset).toBe(RULESET_2);
  });

  it('without a host starts in HOST_SELECTION and asks the committee to pick one', () => {
    const { state, record } = launch({ hostCellId: null });
    expect(state.stage).toBe('HOST_SELECTION');
    expect(state.hostCellId).toBeNull();
    expect(isOpen(state)).toBe(true);
    expect(record).toMatchObject({ cycleId: CYCLE_ID, seq: 1, at: iso(T0), event: 'CYCLE_LAUNCHED', actorId: staff.userId });
    expect(record.launch).toMatchObject({ status: 'HOST_SELECTION', hostCellId: null, meetingAt: MEETING_AT_ISO, createdBy: staff.userId });
    expect(record.notify).toEqual([{ to: { committee: true }, reason: 'HOST_SELECTION_NEEDED' }]);
  });

  it('with a host starts in PREPARATION, invites every invited cell and tells the host', () => {
    const { state, record } = launch();
    expect(state.stage).toBe('PREPARATION');
    expect(state.hostCellId).toBe(HOST);
    expect(state.seq).toBe(1);
    expect(Object.keys(state.invitations).sort()).toEqual([...INVITED].sort());
    expect(Object.values(state.invitations).every((invitation) => invitation.status === 'PENDING')).toBe(true);
    expect(record.launch).toMatchObject({
      cycleId: CYCLE_ID,
      committeeId: COMMITTEE_ID,
      status: 'PREPARATION',
      hostCellId: HOST,
      invitedCellIds: INVITED,
      rubric: RUBRIC,
      critiqueWindow: 'P3D',
      reportWindow: 'P7D',
      // the plan is due planDueLeadMs (1 day) before the meeting
      planDueAt: '2026-12-10T01:00:00.000Z',
    });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: INVITED }, reason: 'INVITED' },
        { to: { cellIds: [HOST] }, reason: 'CHOSEN_AS_HOST' },
      ]),
    );
    expect(record.notify).toHaveLength(2);
  });

  it('records the ruleset and, without a host, when the host is due (hostPickLead before the plan)', () => {
    const { record } = launch({ hostCellId: null });
    expect(record.launch).toMatchObject({ ruleset: RULESET_2, hostDueAt: iso(HOST_DUE_AT), recordDueAt: null, guestIds: [] });
    expect(record.launch?.hostDueAt).toBe('2026-12-07T01:00:00.000Z');
  });

  it('records, with a host, when the meeting is due on record (recordDueDelay after its time)', () => {
    const { record } = launch();
    expect(record.launch).toMatchObject({ ruleset: RULESET_2, hostDueAt: null, recordDueAt: iso(RECORD_DUE_AT), guestIds: [] });
    expect(record.launch?.recordDueAt).toBe('2026-12-12T01:00:00.000Z');
  });

  it('fills in the leads a schedule leaves out from the defaults', () => {
    const { state } = launch({ schedule: BASE_SCHEDULE });
    expect(state.schedule).toEqual({
      ...BASE_SCHEDULE,
      hostPickLeadMs: 3 * DAY,
      planReminderLeadMs: DAY,
      recordReminderDelayMs: 4 * HOUR,
      recordDueDelayMs: DAY,
      reviewWindowMs: 7 * DAY,
      earlyStartToleranceMs: HOUR,
    });
    expect(timer(state, 'PLAN_REMINDER').at).toBe(PLAN_DUE_AT - DAY);
    expect(timer(state, 'MEETING_RECORD_REMINDER').at).toBe(MEETING_AT + 4 * HOUR);
    expect(timer(state, 'MEETING_RECORD_OVERDUE').at).toBe(MEETING_AT + DAY);
    expect(timer(launch({ hostCellId: null, schedule: BASE_SCHEDULE }).state, 'HOST_SELECTION_OVERDUE').at).toBe(PLAN_DUE_AT - 3 * DAY);
  });

  it('invites the guests named at launch together with the cells', () => {
    const { state, record } = launch({ guestIds: [GUEST, OTHER_GUEST] });
    expect(state.guests).toEqual({ [GUEST]: { critiqued: false }, [OTHER_GUEST]: { critiqued: false } });
    expect(record.launch?.guestIds).toEqual([GUEST, OTHER_GUEST]);
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: INVITED }, reason: 'INVITED' },
        { to: { cellIds: [HOST] }, reason: 'CHOSEN_AS_HOST' },
        { to: { userIds: [GUEST, OTHER_GUEST] }, reason: 'GUEST_INVITED' },
      ]),
    );
    expect(record.notify).toHaveLength(3);
  });

  it('tells the guests named at launch nothing before the host is picked; they hear with the invitations', () => {
    const { state, record } = launch({ hostCellId: null, guestIds: [GUEST] });
    expect(state.guests).toEqual({ [GUEST]: { critiqued: false } });
    expect(record.notify).toEqual([{ to: { committee: true }, reason: 'HOST_SELECTION_NEEDED' }]);
    const picked = applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
    expect(picked.notify).toContainEqual({ to: { userIds: [GUEST] }, reason: 'GUEST_INVITED' });
  });

  describe(UNDER_RULESET_1, () => {
    it('records none of the ruleset-2 launch fields and ignores guests', () => {
      const { state, record } = launch({ guestIds: [GUEST] }, T0, RULESET_1);
      expect(state.ruleset).toBe(RULESET_1);
      expect(state.guests).toEqual({});
      expect(record.launch).not.toHaveProperty('ruleset');
      expect(record.launch).not.toHaveProperty('hostDueAt');
      expect(record.launch).not.toHaveProperty('recordDueAt');
      expect(record.launch).not.toHaveProperty('guestIds');
      expect(reasonsOf(record).sort()).toEqual(['CHOSEN_AS_HOST', 'INVITED']);
    });
  });
});

// ── host selection ───────────────────────────────────────────────────────────────────────────────────

describe('pickHost', () => {
  it('lets staff of the cycle’s committee pick the host, which opens preparation', () => {
    const { state } = launch({ hostCellId: null });
    expect(checkPickHost(state, staff, { cellId: HOST })).toBeNull();
    const record = applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
    expect(state.stage).toBe('PREPARATION');
    expect(state.hostCellId).toBe(HOST);
    expect(record).toMatchObject({ seq: 2, event: 'HOST_SELECTED', actorId: staff.userId, at: iso(T0 + HOUR) });
    // the host is no longer due; the meeting is due on record recordDueDelay after its time
    expect(record.cycle).toEqual({ status: 'PREPARATION', hostCellId: HOST, hostDueAt: null, recordDueAt: iso(RECORD_DUE_AT) });
    expect(record.uninvitedCellIds).toBeUndefined();
    expect(Object.keys(state.invitations).sort()).toEqual([...INVITED].sort());
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: INVITED }, reason: 'INVITED' },
        { to: { cellIds: [HOST] }, reason: 'CHOSEN_AS_HOST' },
      ]),
    );
    expect(record.notify).toHaveLength(2);
  });

  it('refuses staff of another committee, secretaries and the installation admin', () => {
    const { state } = launch({ hostCellId: null });
    expect(code(checkPickHost(state, otherStaff, { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, secretary(HOST), { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, admin, { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(state.stage).toBe('HOST_SELECTION');
  });

  it('lets the committee pick an invited cell, which leaves the invitation list and is told it hosts', () => {
    const { state } = launch({ hostCellId: null });
    expect(checkPickHost(state, staff, { cellId: B })).toBeNull();
    const record = applyPickHost(state, staff, { cellId: B }, T0 + HOUR);
    expect(state.hostCellId).toBe(B);
    expect(state.stage).toBe('PREPARATION');
    expect(Object.keys(state.invitations).sort()).toEqual([A, C].sort());
    expect(record.uninvitedCellIds).toEqual([B]);
    expect(record.cycle).toMatchObject({ status: 'PREPARATION', hostCellId: B });
    expect(cellsOf(notice(record, 'INVITED'))).toEqual([A, C].sort());
    expect(cellsOf(notice(record, 'CHOSEN_AS_HOST'))).toEqual([B]);
    expect(record.notify).toHaveLength(2);
    // B now acts as the host, no longer as a visitor
    expect(code(checkRsvp(state, secretary(B), { cellId: B, response: 'accept' }))).toBe('NOT_INVITED');
    expect(checkPostPlan(state, secretary(B))).toBeNull();
  });

  it('refuses to pick the only invited cell: no visiting cell would be left', () => {
    const { state } = launch({ hostCellId: null, invitedCellIds: [A] });
    expect(code(checkPickHost(state, staff, { cellId: A }))).toBe('NO_INVITEES_LEFT');
    expect(checkPickHost(state, staff, { cellId: HOST })).toBeNull();
  });

  it('still refuses anyone but the committee, for an invited cell too', () => {
    const { state } = launch({ hostCellId: null });
    expect(code(checkPickHost(state, secretary(B), { cellId: B }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, otherStaff, { cellId: B }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, admin, { cellId: B }))).toBe('NOT_COMMITTEE_OF_CYCLE');
  });

  it('refuses a second pick as already done', () => {
    const { state } = launch({ hostCellId: null });
    applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
    expect(code(checkPickHost(state, staff, { cellId: OUTSIDER }))).toBe('ALREADY_DONE');
    expect(code(checkPickHost(launch().state, staff, { cellId: OUTSIDER }))).toBe('ALREADY_DONE');
  });

  it('refuses a pick on a cancelled cycle as the wrong stage', () => {
    const { state } = launch({ hostCellId: null });
    applyCancel(state, staff, { reason: 'Hoãn' }, T0 + HOUR);
    expect(code(checkPickHost(state, staff, { cellId: HOST }))).toBe('WRONG_STAGE');
  });

  describe(UNDER_RULESET_1, () => {
    it('refuses an invited cell as host', () => {
      const { state } = launch({ hostCellId: null }, T0, RULESET_1);
      expect(code(checkPickHost(state, staff, { cellId: B }))).toBe('HOST_IS_INVITED');
    });

    it('records only the status and the host when the host is picked', () => {
      const { state } = launch({ hostCellId: null }, T0, RULESET_1);
      const record = applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
      expect(record.cycle).toEqual({ status: 'PREPARATION', hostCellId: HOST });
    });
  });
});

// ── upper-level guests ───────────────────────────────────────────────────────────────────────────────

describe('inviteGuests', () => {
  it('lets the committee invite upper-level guests, and tells them', () => {
    const { state } = launch();
    expect(checkInviteGuests(state, staff, { guestIds: [GUEST] })).toBeNull();
    const record = applyInviteGuests(state, staff, { guestIds: [GUEST] }, T0 + HOUR);
    expect(state.guests).toEqual({ [GUEST]: { critiqued: false } });
    expect(record).toMatchObject({ seq: 2, event: 'GUESTS_INVITED', actorId: staff.userId, at: iso(T0 + HOUR) });
    expect(record.guestIds).toEqual([GUEST]);
    expect(record.notify).toEqual([{ to: { userIds: [GUEST] }, reason: 'GUEST_INVITED' }]);
  });

  it.each(['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE'] as const)('accepts guests in %s', (stage) => {
    expect(checkInviteGuests(stateAt(stage), staff, { guestIds: [GUEST] })).toBeNull();
  });

  it.each(['REPORTING', 'REVIEW', 'CLOSED', 'CANCELLED'] as const)('refuses guests in %s, once the critique is over', (stage) => {
    expect(code(checkInviteGuests(stateAt(stage), staff, { guestIds: [GUEST] }))).toBe('WRONG_STAGE');
  });

  it('tells a guest invited while the critique is open that it is open, and lets the guest critique', () => {
    const state = inCritique();
    const record = applyInviteGuests(state, staff, { guestIds: [GUEST] }, RECORD_AT + HOUR);
    expect(record.notify).toEqual([{ to: { userIds: [GUEST] }, reason: 'CRITIQUE_OPEN' }]);
    expect(checkSubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT)).toBeNull();
  });

  it('is for staff of the cycle’s committee only', () => {
    const { state } = launch();
    const input = { guestIds: [GUEST] };
    expect(code(checkInviteGuests(state, hostSecretary, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkInviteGuests(state, otherStaff, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkInviteGuests(state, admin, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkInviteGuests(state, guest(GUEST), input))).toBe('NOT_COMMITTEE_OF_CYCLE');
  });

  it('refuses as already done when every guest given is invited already, and records only the new ones otherwise', () => {
    const { state } = launch({ guestIds: [GUEST] });
    expect(code(checkInviteGuests(state, staff, { guestIds: [GUEST] }))).toBe('ALREADY_DONE');
    expect(checkInviteGuests(state, staff, { guestIds: [GUEST, OTHER_GUEST] })).toBeNull();
    const record = applyInviteGuests(state, staff, { guestIds: [GUEST, OTHER_GUEST, OTHER_GUEST] }, T0 + HOUR);
    expect(record.guestIds).toEqual([OTHER_GUEST]);
    expect(record.notify).toEqual([{ to: { userIds: [OTHER_GUEST] }, reason: 'GUEST_INVITED' }]);
    expect(Object.keys(state.guests).sort()).toEqual([GUEST, OTHER_GUEST].sort());
    expect(code(checkInviteGuests(state, staff, { guestIds: [OTHER_GUEST, GUEST] }))).toBe('ALREADY_DONE');
  });

  it('suspected bug: a guest invited before the host is picked is told of the invitation once, not twice', () => {
    const { state } = launch({ hostCellId: null });
    const invited = applyInviteGuests(state, staff, { guestIds: [GUEST] }, T0 + HOUR);
    const picked = applyPickHost(state, staff, { cellId: HOST }, T0 + 2 * HOUR);
    const toldGuest = [...(invited.notify ?? []), ...(picked.notify ?? [])].filter(
      (intent) => intent.reason === 'GUEST_INVITED' && 'userIds' in intent.to && intent.to.userIds.includes(GUEST),
    );
    expect(toldGuest).toHaveLength(1);
  });

  it('suspected bug: never lets a cycle hold more than LIST_LIMITS.guests guests', () => {
    const full = Array.from({ length: LIST_LIMITS.guests }, (_, index) => `user-guest-${index + 1}`);
    const { state } = launch({ guestIds: full });
    expect(Object.keys(state.guests)).toHaveLength(LIST_LIMITS.guests);
    expect(checkInviteGuests(state, staff, { guestIds: ['user-guest-one-too-many'] })).not.toBeNull();
  });

  describe(UNDER_RULESET_1, () => {
    it('refuses to invite guests', () => {
      const { state } = launch({}, T0, RULESET_1);
      expect(checkInviteGuests(state, staff, { guestIds: [GUEST] })).not.toBeNull();
    });
  });
});

// ── plan ─────────────────────────────────────────────────────────────────────────────────────────────

describe('postPlan', () => {
  it('lets the host secretary post the plan, which schedules the meeting', () => {
    const { state } = launch();
    const record = postPlan(state);
    expect(state.stage).toBe('SCHEDULED');
    expect(record).toMatchObject({ seq: 2, event: 'PLAN_POSTED', actorId: hostSecretary.userId });
    expect(record.cycle?.status).toBe('SCHEDULED');
    expect(record.cycle?.plan).toEqual({
      agenda: ['Khai mạc', 'Thảo luận', 'Biểu quyết nghị quyết'],
      content: 'Nội dung sinh hoạt tháng 12',
      draftResolution: null,
      postedAt: iso(PLAN_AT),
      postedBy: hostSecretary.userId,
      // posted 8 days before it was due
      late: false,
    });
    expect(record.notify).toEqual([{ to: { cellIds: INVITED }, reason: 'PLAN_POSTED' }]);
  });

  it('refuses anyone but the host secretary', () => {
    const { state } = launch();
    expect(code(checkPostPlan(state, secretary(A)))).toBe('NOT_HOST_SECRETARY');
    expect(code(checkPostPlan(state, staff))).toBe('NOT_HOST_SECRETARY');
    expect(code(checkPostPlan(state, admin))).toBe('NOT_HOST_SECRETARY');
    expect(code(checkPostPlan(state, { ...staff, cellId: HOST }))).toBe('NOT_HOST_SECRETARY');
  });

  it('accepts a revision in SCHEDULED and stays there', () => {
    const { state } = launch();
    postPlan(state);
    expect(checkPostPlan(state, hostSecretary)).toBeNull();
    const record = applyPostPlan(state, hostSecretary, { agenda: ['Mới'], content: 'Bản sửa', draftResolution: 'Dự thảo' }, PLAN_AT + HOUR);
    expect(state.stage).toBe('SCHEDULED');
    expect(record).toMatchObject({ seq: 3, event: 'PLAN_REVISED' });
    expect(record.cycle?.plan?.draftResolution).toBe('Dự thảo');
    expect(record.notify).toEqual([{ to: { cellIds: INVITED }, reason: 'PLAN_REVISED' }]);
  });

  it('refuses a plan after the meeting was recorded', () => {
    const state = inCritique();
    expect(code(checkPostPlan(state, hostSecretary))).toBe('WRONG_STAGE');
  });

  it('marks a plan posted after it was due as late, and one posted up to the due time as on time', () => {
    const atDue = applyPostPlan(launch().state, hostSecretary, PLAN, PLAN_DUE_AT);
    const afterDue = applyPostPlan(launch().state, hostSecretary, PLAN, PLAN_DUE_AT + MINUTE);
    expect(atDue.cycle?.plan).toMatchObject({ late: false });
    expect(afterDue.cycle?.plan).toMatchObject({ late: true });
  });

  it('marks a revision posted after the plan was due as late', () => {
    const { state } = launch();
    postPlan(state);
    const revised = applyPostPlan(state, hostSecretary, PLAN, PLAN_DUE_AT + HOUR);
    expect(revised.event).toBe('PLAN_REVISED');
    expect(revised.cycle?.plan).toMatchObject({ late: true });
  });

  it('takes at most CHANGE_LIMITS.planPosts posts of the plan', () => {
    const { state } = launch();
    for (let post = 1; post <= CHANGE_LIMITS.planPosts; post++) postPlan(state, PLAN_AT + post * MINUTE);
    expect(checkPostPlan(state, hostSecretary)).toEqual({ code: 'TOO_MANY_CHANGES', params: { limit: CHANGE_LIMITS.planPosts } });
  });

  describe(UNDER_RULESET_1, () => {
    it('stores the plan without a late mark, even when posted after it was due', () => {
      const { state } = launch({}, T0, RULESET_1);
      const record = applyPostPlan(state, hostSecretary, PLAN, PLAN_DUE_AT + HOUR);
      expect(record.cycle?.plan).not.toHaveProperty('late');
    });

    it('takes any number of posts', () => {
      const { state } = launch({}, T0, RULESET_1);
      for (let post = 1; post <= CHANGE_LIMITS.planPosts; post++) postPlan(state, PLAN_AT + post * MINUTE);
      expect(checkPostPlan(state, hostSecretary)).toBeNull();
    });
  });
});

// ── invitations ──────────────────────────────────────────────────────────────────────────────────────

describe('rsvp', () => {
  it('records an acceptance with the delegate', () => {
    const { state } = launch();
    const record = rsvp(state, A, 'accept', T0 + HOUR);
    expect(state.invitations[A].status).toBe('ACCEPTED');
    expect(state.invitations[B].status).toBe('PENDING');
    expect(record).toMatchObject({ seq: 2, event: 'RSVP_ACCEPTED', actorId: secretary(A).userId });
    expect(record.invitations).toEqual([
      { cellId: A, status: 'ACCEPTED', delegate: 'Đồng chí Hoàng Văn Thắng', note: null, respondedAt: iso(T0 + HOUR) },
    ]);
  });

  it('records a decline, and keeps answering open once the plan is posted', () => {
    const { state } = launch();
    postPlan(state);
    const record = rsvp(state, B, 'decline', PLAN_AT + HOUR);
    expect(state.invitations[B].status).toBe('DECLINED');
    expect(record.event).toBe('RSVP_DECLINED');
    expect(record.invitations?.[0]).toMatchObject({ cellId: B, status: 'DECLINED' });
  });

  it('accepts an answer only from the secretary of that invited cell', () => {
    const { state } = launch();
    const forA = { cellId: A, response: 'accept' as const };
    expect(code(checkRsvp(state, secretary(B), forA))).toBe('NOT_INVITED');
    expect(code(checkRsvp(state, staff, forA))).toBe('NOT_INVITED');
    expect(code(checkRsvp(state, { ...staff, cellId: A }, forA))).toBe('NOT_INVITED');
    expect(code(checkRsvp(state, hostSecretary, { cellId: HOST, response: 'accept' }))).toBe('NOT_INVITED');
    expect(code(checkRsvp(state, secretary(OUTSIDER), { cellId: OUTSIDER, response: 'accept' }))).toBe('NOT_INVITED');
  });

  it('refuses an answer after the meeting was recorded', () => {
    const state = inCritique();
    expect(code(checkRsvp(state, secretary(C), { cellId: C, response: 'accept' }))).toBe('WRONG_STAGE');
  });

  it('takes at most CHANGE_LIMITS.rsvpAnswersPerCell answers from one cell, and counts each cell apart', () => {
    const { state } = launch();
    for (let answer = 1; answer <= CHANGE_LIMITS.rsvpAnswersPerCell; answer++) {
      rsvp(state, A, answer % 2 === 1 ? 'accept' : 'decline', T0 + answer * MINUTE);
    }
    expect(checkRsvp(state, secretary(A), { cellId: A, response: 'accept' })).toEqual({
      code: 'TOO_MANY_CHANGES',
      params: { limit: CHANGE_LIMITS.rsvpAnswersPerCell },
    });
    expect(checkRsvp(state, secretary(B), { cellId: B, response: 'accept' })).toBeNull();
  });

  describe(UNDER_RULESET_1, () => {
    it('takes any number of answers', () => {
      const { state } = launch({}, T0, RULESET_1);
      for (let answer = 1; answer <= CHANGE_LIMITS.rsvpAnswersPerCell; answer++) rsvp(state, A, 'accept', T0 + answer * MINUTE);
      expect(checkRsvp(state, secretary(A), { cellId: A, response: 'decline' })).toBeNull();
    });
  });
});

// ── reschedule ───────────────────────────────────────────────────────────────────────────────────────

describe('reschedule', () => {
  const LATER = MEETING_AT + 7 * DAY;

  it('lets the committee move the meeting and tells every invited cell and the host', () => {
    const { state } = launch();
    const input = { meetingAt: iso(LATER), reason: 'Trùng lịch họp của Đảng ủy' };
    expect(checkReschedule(state, staff, input, T0 + DAY)).toBeNull();
    const record = applyReschedule(state, staff, input, T0 + DAY);
    expect(state.meetingAt).toBe(LATER);
    expect(record).toMatchObject({ seq: 2, event: 'RESCHEDULED', actorId: staff.userId });
    expect(record.detail).toMatchObject({ from: MEETING_AT_ISO, to: iso(LATER), reason: input.reason });
    // the plan and the meeting record are due relative to the new date
    expect(record.cycle).toEqual({ meetingAt: iso(LATER), planDueAt: iso(LATER - DAY), recordDueAt: iso(LATER + DAY) });
    // nobody had accepted: nobody is asked to confirm again
    expect(record.invitations ?? []).toEqual([]);
    expect(record.notify).toHaveLength(1);
    expect(record.notify?.[0].reason).toBe('RESCHEDULED');
    expect([...(record.notify?.[0].to as { cellIds: string[] }).cellIds].sort()).toEqual([...INVITED, HOST].sort());
  });

  it('lets the host secretary move the meeting once the plan is posted', () => {
    const { state } = launch();
    postPlan(state);
    const input = { meetingAt: iso(LATER), reason: 'Mưa lũ' };
    expect(checkReschedule(state, hostSecretary, input, PLAN_AT + HOUR)).toBeNull();
    applyReschedule(state, hostSecretary, input, PLAN_AT + HOUR);
    expect(state.meetingAt).toBe(LATER);
    expect(state.stage).toBe('SCHEDULED');
  });

  it('refuses visiting secretaries and staff of another committee', () => {
    const { state } = launch();
    const input = { meetingAt: iso(LATER), reason: 'x' };
    expectForbidden(checkReschedule(state, secretary(A), input, T0 + DAY));
    expectForbidden(checkReschedule(state, otherStaff, input, T0 + DAY));
  });

  it('refuses a new date that is not in the future', () => {
    const { state } = launch();
    const now = T0 + DAY;
    expect(code(checkReschedule(state, staff, { meetingAt: iso(now), reason: 'x' }, now))).toBe('MEETING_NOT_IN_FUTURE');
    expect(code(checkReschedule(state, staff, { meetingAt: iso(now - HOUR), reason: 'x' }, now))).toBe('MEETING_NOT_IN_FUTURE');
    expect(checkReschedule(state, staff, { meetingAt: iso(now + MINUTE), reason: 'x' }, now)).toBeNull();
  });

  it('refuses once the meeting was recorded', () => {
    const state = inCritique();
    const now = RECORD_AT + HOUR;
    expect(code(checkReschedule(state, staff, { meetingAt: iso(now + 5 * DAY), reason: 'x' }, now))).toBe('WRONG_STAGE');
  });

  it('refuses from the meeting’s time on, even before it is recorded', () => {
    const state = stateAt('SCHEDULED');
    const input = { meetingAt: iso(LATER), reason: 'Chưa họp được' };
    expect(checkReschedule(state, staff, input, MEETING_AT - MINUTE)).toBeNull();
    expect(code(checkReschedule(state, staff, input, MEETING_AT))).toBe('RESCHEDULE_TOO_LATE');
    expect(code(checkReschedule(state, hostSecretary, input, MEETING_AT + HOUR))).toBe('RESCHEDULE_TOO_LATE');
  });

  it('refuses a new date beyond the planning horizon', () => {
    const { state } = launch();
    const now = T0 + DAY;
    expect(checkReschedule(state, staff, { meetingAt: iso(now + PLANNING_HORIZON_MS), reason: 'x' }, now)).toBeNull();
    expect(code(checkReschedule(state, staff, { meetingAt: iso(now + PLANNING_HORIZON_MS + MINUTE), reason: 'x' }, now))).toBe(
      'MEETING_TOO_FAR',
    );
  });

  it('moves the meeting at most CHANGE_LIMITS.reschedules times', () => {
    const { state } = launch();
    for (let move = 1; move <= CHANGE_LIMITS.reschedules; move++) reschedule(state, MEETING_AT + move * DAY, T0 + move * HOUR);
    const input = { meetingAt: iso(LATER + 30 * DAY), reason: 'x' };
    expect(checkReschedule(state, staff, input, T0 + DAY)).toEqual({ code: 'TOO_MANY_CHANGES', params: { limit: CHANGE_LIMITS.reschedules } });
  });

  it('asks the cells that had accepted to confirm the new date again; the others are told it moved', () => {
    const { state } = launch();
    rsvp(state, A, 'accept');
    rsvp(state, B, 'decline');
    const record = reschedule(state, LATER, T0 + DAY);
    expect(state.invitations[A].status).toBe('PENDING');
    expect(state.invitations[B].status).toBe('DECLINED');
    expect(state.invitations[C].status).toBe('PENDING');
    expect(record.invitations).toEqual([{ cellId: A, status: 'PENDING', respondedAt: null }]);
    expect(cellsOf(notice(record, 'RESCHEDULED_RECONFIRM'))).toEqual([A]);
    expect(cellsOf(notice(record, 'RESCHEDULED'))).toEqual([B, C, HOST].sort());
    // the committee moved it itself: it needs no word of it
    expect(reasonsOf(record)).not.toContain('RESCHEDULED_BY_HOST');
    expect(record.notify).toHaveLength(2);
  });

  it('tells the committee when the host secretary moved the meeting', () => {
    const { state } = launch();
    postPlan(state);
    const record = reschedule(state, LATER, PLAN_AT + HOUR, hostSecretary);
    expect(record.notify).toContainEqual({ to: { committee: true }, reason: 'RESCHEDULED_BY_HOST' });
  });

  it('reminds the cells asked to confirm again when the new date’s RSVP reminder is due', () => {
    const { state } = launch();
    rsvp(state, A, 'accept');
    rsvp(state, B, 'decline');
    rsvp(state, C, 'accept');
    expect(kindsOf(state)).not.toContain('RSVP_REMINDER');
    reschedule(state, LATER, T0 + DAY);
    const due = timer(state, 'RSVP_REMINDER');
    expect(due.at).toBe(LATER - 2 * DAY);
    const record = applyTimer(state, due, due.at);
    expect(cellsOf(notice(record, 'RSVP_REMINDER'))).toEqual([A, C].sort());
  });

  it('tells the guests the meeting moved', () => {
    const { state } = launch({ guestIds: [GUEST] });
    const record = reschedule(state, LATER, T0 + DAY);
    expect(record.notify).toContainEqual({ to: { userIds: [GUEST] }, reason: 'RESCHEDULED' });
  });

  it('moves the host’s due time, and tells no cell, before the host is picked', () => {
    const { state } = launch({ hostCellId: null });
    const record = reschedule(state, LATER, T0 + DAY);
    expect(record.cycle).toEqual({ meetingAt: iso(LATER), planDueAt: iso(LATER - DAY), hostDueAt: iso(LATER - DAY - 3 * DAY) });
    expect((record.notify ?? []).filter((intent) => 'cellIds' in intent.to && intent.to.cellIds.length > 0)).toEqual([]);
  });

  it('suspected bug: a cell asked to confirm each new date can answer each time, up to the last reschedule allowed', () => {
    const { state } = launch();
    rsvp(state, A, 'accept', T0 + MINUTE);
    for (let move = 1; move <= CHANGE_LIMITS.reschedules; move++) {
      const record = reschedule(state, MEETING_AT + move * DAY, T0 + move * HOUR);
      expect(cellsOf(notice(record, 'RESCHEDULED_RECONFIRM'))).toEqual([A]);
      // one answer per date: the cycle itself asked for it
      expect(checkRsvp(state, secretary(A), { cellId: A, response: 'accept' })).toBeNull();
      applyRsvp(state, secretary(A), { cellId: A, response: 'accept' }, T0 + move * HOUR + MINUTE);
    }
  });

  describe(UNDER_RULESET_1, () => {
    it('records the new date and plan deadline only', () => {
      const { state } = launch({}, T0, RULESET_1);
      const record = reschedule(state, LATER, T0 + DAY);
      expect(record.cycle).toEqual({ meetingAt: iso(LATER), planDueAt: iso(LATER - DAY) });
    });

    it('keeps acceptances and tells every cell and the host RESCHEDULED, whoever moved it', () => {
      const { state } = launch({}, T0, RULESET_1);
      rsvp(state, A, 'accept');
      postPlan(state);
      const record = reschedule(state, LATER, PLAN_AT + HOUR, hostSecretary);
      expect(state.invitations[A].status).toBe('ACCEPTED');
      expect(record.invitations).toBeUndefined();
      expect(record.notify).toHaveLength(1);
      expect(cellsOf(notice(record, 'RESCHEDULED'))).toEqual([...INVITED, HOST].sort());
    });

    it('still moves a meeting whose time has passed while it is not recorded', () => {
      const state = stateAt('SCHEDULED', RULESET_1);
      expect(checkReschedule(state, staff, { meetingAt: iso(LATER), reason: 'x' }, MEETING_AT + HOUR)).toBeNull();
    });

    it('moves the meeting any number of times', () => {
      const { state } = launch({}, T0, RULESET_1);
      for (let move = 1; move <= CHANGE_LIMITS.reschedules; move++) reschedule(state, MEETING_AT + move * DAY, T0 + move * HOUR);
      expect(checkReschedule(state, staff, { meetingAt: iso(LATER + 30 * DAY), reason: 'x' }, T0 + DAY)).toBeNull();
    });
  });
});

// ── the meeting ──────────────────────────────────────────────────────────────────────────────────────

describe('recordMeeting', () => {
  function scheduled(ruleset = RULESET_2): CycleState {
    const { state } = launch({}, T0, ruleset);
    postPlan(state);
    return state;
  }

  it('records the meeting and opens the critique window to the attending cells', () => {
    const state = scheduled();
    const record = recordMeeting(state, [A, B], RECORD_AT, {
      resolution: 'Nghị quyết tháng 12',
      selfScores: { time: 10, content: 55, minutes: 30 },
    });
    expect(state.stage).toBe('CRITIQUE');
    expect(state.critiqueClosesAt).toBe(RECORD_AT + 3 * DAY);
    expect(record).toMatchObject({ seq: 3, event: 'MEETING_RECORDED', actorId: hostSecretary.userId });
    expect(record.cycle?.status).toBe('CRITIQUE');
    expect(record.cycle?.critiqueClosesAt).toBe(iso(RECORD_AT + 3 * DAY));
    // on record: nothing is due any more
    expect(record.cycle?.recordDueAt).toBeNull();
    expect(record.cycle?.meeting).toMatchObject({
      startedAt: MEETING_AT_ISO,
      endedAt: iso(MEETING_AT + 100 * MINUTE),
      durationMinutes: 100,
      attendance: { present: 20, total: 21, absentWithReason: 1, absentWithoutReason: 0, exempted: 0 },
      attendingCellIds: [A, B],
      resolution: 'Nghị quyết tháng 12',
      selfScores: { time: 10, content: 55, minutes: 30 },
      selfScoreTotal: 95,
      selfRating: 'TOT',
      qualityFlags: [],
      combined: false,
      recordedAt: iso(RECORD_AT),
      recordedBy: hostSecretary.userId,
    });
    expect(record.invitations).toEqual([
      { cellId: A, attended: true },
      { cellId: B, attended: true },
    ]);
    expect(record.notify).toEqual([{ to: { cellIds: [A, B] }, reason: 'CRITIQUE_OPEN' }]);
  });

  it('defaults missing absentee counts to zero and stores no self score when none is given', () => {
    const state = scheduled();
    const record = recordMeeting(state, [A], RECORD_AT, { attendance: { present: 19, total: 20 } });
    expect(record.cycle?.meeting).toMatchObject({
      attendance: { present: 19, total: 20, absentWithReason: 0, absentWithoutReason: 0, exempted: 0 },
      resolution: null,
      selfScores: null,
      selfScoreTotal: null,
      selfRating: null,
    });
  });

  it('counts a cell listed twice once', () => {
    const state = scheduled();
    recordMeeting(state, [A, B, A]);
    expect([...state.attendingCellIds].sort()).toEqual([A, B].sort());
  });

  it('refuses anyone but the host secretary', () => {
    const state = scheduled();
    const input = meetingInput([A]);
    expect(code(checkRecordMeeting(state, secretary(A), input, RECORD_AT))).toBe('NOT_HOST_SECRETARY');
    expect(code(checkRecordMeeting(state, staff, input, RECORD_AT))).toBe('NOT_HOST_SECRETARY');
  });

  it('refuses before the meeting time, and accepts from it on', () => {
    const state = scheduled();
    // started as early as allowed, ended at the scheduled time
    const input = meetingInput([A], { startedAt: iso(MEETING_AT - EARLY_START_TOLERANCE), endedAt: iso(MEETING_AT) });
    expect(checkRecordMeeting(state, hostSecretary, input, MEETING_AT - MINUTE)).toEqual({
      code: 'MEETING_NOT_YET',
      params: { meetingAt: MEETING_AT_ISO },
    });
    expect(checkRecordMeeting(state, hostSecretary, input, MEETING_AT)).toBeNull();
  });

  it('refuses while the plan is still missing (PREPARATION), even after the meeting time', () => {
    const { state } = launch();
    expect(checkRecordMeeting(state, hostSecretary, meetingInput([A]), RECORD_AT)).toEqual({
      code: 'WRONG_STAGE',
      params: { stage: 'PREPARATION' },
    });
  });

  it('refuses a second record as already done', () => {
    const state = inCritique();
    expect(code(checkRecordMeeting(state, hostSecretary, meetingInput([A]), RECORD_AT + HOUR))).toBe('ALREADY_DONE');
  });

  it('refuses times that end before they start or end in the future', () => {
    const state = scheduled();
    const backwards = meetingInput([A], { startedAt: iso(MEETING_AT + HOUR), endedAt: iso(MEETING_AT) });
    const empty = meetingInput([A], { startedAt: iso(MEETING_AT), endedAt: iso(MEETING_AT) });
    const future = meetingInput([A], { endedAt: iso(RECORD_AT + HOUR) });
    expect(code(checkRecordMeeting(state, hostSecretary, backwards, RECORD_AT))).toBe('INVALID_MEETING_TIMES');
    expect(code(checkRecordMeeting(state, hostSecretary, empty, RECORD_AT))).toBe('INVALID_MEETING_TIMES');
    expect(code(checkRecordMeeting(state, hostSecretary, future, RECORD_AT))).toBe('INVALID_MEETING_TIMES');
  });

  const startingAt = (startedAt: number) => meetingInput([A], { startedAt: iso(startedAt), endedAt: iso(startedAt + 100 * MINUTE) });

  it('refuses a start more than the schedule’s earlyStartTolerance (1 hour) before the scheduled time', () => {
    const state = scheduled();
    expect(checkRecordMeeting(state, hostSecretary, startingAt(MEETING_AT - EARLY_START_TOLERANCE), RECORD_AT)).toBeNull();
    expect(code(checkRecordMeeting(state, hostSecretary, startingAt(MEETING_AT - EARLY_START_TOLERANCE - MINUTE), RECORD_AT))).toBe(
      'INVALID_MEETING_TIMES',
    );
  });

  it('follows the early-start tolerance the schedule sets, 1 hour when it sets none', () => {
    const strict = launch({ schedule: { ...SCHEDULE, earlyStartToleranceMs: 15 * MINUTE } }).state;
    postPlan(strict);
    expect(checkRecordMeeting(strict, hostSecretary, startingAt(MEETING_AT - 15 * MINUTE), RECORD_AT)).toBeNull();
    expect(code(checkRecordMeeting(strict, hostSecretary, startingAt(MEETING_AT - 16 * MINUTE), RECORD_AT))).toBe('INVALID_MEETING_TIMES');
    const byDefault = launch({ schedule: BASE_SCHEDULE }).state;
    postPlan(byDefault);
    expect(checkRecordMeeting(byDefault, hostSecretary, startingAt(MEETING_AT - HOUR), RECORD_AT)).toBeNull();
    expect(code(checkRecordMeeting(byDefault, hostSecretary, startingAt(MEETING_AT - HOUR - MINUTE), RECORD_AT))).toBe('INVALID_MEETING_TIMES');
  });

  it('refuses a meeting longer than LONGEST_MEETING_MS', () => {
    const state = scheduled();
    const now = MEETING_AT + LONGEST_MEETING_MS + HOUR;
    const lasting = (ms: number) => meetingInput([A], { startedAt: iso(MEETING_AT), endedAt: iso(MEETING_AT + ms) });
    expect(checkRecordMeeting(state, hostSecretary, lasting(LONGEST_MEETING_MS), now)).toBeNull();
    expect(code(checkRecordMeeting(state, hostSecretary, lasting(LONGEST_MEETING_MS + MINUTE), now))).toBe('INVALID_MEETING_TIMES');
  });

  it('stores the start and end as ISO UTC strings, whatever offset they were sent with', () => {
    const state = scheduled();
    const record = recordMeeting(state, [A], RECORD_AT, { startedAt: '2026-12-11T08:05:00+07:00', endedAt: '2026-12-11T09:50:00+07:00' });
    expect(record.cycle?.meeting).toMatchObject({
      startedAt: '2026-12-11T01:05:00.000Z',
      endedAt: '2026-12-11T02:50:00.000Z',
      durationMinutes: 105,
    });
  });

  it('refuses attendance figures that do not add up', () => {
    const state = scheduled();
    const morePresent = meetingInput([A], { attendance: { present: 22, total: 21 } });
    const moreAbsent = meetingInput([A], { attendance: { present: 19, total: 21, absentWithReason: 2, absentWithoutReason: 1 } });
    const exact = meetingInput([A], { attendance: { present: 18, total: 21, absentWithReason: 2, absentWithoutReason: 1 } });
    expect(code(checkRecordMeeting(state, hostSecretary, morePresent, RECORD_AT))).toBe('INVALID_ATTENDANCE');
    expect(code(checkRecordMeeting(state, hostSecretary, moreAbsent, RECORD_AT))).toBe('INVALID_ATTENDANCE');
    expect(checkRecordMeeting(state, hostSecretary, exact, RECORD_AT)).toBeNull();
  });

  it('counts exempted members in the total: present, absent and exempted may not exceed it', () => {
    const state = scheduled();
    const attendance = (present: number, absentWithReason: number, exempted: number) =>
      meetingInput([A], { attendance: { present, total: 21, absentWithReason, absentWithoutReason: 0, exempted } });
    expect(checkRecordMeeting(state, hostSecretary, attendance(17, 1, 3), RECORD_AT)).toBeNull();
    expect(code(checkRecordMeeting(state, hostSecretary, attendance(17, 2, 3), RECORD_AT))).toBe('INVALID_ATTENDANCE');
    expect(code(checkRecordMeeting(state, hostSecretary, attendance(19, 0, 3), RECORD_AT))).toBe('INVALID_ATTENDANCE');
  });

  it('refuses attendance where every member is exempted: there is no share to judge', () => {
    const state = scheduled();
    const allExempted = meetingInput([A], { attendance: { present: 0, total: 3, exempted: 3 } });
    expect(code(checkRecordMeeting(state, hostSecretary, allExempted, RECORD_AT))).toBe('INVALID_ATTENDANCE');
  });

  it('stores the exempted members and does not count them as expected to attend', () => {
    const state = scheduled();
    // 17 of 21 present, 3 exempted: 17 of the 18 expected, 94%
    const record = recordMeeting(state, [A], RECORD_AT, { attendance: { present: 17, total: 21, absentWithReason: 1, exempted: 3 } });
    expect(record.cycle?.meeting).toMatchObject({
      attendance: { present: 17, total: 21, absentWithReason: 1, absentWithoutReason: 0, exempted: 3 },
      qualityFlags: [],
    });
  });

  it('refuses attending cells that were not invited, naming the cell', () => {
    const state = scheduled();
    expect(checkRecordMeeting(state, hostSecretary, meetingInput([A, OUTSIDER]), RECORD_AT)).toEqual({
      code: 'INVALID_CELL',
      params: { cellId: OUTSIDER },
    });
    expect(code(checkRecordMeeting(state, hostSecretary, meetingInput([HOST]), RECORD_AT))).toBe('INVALID_CELL');
  });

  it('checks the self scores against the pinned rubric, half points allowed', () => {
    const state = scheduled();
    const check = (selfScores: Record<string, number>) =>
      code(checkRecordMeeting(state, hostSecretary, meetingInput([A], { selfScores }), RECORD_AT));
    expect(check({ time: 11 })).toBe('INVALID_SCORES');
    expect(check({ time: -1 })).toBe('INVALID_SCORES');
    expect(check({ speaking: 5 })).toBe('INVALID_SCORES');
    expect(check({ time: 9.25 })).toBe('INVALID_SCORES');
    expect(check({ time: 9.5, content: 60, minutes: 30 })).toBeNull();
    expect(check({ time: 10, content: 60, minutes: 30 })).toBeNull();
  });

  it('goes straight to REPORTING when no visiting cell attended', () => {
    const state = scheduled();
    const record = recordMeeting(state, []);
    expect(state.stage).toBe('REPORTING');
    expect(state.reportDueAt).toBe(RECORD_AT + 7 * DAY);
    expect(record.cycle?.status).toBe('REPORTING');
    expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' }]);
  });

  it('tells the guests the critique is open', () => {
    const { state } = launch({ guestIds: [GUEST] });
    postPlan(state);
    const record = recordMeeting(state, [A, B]);
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: [A, B] }, reason: 'CRITIQUE_OPEN' },
        { to: { userIds: [GUEST] }, reason: 'CRITIQUE_OPEN' },
      ]),
    );
    expect(record.notify).toHaveLength(2);
  });

  describe(UNDER_RULESET_1, () => {
    it('refuses before the meeting time, and accepts from it on, whenever the meeting started', () => {
      const state = scheduled(RULESET_1);
      const input = meetingInput([A], { startedAt: iso(MEETING_AT - 2 * HOUR), endedAt: iso(MEETING_AT - 10 * MINUTE) });
      expect(checkRecordMeeting(state, hostSecretary, input, MEETING_AT - MINUTE)).toEqual({
        code: 'MEETING_NOT_YET',
        params: { meetingAt: MEETING_AT_ISO },
      });
      expect(checkRecordMeeting(state, hostSecretary, input, MEETING_AT)).toBeNull();
    });

    it('stores the start and end exactly as they were sent, and no exempted count nor combined mark', () => {
      const state = scheduled(RULESET_1);
      const record = recordMeeting(state, [A], RECORD_AT, { startedAt: '2026-12-11T08:05:00+07:00', endedAt: '2026-12-11T09:50:00+07:00' });
      expect(record.cycle?.meeting).toMatchObject({ startedAt: '2026-12-11T08:05:00+07:00', endedAt: '2026-12-11T09:50:00+07:00' });
      expect(record.cycle?.meeting?.attendance).not.toHaveProperty('exempted');
      expect(record.cycle?.meeting).not.toHaveProperty('combined');
      expect(record.cycle).not.toHaveProperty('recordDueAt');
    });

    it('accepts half-point self scores and points off the half-point step alike', () => {
      const state = scheduled(RULESET_1);
      expect(checkRecordMeeting(state, hostSecretary, meetingInput([A], { selfScores: { time: 9.25 } }), RECORD_AT)).toBeNull();
    });
  });
});

describe('meetingQualityFlags', () => {
  const input = (minutes: number, present: number, total: number, absentWithoutReason = 0): RecordMeetingInput =>
    meetingInput([A], {
      startedAt: iso(MEETING_AT),
      endedAt: iso(MEETING_AT + minutes * MINUTE),
      attendance: { present, total, absentWithReason: total - present - absentWithoutReason, absentWithoutReason },
    });
  const combined = (minutes: number): RecordMeetingInput => ({ ...input(minutes, 20, 20), combined: true });
  const withExempted = (present: number, total: number, exempted: number): RecordMeetingInput =>
    meetingInput([A], { attendance: { present, total, absentWithReason: total - present - exempted, exempted } });

  it('finds nothing to flag in a 90-minute regular meeting with 90% attendance and no unexcused absence', () => {
    expect(meetingQualityFlags('regular', input(90, 18, 20))).toEqual([]);
    expect(meetingQualityFlags('regular', input(150, 31, 31))).toEqual([]);
  });

  it('flags a regular meeting shorter than 90 minutes', () => {
    expect(meetingQualityFlags('regular', input(89, 20, 20))).toEqual(['SHORT_MEETING']);
  });

  it('asks 90 minutes of a thematic meeting held on its own', () => {
    expect(meetingQualityFlags('thematic', input(89, 20, 20))).toEqual(['SHORT_MEETING']);
    expect(meetingQualityFlags('thematic', input(90, 20, 20))).toEqual([]);
  });

  it.each(['regular', 'thematic'] as const)('asks 120 minutes of a %s meeting combined with the other', (kind) => {
    expect(meetingQualityFlags(kind, combined(119))).toEqual(['SHORT_MEETING']);
    expect(meetingQualityFlags(kind, combined(120))).toEqual([]);
  });

  it('flags attendance below 90%', () => {
    expect(meetingQualityFlags('regular', input(95, 17, 20))).toEqual(['LOW_ATTENDANCE']);
    expect(meetingQualityFlags('regular', input(95, 27, 30))).toEqual([]);
    expect(meetingQualityFlags('regular', input(95, 26, 30))).toEqual(['LOW_ATTENDANCE']);
  });

  it('leaves exempted members out of the attendance share', () => {
    // 22 members, 2 exempted: 20 expected
    expect(meetingQualityFlags('regular', withExempted(18, 22, 2))).toEqual([]);
    expect(meetingQualityFlags('regular', withExempted(17, 22, 2))).toEqual(['LOW_ATTENDANCE']);
  });

  it('flags any unexcused absence', () => {
    expect(meetingQualityFlags('regular', input(95, 20, 21, 1))).toEqual(['UNEXCUSED_ABSENCE']);
  });

  it('reports every problem together', () => {
    const flags = meetingQualityFlags('thematic', input(60, 10, 20, 3));
    expect([...flags].sort()).toEqual(['LOW_ATTENDANCE', 'SHORT_MEETING', 'UNEXCUSED_ABSENCE']);
  });

  it('is stored on the meeting record: a 100-minute thematic meeting is long enough on its own, not combined', () => {
    const alone = launch({ kind: 'thematic' }).state;
    postPlan(alone);
    expect(recordMeeting(alone, [A], RECORD_AT, { endedAt: iso(MEETING_AT + 100 * MINUTE) }).cycle?.meeting?.qualityFlags).toEqual([]);
    const together = launch({ kind: 'thematic' }).state;
    postPlan(together);
    const record = recordMeeting(together, [A], RECORD_AT, { endedAt: iso(MEETING_AT + 100 * MINUTE), combined: true });
    expect(record.cycle?.meeting).toMatchObject({ qualityFlags: ['SHORT_MEETING'], combined: true });
  });

  describe(UNDER_RULESET_1, () => {
    it('asks 120 minutes of a thematic meeting', () => {
      expect(meetingQualityFlags('thematic', input(119, 20, 20), RULESET_1)).toEqual(['SHORT_MEETING']);
      expect(meetingQualityFlags('thematic', input(100, 20, 20), RULESET_1)).toEqual(['SHORT_MEETING']);
      expect(meetingQualityFlags('thematic', input(120, 20, 20), RULESET_1)).toEqual([]);
    });

    it('ignores the combined mark and counts exempted members as expected', () => {
      expect(meetingQualityFlags('regular', combined(100), RULESET_1)).toEqual([]);
      expect(meetingQualityFlags('regular', withExempted(18, 22, 2), RULESET_1)).toEqual(['LOW_ATTENDANCE']);
    });

    it('is stored on the meeting record', () => {
      const { state } = launch({ kind: 'thematic' }, T0, RULESET_1);
      postPlan(state);
      const record = recordMeeting(state, [A], RECORD_AT, { endedAt: iso(MEETING_AT + 100 * MINUTE) });
      expect(record.cycle?.meeting?.qualityFlags).toEqual(['SHORT_MEETING']);
    });
  });
});

// ── critique ─────────────────────────────────────────────────────────────────────────────────────────

describe('submitCritique', () => {
  it('stores the critique with fresh ids for it and each point', () => {
    const state = inCritique();
    const newId = counter('c');
    const result = critique(state, A, CRITIQUE_A_AT, newId, { ...CRITIQUE, scores: { time: 10, content: 50, minutes: 25 } });
    const ids = ['c-1', 'c-2', 'c-3', 'c-4'];
    expect(result.critiqueId).toBe(ids[0]);
    expect(result.pointIds).toEqual(ids.slice(1));
    expect(new Set([result.critiqueId, ...result.pointIds]).size).toBe(4);
    expect(result.record).toMatchObject({ seq: 4, event: 'CRITIQUE_SUBMITTED', actorId: secretary(A).userId, at: iso(CRITIQUE_A_AT) });
    expect(result.record.critique).toEqual({
      id: 'c-1',
      cellId: A,
      submittedBy: secretary(A).userId,
      submittedAt: iso(CRITIQUE_A_AT),
      points: [
        { id: 'c-2', ...CRITIQUE.points[0] },
        { id: 'c-3', ...CRITIQUE.points[1] },
        { id: 'c-4', ...CRITIQUE.points[2] },
      ],
      scores: { time: 10, content: 50, minutes: 25 },
      scoreTotal: 85,
      rating: 'KHA',
    });
    expect(state.stage).toBe('CRITIQUE');
    expect(missingCritiques(state)).toEqual([B]);
  });

  it('keeps the rating the visiting cell proposes', () => {
    const state = inCritique();
    const result = critique(state, A, CRITIQUE_A_AT, counter(), { ...CRITIQUE, rating: 'TRUNG_BINH' });
    expect(result.record.critique).toMatchObject({ scores: null, scoreTotal: null, rating: 'TRUNG_BINH' });
  });

  it('gives an incomplete score sheet a total but no rating', () => {
    const state = inCritique();
    const result = critique(state, A, CRITIQUE_A_AT, counter(), { ...CRITIQUE, scores: { time: 10, content: 55 } });
    expect(result.record.critique).toMatchObject({ scoreTotal: 65, rating: null });
  });

  it('accepts critiques only from attending visiting cells', () => {
    const state = inCritique([A, B]);
    expect(code(checkSubmitCritique(state, secretary(C), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    expect(code(checkSubmitCritique(state, secretary(OUTSIDER), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    expect(code(checkSubmitCritique(state, hostSecretary, CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    expect(code(checkSubmitCritique(state, staff, CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    expect(code(checkSubmitCritique(state, { ...staff, cellId: A }, CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
  });

  it('refuses a second critique from the same cell', () => {
    const state = inCritique();
    critique(state, A, CRITIQUE_A_AT, counter());
    expect(code(checkSubmitCritique(state, secretary(A), CRITIQUE, CRITIQUE_A_AT + HOUR))).toBe('ALREADY_DONE');
  });

  it('refuses a critique once the window has passed, before and after the close timer fired', () => {
    const state = inCritique();
    const closesAt = RECORD_AT + 3 * DAY;
    expect(checkSubmitCritique(state, secretary(A), CRITIQUE, closesAt - 1)).toBeNull();
    expect(code(checkSubmitCritique(state, secretary(A), CRITIQUE, closesAt))).toBe('DEADLINE_PASSED');
    expect(code(checkSubmitCritique(state, secretary(A), CRITIQUE, closesAt + HOUR))).toBe('DEADLINE_PASSED');
    applyTimer(state, timer(state, 'CRITIQUE_CLOSE'), closesAt);
    expect(state.stage).toBe('REPORTING');
    expect(code(checkSubmitCritique(state, secretary(A), CRITIQUE, closesAt + HOUR))).toBe('DEADLINE_PASSED');
  });

  it('refuses scores out of range or for unknown criteria', () => {
    const state = inCritique();
    const check = (scores: Record<string, number>) => code(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores }, CRITIQUE_A_AT));
    expect(check({ content: 61 })).toBe('INVALID_SCORES');
    expect(check({ content: -5 })).toBe('INVALID_SCORES');
    expect(check({ content: Number.NaN })).toBe('INVALID_SCORES');
    expect(check({ procedure: 5 })).toBe('INVALID_SCORES');
    expect(check({ content: 60 })).toBeNull();
  });

  it('accepts half points and sums them exactly', () => {
    const state = inCritique();
    const result = critique(state, A, CRITIQUE_A_AT, counter(), { ...CRITIQUE, scores: { content: 25.5, time: 9.5 } });
    expect(result.record.critique).toMatchObject({ scores: { content: 25.5, time: 9.5 }, scoreTotal: 35, rating: null });
  });

  it('refuses points off the half-point step a rubric has by default', () => {
    const state = inCritique();
    const check = (scores: Record<string, number>) => code(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores }, CRITIQUE_A_AT));
    expect(check({ content: 25.25 })).toBe('INVALID_SCORES');
    expect(check({ time: 9.75 })).toBe('INVALID_SCORES');
    expect(check({ content: 25.5 })).toBeNull();
  });

  it('follows the point step the rubric names', () => {
    const check = (pointStep: number, scores: Record<string, number>) => {
      const state = inCritique([A, B], RULESET_2, { rubric: { ...RUBRIC, pointStep } });
      return code(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores }, CRITIQUE_A_AT));
    };
    expect(check(1, { time: 9.5 })).toBe('INVALID_SCORES');
    expect(check(1, { time: 9 })).toBeNull();
    expect(check(0.25, { content: 25.25 })).toBeNull();
    expect(check(0.25, { content: 25.1 })).toBe('INVALID_SCORES');
  });

  it('refuses a proposed rating that disagrees with the band of the cell’s complete sheet, naming the band', () => {
    const state = inCritique();
    // 10 + 50 + 25 = 85: Khá
    const scores = { time: 10, content: 50, minutes: 25 };
    expect(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores, rating: 'TRUNG_BINH' }, CRITIQUE_A_AT)).toMatchObject({
      code: 'RATING_NOT_ALLOWED',
      params: { reason: 'DISAGREES_WITH_SCORES', band: 'KHA' },
    });
    expect(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores, rating: 'KHA' }, CRITIQUE_A_AT)).toBeNull();
    // an incomplete sheet has no band to disagree with
    expect(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores: { content: 30 }, rating: 'KEM' }, CRITIQUE_A_AT)).toBeNull();
  });

  it('closes the critique early once every attending cell has submitted', () => {
    const state = inCritique([A, B]);
    const newId = counter();
    const first = critique(state, A, CRITIQUE_A_AT, newId);
    expect(state.stage).toBe('CRITIQUE');
    expect(first.record.cycle).toBeUndefined();
    const second = critique(state, B, CRITIQUE_B_AT, newId);
    expect(state.stage).toBe('REPORTING');
    expect(state.reportDueAt).toBe(CRITIQUE_B_AT + 7 * DAY);
    expect(second.record.event).toBe('CRITIQUE_SUBMITTED');
    expect(second.record.cycle).toEqual({ status: 'REPORTING', reportDueAt: iso(CRITIQUE_B_AT + 7 * DAY) });
    // nobody is missing: the committee gets no missing-critiques alert
    expect(second.record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' }]);
  });

  it('does not close early while an attending cell is missing, even if a non-attending one is', () => {
    const state = inCritique([A, B]);
    critique(state, B, CRITIQUE_B_AT, counter());
    expect(state.stage).toBe('CRITIQUE');
    expect(missingCritiques(state)).toEqual([A]);
  });

  describe('from upper-level guests', () => {
    function withGuest(attending: string[] = [A, B]): CycleState {
      return inCritique(attending, RULESET_2, { guestIds: [GUEST] });
    }

    it('lets an invited guest critique once, recorded as the guest’s and no cell’s', () => {
      const state = withGuest();
      expect(checkSubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT)).toBeNull();
      const result = applySubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT, counter('g'));
      expect(result.record).toMatchObject({ event: 'CRITIQUE_SUBMITTED', actorId: GUEST, detail: { guestId: GUEST, critiqueId: 'g-1' } });
      expect(result.record.critique).toMatchObject({ id: 'g-1', cellId: null, guestId: GUEST, submittedBy: GUEST, submittedAt: iso(CRITIQUE_A_AT) });
      expect(result.record.critique?.points).toHaveLength(CRITIQUE.points.length);
      expect(state.guests[GUEST]).toEqual({ critiqued: true });
      expect(code(checkSubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT + HOUR))).toBe('ALREADY_DONE');
    });

    it('refuses an invited guest’s critique before the meeting is on record', () => {
      const { state } = launch({ guestIds: [GUEST] });
      postPlan(state);
      expect(code(checkSubmitCritique(state, guest(GUEST), CRITIQUE, MEETING_AT + HOUR))).toBe('WRONG_STAGE');
    });

    it('refuses a guest who was not invited to this cycle', () => {
      const state = withGuest();
      expect(code(checkSubmitCritique(state, guest(OTHER_GUEST), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
      expect(code(checkSubmitCritique(inCritique(), guest(GUEST), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    });

    it('never closes the window early on a guest’s critique; the attending cells’ still do', () => {
      const state = withGuest([A]);
      applySubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT, counter('g'));
      expect(state.stage).toBe('CRITIQUE');
      expect(missingCritiques(state)).toEqual([A]);
      const fromA = critique(state, A, CRITIQUE_A_AT + HOUR, counter('a'));
      expect(state.stage).toBe('REPORTING');
      expect(fromA.record.cycle).toMatchObject({ status: 'REPORTING', reportDueAt: iso(CRITIQUE_A_AT + HOUR + 7 * DAY) });
    });

    it('does not close the window when only a guest critiqued and no cell has yet', () => {
      const state = withGuest([A, B]);
      applySubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT, counter('g'));
      critique(state, A, CRITIQUE_A_AT + HOUR, counter('a'));
      expect(state.stage).toBe('CRITIQUE');
      expect(missingCritiques(state)).toEqual([B]);
    });

    it('asks the host to answer a guest’s weaknesses and suggestions too', () => {
      const state = withGuest([A]);
      const fromGuest = applySubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT, counter('g'));
      const fromA = critique(state, A, CRITIQUE_A_AT + HOUR, counter('a'));
      const answersToA = reportInput(fromA.pointIds.slice(1));
      expect(checkFileReport(state, hostSecretary, answersToA)).toMatchObject({ code: 'MISSING_RESPONSES', params: { count: 2 } });
      expect(checkFileReport(state, hostSecretary, reportInput([...fromA.pointIds.slice(1), ...fromGuest.pointIds.slice(1)]))).toBeNull();
    });
  });

  describe(UNDER_RULESET_1, () => {
    it('accepts points off the half-point step', () => {
      const state = inCritique([A, B], RULESET_1);
      expect(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores: { content: 25.25 } }, CRITIQUE_A_AT)).toBeNull();
    });

    it('accepts a proposed rating that disagrees with the cell’s sheet', () => {
      const state = inCritique([A, B], RULESET_1);
      const scores = { time: 10, content: 50, minutes: 25 };
      expect(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores, rating: 'TRUNG_BINH' }, CRITIQUE_A_AT)).toBeNull();
    });

    it('takes no critique from a guest, even one named at launch', () => {
      const state = inCritique([A, B], RULESET_1, { guestIds: [GUEST] });
      expect(code(checkSubmitCritique(state, guest(GUEST), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
    });
  });
});

// ── report ───────────────────────────────────────────────────────────────────────────────────────────

describe('fileReport', () => {
  it('accepts answers to every weakness and suggestion, strengths needing none', () => {
    const { state, weakness, suggestion } = inReporting();
    const input = reportInput([weakness, suggestion]);
    expect(checkFileReport(state, hostSecretary, input)).toBeNull();
    const record = applyFileReport(state, hostSecretary, input, FILE_AT, counter('item'));
    expect(state.stage).toBe('REVIEW');
    expect(record).toMatchObject({ event: 'REPORT_FILED', actorId: hostSecretary.userId, at: iso(FILE_AT) });
    expect(record.cycle?.status).toBe('REVIEW');
    expect(record.cycle?.report).toEqual({
      responses: input.responses,
      lessons: input.lessons,
      actionItems: [{ id: 'item-1', title: 'Sửa quy chế làm việc', owner: 'Đồng chí Lò Văn Pọm', dueDate: '2027-01-15' }],
      revision: 0,
      filedAt: iso(FILE_AT),
      filedBy: hostSecretary.userId,
      late: false,
    });
    // the committee should review within reviewWindow (7 days)
    expect(record.cycle?.reviewDueAt).toBe(iso(FILE_AT + 7 * DAY));
    expect(record.actionItems).toEqual({
      cellId: HOST,
      items: [{ id: 'item-1', title: 'Sửa quy chế làm việc', owner: 'Đồng chí Lò Văn Pọm', dueDate: '2027-01-15' }],
    });
    expect(record.notify).toEqual([{ to: { committee: true }, reason: 'REVIEW_NEEDED' }]);
  });

  it('accepts an answer to a strength too', () => {
    const { state, strength, weakness, suggestion } = inReporting();
    expect(checkFileReport(state, hostSecretary, reportInput([strength, weakness, suggestion]))).toBeNull();
  });

  it('refuses a report that leaves a weakness or a suggestion unanswered', () => {
    const { state, strength, weakness, suggestion } = inReporting();
    expect(checkFileReport(state, hostSecretary, reportInput([strength, weakness]))).toMatchObject({
      code: 'MISSING_RESPONSES',
      params: { count: 1, pointId: suggestion },
    });
    expect(checkFileReport(state, hostSecretary, reportInput([suggestion]))).toMatchObject({
      code: 'MISSING_RESPONSES',
      params: { count: 1, pointId: weakness },
    });
    expect(checkFileReport(state, hostSecretary, reportInput([]))).toMatchObject({ code: 'MISSING_RESPONSES', params: { count: 2 } });
  });

  it('refuses an answer to a point that does not exist', () => {
    const { state, weakness, suggestion } = inReporting();
    expect(checkFileReport(state, hostSecretary, reportInput([weakness, suggestion, 'no-such-point']))).toEqual({
      code: 'UNKNOWN_CRITIQUE_POINT',
      params: { pointId: 'no-such-point', position: 3 },
    });
  });

  it('refuses two answers to the same point', () => {
    const { state, weakness, suggestion } = inReporting();
    expect(checkFileReport(state, hostSecretary, reportInput([weakness, suggestion, weakness]))).toEqual({
      code: 'DUPLICATE_RESPONSE',
      params: { pointId: weakness, position: 3 },
    });
  });

  it('refuses anyone but the host secretary', () => {
    const { state, weakness, suggestion } = inReporting();
    const input = reportInput([weakness, suggestion]);
    expect(code(checkFileReport(state, secretary(A), input))).toBe('NOT_HOST_SECRETARY');
    expect(code(checkFileReport(state, staff, input))).toBe('NOT_HOST_SECRETARY');
  });

  it('refuses a report while the critique is still open, and a second one once filed', () => {
    const state = inCritique();
    expect(code(checkFileReport(state, hostSecretary, reportInput([])))).toBe('WRONG_STAGE');
    const review = inReview();
    expect(code(checkFileReport(review.state, hostSecretary, reportInput([review.weakness, review.suggestion])))).toBe('ALREADY_DONE');
  });

  it('marks a report filed after its due date as late, and one filed before as on time', () => {
    const dueAt = CRITIQUE_B_AT + 7 * DAY;
    const onTime = inReporting();
    const late = inReporting();
    expect(onTime.state.reportDueAt).toBe(dueAt);
    const onTimeRecord = applyFileReport(onTime.state, hostSecretary, reportInput([onTime.weakness, onTime.suggestion]), dueAt - MINUTE, counter());
    const lateRecord = applyFileReport(late.state, hostSecretary, reportInput([late.weakness, late.suggestion]), dueAt + MINUTE, counter());
    expect(onTimeRecord.cycle?.report?.late).toBe(false);
    expect(lateRecord.cycle?.report?.late).toBe(true);
  });

  describe('action item due dates', () => {
    const dueOn = (pointIds: string[], dueDate: string): FileReportInput => ({
      ...reportInput(pointIds),
      actionItems: [{ title: 'Sửa quy chế làm việc', owner: 'Đồng chí Lò Văn Pọm', dueDate }],
    });

    it('accepts the meeting’s day and up to ACTION_ITEM_HORIZON_YEARS (5) years after it, nothing outside', () => {
      // the meeting is on 2026-12-11 in Hà Nội
      const { state, weakness, suggestion } = inReporting();
      const check = (dueDate: string) => checkFileReport(state, hostSecretary, dueOn([weakness, suggestion], dueDate));
      const outOfRange = { code: 'DATE_OUT_OF_RANGE', params: { from: '2026-12-11', to: '2031-12-11' } };
      expect(check('2026-12-11')).toBeNull();
      expect(check('2031-12-11')).toBeNull();
      expect(check('2026-12-10')).toMatchObject(outOfRange);
      expect(check('2031-12-12')).toMatchObject(outOfRange);
      expect(check('2020-01-01')).toMatchObject(outOfRange);
    });

    it('takes the meeting’s day in Vietnam (UTC+7), not in UTC', () => {
      // 06:30 on 2026-12-11 in Hà Nội is still 2026-12-10 in UTC
      const early = Date.parse('2026-12-11T06:30:00+07:00');
      const { state, weakness, suggestion } = inReporting(RULESET_2, { meetingAt: iso(early) });
      expect(iso(early).slice(0, 10)).toBe('2026-12-10');
      expect(code(checkFileReport(state, hostSecretary, dueOn([weakness, suggestion], '2026-12-10')))).toBe('DATE_OUT_OF_RANGE');
      expect(checkFileReport(state, hostSecretary, dueOn([weakness, suggestion], '2026-12-11'))).toBeNull();
    });

    it('checks every action item, not only the first', () => {
      const { state, weakness, suggestion } = inReporting();
      const input: FileReportInput = {
        ...reportInput([weakness, suggestion]),
        actionItems: [
          { title: 'Việc đúng hạn', owner: 'Đồng chí A', dueDate: '2027-01-15' },
          { title: 'Việc quá xa', owner: 'Đồng chí B', dueDate: '2040-01-15' },
        ],
      };
      expect(code(checkFileReport(state, hostSecretary, input))).toBe('DATE_OUT_OF_RANGE');
    });

    describe(UNDER_RULESET_1, () => {
      it('accepts any due date', () => {
        const { state, weakness, suggestion } = inReporting(RULESET_1);
        expect(checkFileReport(state, hostSecretary, dueOn([weakness, suggestion], '2020-01-01'))).toBeNull();
      });
    });
  });

  describe(UNDER_RULESET_1, () => {
    it('records no review deadline', () => {
      const { state, weakness, suggestion } = inReporting(RULESET_1);
      const record = applyFileReport(state, hostSecretary, reportInput([weakness, suggestion]), FILE_AT, counter());
      expect(record.cycle).not.toHaveProperty('reviewDueAt');
    });
  });
});

// ── review ───────────────────────────────────────────────────────────────────────────────────────────

describe('review', () => {
  it('is for staff of the cycle’s committee only', () => {
    const { state } = inReview();
    const input = { decision: 'accept' as const, rating: 'TOT' as const };
    expect(code(checkReview(state, hostSecretary, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkReview(state, otherStaff, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkReview(state, admin, input))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(checkReview(state, staff, input)).toBeNull();
  });

  it('needs a rating to accept, but not to ask for a revision', () => {
    const { state } = inReview();
    expect(code(checkReview(state, staff, { decision: 'accept' }))).toBe('RATING_REQUIRED');
    expect(checkReview(state, staff, { decision: 'revise', comment: 'Bổ sung biện pháp' })).toBeNull();
  });

  it('refuses a review before a report was filed', () => {
    const { state } = inReporting();
    expect(code(checkReview(state, staff, { decision: 'accept', rating: 'KHA' }))).toBe('WRONG_STAGE');
  });

  it('sends the report back for a revision with a new due date', () => {
    const { state, weakness, suggestion } = inReview();
    const record = applyReview(state, staff, { decision: 'revise', comment: 'Bổ sung biện pháp cụ thể' }, REVIEW_AT);
    expect(state.stage).toBe('REPORTING');
    expect(state.reportRevision).toBe(1);
    expect(state.reportDueAt).toBe(REVIEW_AT + 7 * DAY);
    expect(record).toMatchObject({ event: 'REVISION_REQUESTED', actorId: staff.userId });
    expect(record.cycle).toEqual({
      status: 'REPORTING',
      reportDueAt: iso(REVIEW_AT + 7 * DAY),
      // nothing for the committee to review until the report comes back
      reviewDueAt: null,
      review: {
        decision: 'revise',
        rating: null,
        comment: 'Bổ sung biện pháp cụ thể',
        reviewedAt: iso(REVIEW_AT),
        reviewedBy: staff.userId,
      },
    });
    expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REVISION_REQUESTED' }]);

    // the revised report must again answer every weakness and suggestion, and carries revision 1
    expect(code(checkFileReport(state, hostSecretary, reportInput([weakness])))).toBe('MISSING_RESPONSES');
    const input = reportInput([weakness, suggestion]);
    expect(checkFileReport(state, hostSecretary, input)).toBeNull();
    const refiled = applyFileReport(state, hostSecretary, input, REVIEW_AT + DAY, counter());
    expect(refiled.cycle?.report).toMatchObject({ revision: 1, late: false });
    expect(refiled.cycle?.reviewDueAt).toBe(iso(REVIEW_AT + DAY + 7 * DAY));
    expect(state.stage).toBe('REVIEW');
  });

  it('closes the cycle with the committee’s rating, which the host cell’s record takes, and tells the host its rating', () => {
    const { state } = inReview();
    const record = applyReview(state, staff, { decision: 'accept', rating: 'KHA', comment: 'Đạt yêu cầu' }, REVIEW_AT);
    expect(state.stage).toBe('CLOSED');
    expect(isOpen(state)).toBe(false);
    expect(record).toMatchObject({ event: 'CYCLE_CLOSED', actorId: staff.userId });
    expect(record.cycle?.status).toBe('CLOSED');
    expect(record.cycle?.reviewDueAt).toBeNull();
    expect(record.cycle?.review).toMatchObject({ decision: 'accept', rating: 'KHA', comment: 'Đạt yêu cầu' });
    expect(record.close).toEqual({ hostCellId: HOST, hostedAt: MEETING_AT_ISO, rating: 'KHA' });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: INVITED }, reason: 'LESSONS_SHARED' },
        { to: { cellIds: [HOST] }, reason: 'RATED' },
      ]),
    );
    expect(record.notify).toHaveLength(2);
  });

  it('takes the committee’s rating, not the self-score nor the visitors’ proposals', () => {
    const { state } = launch();
    postPlan(state);
    recordMeeting(state, [A], RECORD_AT, { selfScores: { time: 10, content: 60, minutes: 30 } });
    const { pointIds } = critique(state, A, CRITIQUE_A_AT, counter(), { ...CRITIQUE, rating: 'TOT' });
    applyFileReport(state, hostSecretary, reportInput(pointIds.slice(1)), FILE_AT, counter());
    const record = applyReview(state, staff, { decision: 'accept', rating: 'TRUNG_BINH' }, REVIEW_AT);
    expect(record.close?.rating).toBe('TRUNG_BINH');
  });

  it('refuses a second review once closed', () => {
    const state = stateAt('CLOSED');
    expect(code(checkReview(state, staff, { decision: 'accept', rating: 'TOT' }))).toBe('ALREADY_DONE');
  });

  describe('the rating', () => {
    const BLOCKED: [string, Partial<RecordMeetingInput>][] = [
      ['SHORT_MEETING', { endedAt: iso(MEETING_AT + 89 * MINUTE) }],
      ['LOW_ATTENDANCE', { attendance: { present: 17, total: 20, absentWithReason: 3 } }],
      ['UNEXCUSED_ABSENCE', { attendance: { present: 20, total: 21, absentWithoutReason: 1 } }],
    ];

    it.each(BLOCKED)('refuses Tốt for a meeting on record with %s, naming it, and accepts Khá', (reason, meeting) => {
      const state = inReviewAfter(meeting);
      expect(state.meetingFlags).toEqual([reason]);
      expect(checkReview(state, staff, { decision: 'accept', rating: 'TOT' })).toMatchObject({
        code: 'RATING_NOT_ALLOWED',
        params: { rating: 'TOT', reason },
      });
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA' })).toBeNull();
      expect(checkReview(state, staff, { decision: 'revise' })).toBeNull();
    });

    it('accepts Tốt for a meeting on record with nothing to flag', () => {
      const state = inReviewAfter({});
      expect(state.meetingFlags).toEqual([]);
      expect(checkReview(state, staff, { decision: 'accept', rating: 'TOT' })).toBeNull();
    });

    it('refuses Tốt when the committee’s sheet lacks full points on a criterion Tốt needs, listing those criteria', () => {
      const { state } = inReview();
      const oneShort = checkReview(state, staff, { decision: 'accept', rating: 'TOT', scores: { time: 9, content: 60, minutes: 30 } });
      expect(oneShort).toMatchObject({ code: 'RATING_NOT_ALLOWED', params: { reason: 'TOP_NEEDS_FULL_POINTS' } });
      expect(String(oneShort?.params?.criteria)).toContain(TIME_LABEL);
      expect(String(oneShort?.params?.criteria)).not.toContain(MINUTES_LABEL);
      const bothShort = checkReview(state, staff, { decision: 'accept', rating: 'TOT', scores: { time: 9.5, content: 60, minutes: 29 } });
      expect(String(bothShort?.params?.criteria)).toContain(TIME_LABEL);
      expect(String(bothShort?.params?.criteria)).toContain(MINUTES_LABEL);
    });

    it('takes a sheet of 90 or more without full points on a marked criterion for a Khá', () => {
      const { state } = inReview();
      // 9 + 60 + 30 = 99, but the time criterion is not full
      const scores = { time: 9, content: 60, minutes: 30 };
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA', scores })).toBeNull();
    });

    it('refuses a rating that differs from the band of the committee’s complete sheet, naming the band', () => {
      const { state } = inReview();
      // 10 + 50 + 25 = 85: Khá
      const scores = { time: 10, content: 50, minutes: 25 };
      expect(checkReview(state, staff, { decision: 'accept', rating: 'TRUNG_BINH', scores })).toMatchObject({
        code: 'RATING_NOT_ALLOWED',
        params: { rating: 'TRUNG_BINH', reason: 'DISAGREES_WITH_SCORES', band: 'KHA' },
      });
      // 10 + 60 + 30 = 100: Tốt
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA', scores: { time: 10, content: 60, minutes: 30 } })).toMatchObject({
        code: 'RATING_NOT_ALLOWED',
        params: { reason: 'DISAGREES_WITH_SCORES', band: 'TOT' },
      });
    });

    it('accepts a rating that agrees with the sheet, and keeps the sheet and its total on the review', () => {
      const { state } = inReview();
      const scores = { time: 10, content: 49.5, minutes: 25.5 };
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA', scores })).toBeNull();
      const record = applyReview(state, staff, { decision: 'accept', rating: 'KHA', scores }, REVIEW_AT);
      expect(record.cycle?.review).toMatchObject({ decision: 'accept', rating: 'KHA', scores, scoreTotal: 85 });
      expect(record.close?.rating).toBe('KHA');
    });

    it('checks no band against an incomplete sheet', () => {
      const { state } = inReview();
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KEM', scores: { content: 55 } })).toBeNull();
    });

    it('refuses a sheet off the rubric’s point step', () => {
      const { state } = inReview();
      expect(code(checkReview(state, staff, { decision: 'accept', rating: 'KHA', scores: { content: 50.25 } }))).toBe('INVALID_SCORES');
    });

    it('suspected bug: lets the committee rate Khá when its complete sheet reaches the Tốt band but the meeting record rules Tốt out', () => {
      // one member absent without reason: Tốt is ruled out whatever the sheet says
      const state = inReviewAfter({ attendance: { present: 20, total: 21, absentWithoutReason: 1 } });
      // 10 + 55 + 30 = 95 with full points where Tốt needs them; the test rubric has no attendance criterion
      const scores = { time: 10, content: 55, minutes: 30 };
      expect(checkReview(state, staff, { decision: 'accept', rating: 'TOT', scores })).toMatchObject({
        code: 'RATING_NOT_ALLOWED',
        params: { reason: 'UNEXCUSED_ABSENCE' },
      });
      // some rating must be possible for an honest sheet; the best one the record allows is Khá
      const anyAllowed = (['TOT', 'KHA', 'TRUNG_BINH', 'KEM'] as Rating[]).filter(
        (rating) => checkReview(state, staff, { decision: 'accept', rating, scores }) === null,
      );
      expect(anyAllowed).toEqual(['KHA']);
    });
  });

  it('sends a report back at most CHANGE_LIMITS.revisions times', () => {
    const { state, weakness, suggestion } = inReview();
    for (let revision = 1; revision <= CHANGE_LIMITS.revisions; revision++) {
      const at = REVIEW_AT + revision * DAY;
      expect(checkReview(state, staff, { decision: 'revise' })).toBeNull();
      applyReview(state, staff, { decision: 'revise' }, at);
      applyFileReport(state, hostSecretary, reportInput([weakness, suggestion]), at + HOUR, counter());
    }
    expect(checkReview(state, staff, { decision: 'revise' })).toEqual({ code: 'TOO_MANY_CHANGES', params: { limit: CHANGE_LIMITS.revisions } });
    expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA' })).toBeNull();
  });

  describe(UNDER_RULESET_1, () => {
    it('closes the cycle sharing the lessons, with no word of the rating to the host', () => {
      const { state } = inReview(RULESET_1);
      const record = applyReview(state, staff, { decision: 'accept', rating: 'KHA' }, REVIEW_AT);
      expect(record.notify).toEqual([{ to: { cellIds: INVITED }, reason: 'LESSONS_SHARED' }]);
      expect(record.cycle).not.toHaveProperty('reviewDueAt');
    });

    it('accepts Tốt whatever the meeting record shows', () => {
      const state = inReviewAfter({ endedAt: iso(MEETING_AT + 60 * MINUTE), attendance: { present: 10, total: 21, absentWithoutReason: 11 } }, RULESET_1);
      expect(checkReview(state, staff, { decision: 'accept', rating: 'TOT' })).toBeNull();
    });

    it('sends a report back any number of times', () => {
      const { state, weakness, suggestion } = inReview(RULESET_1);
      for (let revision = 1; revision <= CHANGE_LIMITS.revisions; revision++) {
        const at = REVIEW_AT + revision * DAY;
        applyReview(state, staff, { decision: 'revise' }, at);
        applyFileReport(state, hostSecretary, reportInput([weakness, suggestion]), at + HOUR, counter());
      }
      expect(checkReview(state, staff, { decision: 'revise' })).toBeNull();
    });
  });
});

// ── cancel ───────────────────────────────────────────────────────────────────────────────────────────

describe('cancel', () => {
  it.each(['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW'] as const)(
    'cancels a cycle in %s with its reason',
    (stage) => {
      const state = stateAt(stage);
      expect(state.stage).toBe(stage);
      const seqBefore = state.seq;
      expect(checkCancel(state, staff)).toBeNull();
      const record = applyCancel(state, staff, { reason: 'Mưa lũ, chia cắt đường' }, REVIEW_AT + DAY);
      expect(state.stage).toBe('CANCELLED');
      expect(isOpen(state)).toBe(false);
      expect(record).toMatchObject({ seq: seqBefore + 1, event: 'CYCLE_CANCELLED', actorId: staff.userId });
      // nothing is due any more
      expect(record.cycle).toEqual({
        status: 'CANCELLED',
        cancelReason: 'Mưa lũ, chia cắt đường',
        hostDueAt: null,
        recordDueAt: null,
        reviewDueAt: null,
      });
      expect(record.notify?.[0].reason).toBe('CANCELLED');
      if (stage === 'HOST_SELECTION') {
        // Invitations go out only once the host is picked: no cell has heard of this meeting yet.
        expect(record.notify?.[0].to).toEqual({ committee: true });
      } else {
        const told = (record.notify?.[0].to as { cellIds: string[] }).cellIds;
        expect(told).toEqual(expect.arrayContaining(INVITED));
      }
      expect(pendingTimers(state)).toEqual([]);
    },
  );

  it('tells the guests too once the invitations are out', () => {
    const { state } = launch({ guestIds: [GUEST] });
    const record = applyCancel(state, staff, { reason: 'Thiên tai' }, T0 + HOUR);
    expect(record.notify).toContainEqual({ to: { userIds: [GUEST] }, reason: 'CANCELLED' });
  });

  it('is for staff of the cycle’s committee, or the installation’s admin (who always has a way to cancel)', () => {
    const { state } = launch();
    expect(code(checkCancel(state, hostSecretary))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkCancel(state, otherStaff))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(checkCancel(state, admin)).toBeNull();
  });

  it('refuses a closed or already cancelled cycle', () => {
    expect(code(checkCancel(stateAt('CLOSED'), staff))).toBe('WRONG_STAGE');
    expect(code(checkCancel(stateAt('CANCELLED'), staff))).toBe('WRONG_STAGE');
  });

  it('refuses every other step on a cancelled cycle', () => {
    const state = stateAt('CANCELLED');
    expect(checkPostPlan(state, hostSecretary)).not.toBeNull();
    expect(checkRsvp(state, secretary(A), { cellId: A, response: 'accept' })).not.toBeNull();
    expect(checkReschedule(state, staff, { meetingAt: iso(MEETING_AT + DAY), reason: 'x' }, T0 + DAY)).not.toBeNull();
    expect(checkRecordMeeting(state, hostSecretary, meetingInput([A]), RECORD_AT)).not.toBeNull();
    expect(checkInviteGuests(state, staff, { guestIds: [GUEST] })).not.toBeNull();
  });

  describe(UNDER_RULESET_1, () => {
    it('records the status and the reason only', () => {
      const state = stateAt('SCHEDULED', RULESET_1);
      const record = applyCancel(state, staff, { reason: 'Thiên tai' }, T0 + 2 * DAY);
      expect(record.cycle).toEqual({ status: 'CANCELLED', cancelReason: 'Thiên tai' });
    });
  });
});

// ── seq and step records ─────────────────────────────────────────────────────────────────────────────

describe('step records', () => {
  it('number every step and fired timer 1, 2, 3… and name the cycle, the event and the actor', () => {
    const records: StepRecord[] = [];
    const { state, record: launched } = launch({ hostCellId: null });
    records.push(launched);
    const fire = (kind: TimerKind) => {
      const next = nextTimer(state);
      expect(next?.kind).toBe(kind);
      records.push(applyTimer(state, next as DueTimer, (next as DueTimer).at));
    };
    records.push(applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR));
    records.push(rsvp(state, A, 'accept', T0 + 2 * HOUR));
    records.push(rsvp(state, B, 'decline', T0 + 3 * HOUR));
    records.push(postPlan(state, PLAN_AT));
    records.push(applyPostPlan(state, hostSecretary, { agenda: ['Sửa'], content: 'Sửa' }, PLAN_AT + HOUR));
    fire('RSVP_REMINDER');
    records.push(recordMeeting(state, [A, C], RECORD_AT));
    const submitted = critique(state, A, CRITIQUE_A_AT, counter());
    records.push(submitted.record);
    fire('CRITIQUE_REMINDER');
    fire('CRITIQUE_CLOSE');
    fire('REPORT_REMINDER');
    const report = reportInput(submitted.pointIds.slice(1));
    const filedAt = (state.reportDueAt as number) - HOUR;
    records.push(applyFileReport(state, hostSecretary, report, filedAt, counter()));
    records.push(applyReview(state, staff, { decision: 'revise' }, filedAt + DAY));
    records.push(applyFileReport(state, hostSecretary, report, filedAt + 2 * DAY, counter()));
    records.push(applyReview(state, staff, { decision: 'accept', rating: 'TOT' }, filedAt + 3 * DAY));

    expect(state.stage).toBe('CLOSED');
    expect(records.map((record) => record.seq)).toEqual(records.map((_, index) => index + 1));
    expect(state.seq).toBe(records.length);
    expect(records.every((record) => record.cycleId === CYCLE_ID)).toBe(true);
    expect(records.map((record) => [record.event, record.actorId])).toEqual([
      ['CYCLE_LAUNCHED', staff.userId],
      ['HOST_SELECTED', staff.userId],
      ['RSVP_ACCEPTED', secretary(A).userId],
      ['RSVP_DECLINED', secretary(B).userId],
      ['PLAN_POSTED', hostSecretary.userId],
      ['PLAN_REVISED', hostSecretary.userId],
      ['RSVP_REMINDER_SENT', null],
      ['MEETING_RECORDED', hostSecretary.userId],
      ['CRITIQUE_SUBMITTED', secretary(A).userId],
      ['CRITIQUE_REMINDER_SENT', null],
      ['CRITIQUE_CLOSED', null],
      ['REPORT_REMINDER_SENT', null],
      ['REPORT_FILED', hostSecretary.userId],
      ['REVISION_REQUESTED', staff.userId],
      ['REPORT_FILED', hostSecretary.userId],
      ['CYCLE_CLOSED', staff.userId],
    ]);
  });

  it('stamps each record with the time it was given', () => {
    const { state } = launch();
    const record = rsvp(state, C, 'accept', Date.parse('2026-12-02T09:30:00+07:00'));
    expect(record.at).toBe('2026-12-02T02:30:00.000Z');
  });

  it('does not advance seq on a refused step', () => {
    const { state } = launch();
    expect(checkPostPlan(state, secretary(A))).not.toBeNull();
    expect(checkCancel(state, otherStaff)).not.toBeNull();
    expect(state.seq).toBe(1);
    expect(postPlan(state).seq).toBe(2);
  });
});

// ── timers ───────────────────────────────────────────────────────────────────────────────────────────

describe('timers', () => {
  it('lists every reminder and deadline in PREPARATION, soonest first', () => {
    const { state } = launch();
    expect(timersOf(state)).toEqual([
      { kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY },
      { kind: 'PLAN_REMINDER', at: PLAN_REMINDER_AT },
      { kind: 'PLAN_OVERDUE', at: PLAN_DUE_AT },
      { kind: 'MEETING_RECORD_REMINDER', at: RECORD_REMINDER_AT },
      { kind: 'MEETING_RECORD_OVERDUE', at: RECORD_DUE_AT },
    ]);
    expect(nextTimer(state)).toMatchObject({ kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY });
    const keys = pendingTimers(state).map((due) => due.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('sends no RSVP reminder before the host is picked and the invitations are out', () => {
    const { state } = launch({ hostCellId: null });
    expect(timersOf(state).some((due) => due.kind === 'RSVP_REMINDER')).toBe(false);
  });

  it('lists the RSVP reminder only while some invitation is unanswered', () => {
    const { state } = launch();
    postPlan(state);
    rsvp(state, A, 'accept');
    rsvp(state, B, 'decline');
    expect(timersOf(state)).toEqual([
      { kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY },
      { kind: 'MEETING_RECORD_REMINDER', at: RECORD_REMINDER_AT },
      { kind: 'MEETING_RECORD_OVERDUE', at: RECORD_DUE_AT },
    ]);
    rsvp(state, C, 'accept');
    expect(kindsOf(state)).not.toContain('RSVP_REMINDER');
  });

  it('reminds exactly the cells that have not answered, once', () => {
    const { state } = launch();
    rsvp(state, B, 'accept');
    const due = timer(state, 'RSVP_REMINDER');
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ seq: 3, event: 'RSVP_REMINDER_SENT', actorId: null, at: iso(due.at) });
    expect(record.notify).toHaveLength(1);
    expect(record.notify?.[0].reason).toBe('RSVP_REMINDER');
    expect([...(record.notify?.[0].to as { cellIds: string[] }).cellIds].sort()).toEqual([A, C].sort());
    expect(pendingTimers(state).map((pending) => pending.key)).not.toContain(due.key);
    expect(kindsOf(state)).not.toContain('RSVP_REMINDER');
  });

  it('does not list a reminder whose time had passed when the meeting date was set', () => {
    // meeting 36 hours after launch: the RSVP reminder (2 days before) was due 12 hours before launch
    const { state } = launch({ meetingAt: iso(T0 + 36 * HOUR) });
    expect(timersOf(state).some((due) => due.kind === 'RSVP_REMINDER')).toBe(false);
    expect(timersOf(state)).toContainEqual({ kind: 'PLAN_OVERDUE', at: T0 + 12 * HOUR });
  });

  it('still lists the critique and report deadlines when their reminders would come too early', () => {
    const { state } = launch({ schedule: { ...SCHEDULE, critiqueReminderLeadMs: 4 * DAY, reportReminderLeadMs: 8 * DAY } });
    postPlan(state);
    recordMeeting(state, [A]);
    expect(timersOf(state)).toEqual([{ kind: 'CRITIQUE_CLOSE', at: RECORD_AT + 3 * DAY }]);
    applyTimer(state, timer(state, 'CRITIQUE_CLOSE'), RECORD_AT + 3 * DAY);
    expect(timersOf(state)).toEqual([{ kind: 'REPORT_OVERDUE', at: RECORD_AT + 10 * DAY }]);
  });

  it('moves every timer of PREPARATION with a reschedule, under new keys', () => {
    const { state } = launch();
    const before = pendingTimers(state);
    const later = MEETING_AT + 10 * DAY;
    applyReschedule(state, staff, { meetingAt: iso(later), reason: 'Trùng lịch' }, T0 + DAY);
    const after = pendingTimers(state);
    expect(after.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'RSVP_REMINDER', at: later - 2 * DAY },
      { kind: 'PLAN_REMINDER', at: later - DAY - 12 * HOUR },
      { kind: 'PLAN_OVERDUE', at: later - DAY },
      { kind: 'MEETING_RECORD_REMINDER', at: later + 4 * HOUR },
      { kind: 'MEETING_RECORD_OVERDUE', at: later + DAY },
    ]);
    for (const old of before) expect(after.map((due) => due.key)).not.toContain(old.key);
  });

  it('lists the RSVP reminder again after a reschedule even if the old one had been sent', () => {
    const { state } = launch();
    const sent = timer(state, 'RSVP_REMINDER');
    applyTimer(state, sent, sent.at);
    expect(timersOf(state).some((due) => due.kind === 'RSVP_REMINDER')).toBe(false);
    const later = MEETING_AT + 14 * DAY;
    applyReschedule(state, staff, { meetingAt: iso(later), reason: 'Hoãn' }, sent.at + HOUR);
    expect(timer(state, 'RSVP_REMINDER').at).toBe(later - 2 * DAY);
    expect(timer(state, 'RSVP_REMINDER').key).not.toBe(sent.key);
  });

  it('drops the RSVP reminder when the meeting is brought forward past it', () => {
    const { state } = launch();
    const now = T0 + 5 * DAY;
    applyReschedule(state, staff, { meetingAt: iso(now + DAY), reason: 'Sớm hơn' }, now);
    expect(timersOf(state).some((due) => due.kind === 'RSVP_REMINDER')).toBe(false);
  });

  it('reminds the host and alerts the committee when the plan is overdue, and drops it once posted', () => {
    const { state } = launch();
    const due = timer(state, 'PLAN_OVERDUE');
    expect(due.at).toBe(MEETING_AT - DAY);
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ event: 'PLAN_OVERDUE', actorId: null });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: [HOST] }, reason: 'PLAN_REMINDER' },
        { to: { committee: true }, reason: 'PLAN_OVERDUE_ALERT' },
      ]),
    );
    expect(state.stage).toBe('PREPARATION');
    expect(timersOf(state).some((pending) => pending.kind === 'PLAN_OVERDUE')).toBe(false);

    const other = launch().state;
    postPlan(other);
    expect(timersOf(other).some((pending) => pending.kind === 'PLAN_OVERDUE')).toBe(false);
  });

  it('lists the critique reminder and close after the meeting', () => {
    const state = inCritique();
    expect(timersOf(state)).toEqual([
      { kind: 'CRITIQUE_REMINDER', at: RECORD_AT + 2 * DAY },
      { kind: 'CRITIQUE_CLOSE', at: RECORD_AT + 3 * DAY },
    ]);
  });

  it('reminds exactly the attending cells that have not submitted', () => {
    const state = inCritique([A, B, C]);
    critique(state, B, CRITIQUE_A_AT, counter());
    const due = timer(state, 'CRITIQUE_REMINDER');
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ event: 'CRITIQUE_REMINDER_SENT', actorId: null });
    expect(record.notify).toHaveLength(1);
    expect(record.notify?.[0].reason).toBe('CRITIQUE_REMINDER');
    expect([...(record.notify?.[0].to as { cellIds: string[] }).cellIds].sort()).toEqual([A, C].sort());
    expect(state.stage).toBe('CRITIQUE');
    expect(timersOf(state)).toEqual([{ kind: 'CRITIQUE_CLOSE', at: RECORD_AT + 3 * DAY }]);
  });

  it('closes the critique at its deadline, starts the report window from there and names the missing cells to the committee', () => {
    const state = inCritique([A, B, C]);
    critique(state, A, CRITIQUE_A_AT, counter());
    const due = timer(state, 'CRITIQUE_CLOSE');
    const closeAt = RECORD_AT + 3 * DAY;
    expect(due.at).toBe(closeAt);
    const record = applyTimer(state, due, closeAt);
    expect(state.stage).toBe('REPORTING');
    expect(state.reportDueAt).toBe(closeAt + 7 * DAY);
    expect(record).toMatchObject({ event: 'CRITIQUE_CLOSED', actorId: null, at: iso(closeAt) });
    expect([...(record.detail?.missingCellIds as string[])].sort()).toEqual([B, C].sort());
    expect(record.cycle).toEqual({ status: 'REPORTING', reportDueAt: iso(closeAt + 7 * DAY) });
    expect(record.notify).toHaveLength(2);
    expect(record.notify).toContainEqual({ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' });
    const missing = notice(record, 'CRITIQUES_MISSING');
    expect(missing.to).toEqual({ committee: true });
    expect([...(missing.namedCellIds ?? [])].sort()).toEqual([B, C].sort());
    expect(timersOf(state)).toEqual([
      { kind: 'REPORT_REMINDER', at: closeAt + 5 * DAY },
      { kind: 'REPORT_OVERDUE', at: closeAt + 7 * DAY },
    ]);
  });

  it('names only the attending cells still missing, not those that sent theirs nor those that did not attend', () => {
    const state = inCritique([A, B]);
    critique(state, A, CRITIQUE_A_AT, counter());
    const record = applyTimer(state, timer(state, 'CRITIQUE_CLOSE'), RECORD_AT + 3 * DAY);
    expect(notice(record, 'CRITIQUES_MISSING').namedCellIds).toEqual([B]);
  });

  it('reminds the host before the report is due', () => {
    const { state, closedAt } = inReporting();
    const due = timer(state, 'REPORT_REMINDER');
    expect(due.at).toBe(closedAt + 5 * DAY);
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ event: 'REPORT_REMINDER_SENT', actorId: null });
    expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_REMINDER' }]);
    expect(timersOf(state)).toEqual([{ kind: 'REPORT_OVERDUE', at: closedAt + 7 * DAY }]);
  });

  it('escalates an overdue report to the committee, naming the host, and keeps waiting for it', () => {
    const { state, closedAt, weakness, suggestion } = inReporting();
    applyTimer(state, timer(state, 'REPORT_REMINDER'), closedAt + 5 * DAY);
    const due = timer(state, 'REPORT_OVERDUE');
    expect(due.at).toBe(closedAt + 7 * DAY);
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ event: 'REPORT_OVERDUE', actorId: null });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: [HOST] }, reason: 'REPORT_OVERDUE' },
        { to: { committee: true }, reason: 'REPORT_OVERDUE_ESCALATION', namedCellIds: [HOST] },
      ]),
    );
    expect(record.notify).toHaveLength(2);
    expect(state.stage).toBe('REPORTING');
    expect(isOpen(state)).toBe(true);
    expect(pendingTimers(state)).toEqual([]);

    const input = reportInput([weakness, suggestion]);
    expect(checkFileReport(state, hostSecretary, input)).toBeNull();
    expect(applyFileReport(state, hostSecretary, input, due.at + DAY, counter()).cycle?.report?.late).toBe(true);
  });

  it('brings the report timers back under new keys after a revision', () => {
    const reporting = inReporting();
    const { state } = reporting;
    const firstKeys: string[] = [];
    for (const kind of ['REPORT_REMINDER', 'REPORT_OVERDUE'] as const) {
      const due = timer(state, kind);
      firstKeys.push(due.key);
      applyTimer(state, due, due.at);
    }
    const filedAt = reporting.closedAt + 8 * DAY;
    applyFileReport(state, hostSecretary, reportInput([reporting.weakness, reporting.suggestion]), filedAt, counter());
    // while the committee reviews, only its own deadline runs
    expect(timersOf(state)).toEqual([{ kind: 'REVIEW_OVERDUE', at: filedAt + 7 * DAY }]);
    const revisedAt = filedAt + DAY;
    applyReview(state, staff, { decision: 'revise' }, revisedAt);
    const again = pendingTimers(state);
    expect(again.map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: 'REPORT_REMINDER', at: revisedAt + 5 * DAY },
      { kind: 'REPORT_OVERDUE', at: revisedAt + 7 * DAY },
    ]);
    for (const key of firstKeys) expect(again.map((due) => due.key)).not.toContain(key);
  });

  it('lists nothing once the cycle is closed', () => {
    expect(pendingTimers(stateAt('CLOSED'))).toEqual([]);
  });

  describe('host selection overdue', () => {
    it('reminds the committee when the host is not picked hostPickLead before the plan is due', () => {
      const { state } = launch({ hostCellId: null });
      expect(timersOf(state)).toEqual([{ kind: 'HOST_SELECTION_OVERDUE', at: HOST_DUE_AT }]);
      const due = timer(state, 'HOST_SELECTION_OVERDUE');
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ seq: 2, event: 'HOST_SELECTION_OVERDUE', actorId: null, at: iso(HOST_DUE_AT) });
      expect(record.notify).toEqual([{ to: { committee: true }, reason: 'HOST_SELECTION_REMINDER' }]);
      expect(state.stage).toBe('HOST_SELECTION');
      expect(pendingTimers(state)).toEqual([]);
      // the committee can still pick
      expect(checkPickHost(state, staff, { cellId: HOST })).toBeNull();
    });

    it('falls halfway from launch to the plan deadline when hostPickLead is already past at launch', () => {
      // meeting 3 days after launch: plan due T0 + 2 days; T0 + 2 days − 3 days is before launch → halfway, T0 + 1 day
      const { state, record } = launch({ hostCellId: null, meetingAt: iso(T0 + 3 * DAY) });
      expect(record.launch?.hostDueAt).toBe(iso(T0 + DAY));
      expect(timersOf(state)).toEqual([{ kind: 'HOST_SELECTION_OVERDUE', at: T0 + DAY }]);
    });

    it('is dropped once the host is picked', () => {
      const { state } = launch({ hostCellId: null });
      applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
      expect(kindsOf(state)).not.toContain('HOST_SELECTION_OVERDUE');
    });

    it('moves with a reschedule, under a new key, even after it fired', () => {
      const { state } = launch({ hostCellId: null });
      const first = timer(state, 'HOST_SELECTION_OVERDUE');
      applyTimer(state, first, first.at);
      const later = MEETING_AT + 10 * DAY;
      reschedule(state, later, first.at + HOUR);
      const moved = timer(state, 'HOST_SELECTION_OVERDUE');
      expect(moved.at).toBe(later - DAY - 3 * DAY);
      expect(moved.key).not.toBe(first.key);
    });
  });

  describe('plan reminder', () => {
    it('reminds the host planReminderLead before the plan is due; the plan deadline still fires after it', () => {
      const { state } = launch();
      const due = timer(state, 'PLAN_REMINDER');
      expect(due.at).toBe(PLAN_DUE_AT - 12 * HOUR);
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ event: 'PLAN_REMINDER_SENT', actorId: null, at: iso(due.at) });
      expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'PLAN_DUE_SOON' }]);
      expect(kindsOf(state)).not.toContain('PLAN_REMINDER');
      expect(timer(state, 'PLAN_OVERDUE').at).toBe(PLAN_DUE_AT);
    });

    it('is not sent when its time had passed when the meeting was set; the plan deadline still is', () => {
      // meeting 30 hours after launch: plan due T0 + 6 hours, its reminder T0 − 6 hours
      const { state } = launch({ meetingAt: iso(T0 + 30 * HOUR) });
      expect(kindsOf(state)).not.toContain('PLAN_REMINDER');
      expect(timersOf(state)).toContainEqual({ kind: 'PLAN_OVERDUE', at: T0 + 6 * HOUR });
    });

    it('counts from when the host was picked: a reminder already past then is not sent', () => {
      const { state } = launch({ hostCellId: null });
      applyPickHost(state, staff, { cellId: HOST }, PLAN_REMINDER_AT + HOUR);
      expect(kindsOf(state)).not.toContain('PLAN_REMINDER');
      expect(timer(state, 'PLAN_OVERDUE').at).toBe(PLAN_DUE_AT);
    });

    it('is dropped, with the plan deadline, once the plan is posted', () => {
      const state = stateAt('SCHEDULED');
      expect(kindsOf(state)).not.toContain('PLAN_REMINDER');
      expect(kindsOf(state)).not.toContain('PLAN_OVERDUE');
    });
  });

  describe('meeting record reminder and overdue', () => {
    it.each(['PREPARATION', 'SCHEDULED'] as const)('are due recordReminderDelay and recordDueDelay after the meeting’s time in %s', (stage) => {
      const state = stateAt(stage);
      expect(timer(state, 'MEETING_RECORD_REMINDER').at).toBe(MEETING_AT + 4 * HOUR);
      expect(timer(state, 'MEETING_RECORD_OVERDUE').at).toBe(MEETING_AT + DAY);
    });

    it('reminds the host to put the meeting on record', () => {
      const state = stateAt('SCHEDULED');
      const due = timer(state, 'MEETING_RECORD_REMINDER');
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ event: 'MEETING_RECORD_REMINDER_SENT', actorId: null, at: iso(RECORD_REMINDER_AT) });
      expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'MEETING_RECORD_REMINDER' }]);
      expect(kindsOf(state)).not.toContain('MEETING_RECORD_REMINDER');
      expect(kindsOf(state)).toContain('MEETING_RECORD_OVERDUE');
    });

    it('alerts the committee, naming the host, when the meeting is still not on record', () => {
      const state = stateAt('SCHEDULED');
      const due = timer(state, 'MEETING_RECORD_OVERDUE');
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ event: 'MEETING_RECORD_OVERDUE', actorId: null, at: iso(RECORD_DUE_AT) });
      expect(record.notify).toEqual(
        expect.arrayContaining([
          { to: { cellIds: [HOST] }, reason: 'MEETING_RECORD_REMINDER' },
          { to: { committee: true }, reason: 'MEETING_RECORD_OVERDUE_ALERT', namedCellIds: [HOST] },
        ]),
      );
      expect(record.notify).toHaveLength(2);
      expect(state.stage).toBe('SCHEDULED');
      expect(kindsOf(state)).not.toContain('MEETING_RECORD_OVERDUE');
      // the host can still put it on record
      expect(checkRecordMeeting(state, hostSecretary, meetingInput([A]), due.at + HOUR)).toBeNull();
    });

    it('are dropped once the meeting is on record', () => {
      const state = inCritique();
      expect(kindsOf(state)).not.toContain('MEETING_RECORD_REMINDER');
      expect(kindsOf(state)).not.toContain('MEETING_RECORD_OVERDUE');
    });

    it('move with a reschedule, under new keys', () => {
      const state = stateAt('SCHEDULED');
      const before = [timer(state, 'MEETING_RECORD_REMINDER').key, timer(state, 'MEETING_RECORD_OVERDUE').key];
      const later = MEETING_AT + 5 * DAY;
      const record = reschedule(state, later, PLAN_AT + HOUR);
      expect(record.cycle?.recordDueAt).toBe(iso(later + DAY));
      expect(timer(state, 'MEETING_RECORD_REMINDER').at).toBe(later + 4 * HOUR);
      expect(timer(state, 'MEETING_RECORD_OVERDUE').at).toBe(later + DAY);
      const after = pendingTimers(state).map((due) => due.key);
      for (const key of before) expect(after).not.toContain(key);
    });
  });

  describe('review overdue', () => {
    it('reminds the committee when the report is not reviewed within reviewWindow of its filing', () => {
      const { state } = inReview();
      expect(timersOf(state)).toEqual([{ kind: 'REVIEW_OVERDUE', at: FILE_AT + 7 * DAY }]);
      const due = timer(state, 'REVIEW_OVERDUE');
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ event: 'REVIEW_OVERDUE', actorId: null, at: iso(FILE_AT + 7 * DAY) });
      expect(record.notify).toEqual([{ to: { committee: true }, reason: 'REVIEW_REMINDER' }]);
      expect(state.stage).toBe('REVIEW');
      expect(pendingTimers(state)).toEqual([]);
      expect(checkReview(state, staff, { decision: 'accept', rating: 'KHA' })).toBeNull();
    });

    it('is dropped once the committee has reviewed', () => {
      const { state } = inReview();
      applyReview(state, staff, { decision: 'accept', rating: 'KHA' }, REVIEW_AT);
      expect(pendingTimers(state)).toEqual([]);
    });

    it('runs again, under a new key, from the filing of the revised report', () => {
      const { state, weakness, suggestion } = inReview();
      const first = timer(state, 'REVIEW_OVERDUE');
      applyReview(state, staff, { decision: 'revise' }, REVIEW_AT);
      expect(kindsOf(state)).not.toContain('REVIEW_OVERDUE');
      const refiledAt = REVIEW_AT + 2 * DAY;
      applyFileReport(state, hostSecretary, reportInput([weakness, suggestion]), refiledAt, counter());
      const again = timer(state, 'REVIEW_OVERDUE');
      expect(again.at).toBe(refiledAt + 7 * DAY);
      expect(again.key).not.toBe(first.key);
    });
  });

  describe(UNDER_RULESET_1, () => {
    it('lists the RSVP reminder and the plan deadline in PREPARATION, soonest first', () => {
      const { state } = launch({}, T0, RULESET_1);
      expect(timersOf(state)).toEqual([
        { kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY },
        { kind: 'PLAN_OVERDUE', at: MEETING_AT - DAY },
      ]);
      expect(nextTimer(state)).toMatchObject({ kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY });
    });

    it('lists the RSVP reminder only while some invitation is unanswered', () => {
      const { state } = launch({}, T0, RULESET_1);
      postPlan(state);
      rsvp(state, A, 'accept');
      rsvp(state, B, 'decline');
      expect(timersOf(state)).toEqual([{ kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY }]);
      rsvp(state, C, 'accept');
      expect(timersOf(state)).toEqual([]);
      expect(nextTimer(state)).toBeNull();
    });

    it('reminds exactly the cells that have not answered, once', () => {
      const { state } = launch({}, T0, RULESET_1);
      rsvp(state, B, 'accept');
      const due = timer(state, 'RSVP_REMINDER');
      const record = applyTimer(state, due, due.at);
      expect(record).toMatchObject({ seq: 3, event: 'RSVP_REMINDER_SENT', actorId: null, at: iso(due.at) });
      expect([...(record.notify?.[0].to as { cellIds: string[] }).cellIds].sort()).toEqual([A, C].sort());
      expect(timersOf(state)).toEqual([{ kind: 'PLAN_OVERDUE', at: MEETING_AT - DAY }]);
    });

    it('moves the RSVP reminder and the plan deadline with a reschedule, under new keys', () => {
      const { state } = launch({}, T0, RULESET_1);
      const before = pendingTimers(state);
      const later = MEETING_AT + 10 * DAY;
      applyReschedule(state, staff, { meetingAt: iso(later), reason: 'Trùng lịch' }, T0 + DAY);
      const after = pendingTimers(state);
      expect(after.map(({ kind, at }) => ({ kind, at }))).toEqual([
        { kind: 'RSVP_REMINDER', at: later - 2 * DAY },
        { kind: 'PLAN_OVERDUE', at: later - DAY },
      ]);
      for (const old of before) expect(after.map((due) => due.key)).not.toContain(old.key);
    });

    it('closes the critique telling only the host, with no word to the committee of who is missing', () => {
      const state = inCritique([A, B, C], RULESET_1);
      critique(state, A, CRITIQUE_A_AT, counter());
      const record = applyTimer(state, timer(state, 'CRITIQUE_CLOSE'), RECORD_AT + 3 * DAY);
      expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' }]);
    });

    it('escalates an overdue report without naming the host', () => {
      const { state } = inReporting(RULESET_1);
      const due = timer(state, 'REPORT_OVERDUE');
      const record = applyTimer(state, due, due.at);
      expect(record.notify).toEqual(
        expect.arrayContaining([
          { to: { cellIds: [HOST] }, reason: 'REPORT_OVERDUE' },
          { to: { committee: true }, reason: 'REPORT_OVERDUE_ESCALATION' },
        ]),
      );
      expect(record.notify).toHaveLength(2);
    });

    it('brings the report timers back after a revision, with nothing running while the committee reviews', () => {
      const { state, weakness, suggestion, closedAt } = inReporting(RULESET_1);
      const filedAt = closedAt + DAY;
      applyFileReport(state, hostSecretary, reportInput([weakness, suggestion]), filedAt, counter());
      expect(pendingTimers(state)).toEqual([]);
      applyReview(state, staff, { decision: 'revise' }, filedAt + DAY);
      expect(timersOf(state)).toEqual([
        { kind: 'REPORT_REMINDER', at: filedAt + DAY + 5 * DAY },
        { kind: 'REPORT_OVERDUE', at: filedAt + DAY + 7 * DAY },
      ]);
    });

    const RULESET_2_TIMERS: TimerKind[] = ['HOST_SELECTION_OVERDUE', 'PLAN_REMINDER', 'MEETING_RECORD_REMINDER', 'MEETING_RECORD_OVERDUE', 'REVIEW_OVERDUE'];

    it.each(['HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW', 'CLOSED', 'CANCELLED'] as const)(
      'lists none of the ruleset-2 timers in %s',
      (stage) => {
        const kinds = kindsOf(stateAt(stage, RULESET_1));
        for (const kind of RULESET_2_TIMERS) expect(kinds).not.toContain(kind);
      },
    );

    it('fires the same timers, in the same order, through a whole cycle as it always did', () => {
      const { state } = launch({ hostCellId: null }, T0, RULESET_1);
      const fired: TimerKind[] = [];
      const fireNext = () => {
        const next = nextTimer(state) as DueTimer;
        fired.push(next.kind);
        applyTimer(state, next, next.at);
      };
      expect(nextTimer(state)).toBeNull();
      applyPickHost(state, staff, { cellId: HOST }, T0 + HOUR);
      fireNext(); // RSVP reminder
      fireNext(); // plan overdue
      postPlan(state, PLAN_DUE_AT + HOUR);
      expect(nextTimer(state)).toBeNull();
      recordMeeting(state, [A, B], RECORD_AT + DAY * 2);
      fireNext(); // critique reminder
      fireNext(); // critique close
      fireNext(); // report reminder
      fireNext(); // report overdue
      expect(nextTimer(state)).toBeNull();
      expect(fired).toEqual(['RSVP_REMINDER', 'PLAN_OVERDUE', 'CRITIQUE_REMINDER', 'CRITIQUE_CLOSE', 'REPORT_REMINDER', 'REPORT_OVERDUE']);
    });
  });
});

// ── ids that are names of Object.prototype ───────────────────────────────────────────────────────────

describe.each([RULESET_1, RULESET_2])('ids named like Object.prototype properties, under ruleset %i', (ruleset) => {
  const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

  it.each(NAMES)('treats cell %s as not invited when it answers', (cellId) => {
    const { state } = launch({}, T0, ruleset);
    expect(code(checkRsvp(state, secretary(cellId), { cellId, response: 'accept' }))).toBe('NOT_INVITED');
  });

  it.each(NAMES)('refuses cell %s among the attending cells', (cellId) => {
    const state = stateAt('SCHEDULED', ruleset);
    expect(checkRecordMeeting(state, hostSecretary, meetingInput([A, cellId]), RECORD_AT)).toEqual({ code: 'INVALID_CELL', params: { cellId } });
  });

  it.each(NAMES)('takes no critique from the secretary of cell %s', (cellId) => {
    const state = inCritique([A, B], ruleset);
    expect(code(checkSubmitCritique(state, secretary(cellId), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
  });

  it.each(NAMES)('refuses an answer to point %s as unknown', (pointId) => {
    const { state, weakness, suggestion } = inReporting(ruleset);
    expect(checkFileReport(state, hostSecretary, reportInput([weakness, suggestion, pointId]))).toEqual({
      code: 'UNKNOWN_CRITIQUE_POINT',
      params: { pointId, position: 3 },
    });
  });

  it.each(NAMES)('does not take host %s for an invited cell', (cellId) => {
    const { state } = launch({ hostCellId: null, invitedCellIds: [A] }, T0, ruleset);
    expect(checkPickHost(state, staff, { cellId })).toBeNull();
    const record = applyPickHost(state, staff, { cellId }, T0 + HOUR);
    expect(Object.keys(state.invitations)).toEqual([A]);
    expect(record.uninvitedCellIds).toBeUndefined();
  });

  it.each(NAMES)('refuses a score for criterion %s', (criterionId) => {
    const state = inCritique([A, B], ruleset);
    const scores = JSON.parse(`{"${criterionId}": 5}`) as Record<string, number>;
    expect(Object.keys(scores)).toEqual([criterionId]);
    expect(code(checkSubmitCritique(state, secretary(A), { ...CRITIQUE, scores }, CRITIQUE_A_AT))).toBe('INVALID_SCORES');
  });
});

describe('guest ids named like Object.prototype properties', () => {
  it.each(['__proto__', 'constructor', 'toString'])('takes no critique from guest %s who was never invited', (userId) => {
    const state = inCritique([A, B], RULESET_2, { guestIds: [GUEST] });
    expect(code(checkSubmitCritique(state, guest(userId), CRITIQUE, CRITIQUE_A_AT))).toBe('NOT_ATTENDING');
  });
});
