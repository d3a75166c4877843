import { describe, expect, it } from '@jest/globals';
import type { Actor, CycleStage, PinnedRubric } from '../../libs/domain/cycle.js';
import { ERROR_CODES, type Rejection } from '../../libs/domain/error-codes.js';
import {
  applyCancel,
  applyFileReport,
  applyLaunch,
  applyPickHost,
  applyPostPlan,
  applyRecordMeeting,
  applyReschedule,
  applyReview,
  applyRsvp,
  applySubmitCritique,
  applyTimer,
  checkCancel,
  checkFileReport,
  checkPickHost,
  checkPostPlan,
  checkRecordMeeting,
  checkReschedule,
  checkReview,
  checkRsvp,
  checkSubmitCritique,
  createCycleState,
  isOpen,
  meetingQualityFlags,
  missingCritiques,
  nextTimer,
  pendingTimers,
  type CycleState,
  type DueTimer,
} from './model-meeting.state.js';
import type {
  CycleSchedule,
  FileReportInput,
  LaunchCycleInput,
  RecordMeetingInput,
  StepRecord,
  SubmitCritiqueInput,
  TimerKind,
} from './model-meeting.types.js';

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

const SCHEDULE: CycleSchedule = {
  critiqueWindowMs: 3 * DAY,
  reportWindowMs: 7 * DAY,
  rsvpReminderLeadMs: 2 * DAY,
  planDueLeadMs: DAY,
  critiqueReminderLeadMs: DAY,
  reportReminderLeadMs: 2 * DAY,
};

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

const staff: Actor = { userId: 'user-staff', role: 'committee', committeeId: COMMITTEE_ID, cellId: null };
const otherStaff: Actor = { userId: 'user-other-staff', role: 'committee', committeeId: OTHER_COMMITTEE_ID, cellId: null };
const admin: Actor = { userId: 'user-admin', role: 'admin', committeeId: null, cellId: null };
const secretary = (cellId: string): Actor => ({ userId: `user-${cellId}`, role: 'secretary', committeeId: COMMITTEE_ID, cellId });
const hostSecretary = secretary(HOST);

const RUBRIC: PinnedRubric = {
  id: 'rubric-test',
  name: 'Phiếu chấm điểm thử',
  version: 3,
  criteria: [
    { id: 'time', label: 'Thời gian, thời lượng', maxPoints: 10, requiredForTop: true },
    { id: 'content', label: 'Nội dung sinh hoạt', maxPoints: 60 },
    { id: 'minutes', label: 'Biên bản, nghị quyết', maxPoints: 30, requiredForTop: true },
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
  expect(ERROR_CODES[(rejection as Rejection).code]).toBe(403);
}

function launch(overrides: Partial<LaunchCycleInput> = {}, now = T0): { state: CycleState; record: StepRecord } {
  const input = launchInput(overrides);
  const state = createCycleState(input, now);
  const record = applyLaunch(state, input, now);
  return { state, record };
}

function postPlan(state: CycleState, now = PLAN_AT): StepRecord {
  const input = { agenda: ['Khai mạc', 'Thảo luận', 'Biểu quyết nghị quyết'], content: 'Nội dung sinh hoạt tháng 12' };
  expect(checkPostPlan(state, hostSecretary)).toBeNull();
  return applyPostPlan(state, hostSecretary, input, now);
}

function rsvp(state: CycleState, cellId: string, response: 'accept' | 'decline', now = T0 + HOUR): StepRecord {
  const input = { cellId, response, delegate: 'Đồng chí Hoàng Văn Thắng' };
  expect(checkRsvp(state, secretary(cellId), input)).toBeNull();
  return applyRsvp(state, secretary(cellId), input, now);
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
function inCritique(attending: string[] = [A, B]): CycleState {
  const { state } = launch();
  postPlan(state);
  recordMeeting(state, attending);
  return state;
}

const CRITIQUE_A_AT = RECORD_AT + DAY;
const CRITIQUE_B_AT = RECORD_AT + 2 * DAY;

/** Both attending cells critiqued, so the critique closed early at CRITIQUE_B_AT. */
function inReporting() {
  const state = inCritique();
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

function inReview() {
  const reporting = inReporting();
  const input = reportInput([reporting.weakness, reporting.suggestion]);
  expect(checkFileReport(reporting.state, hostSecretary, input)).toBeNull();
  applyFileReport(reporting.state, hostSecretary, input, FILE_AT, counter('item'));
  return reporting;
}

const REVIEW_AT = FILE_AT + DAY;

function stateAt(stage: CycleStage): CycleState {
  switch (stage) {
    case 'HOST_SELECTION':
      return launch({ hostCellId: null }).state;
    case 'PREPARATION':
      return launch().state;
    case 'SCHEDULED': {
      const { state } = launch();
      postPlan(state);
      return state;
    }
    case 'CRITIQUE':
      return inCritique();
    case 'REPORTING':
      return inReporting().state;
    case 'REVIEW':
      return inReview().state;
    case 'CLOSED': {
      const { state } = inReview();
      applyReview(state, staff, { decision: 'accept', rating: 'KHA' }, REVIEW_AT);
      return state;
    }
    case 'CANCELLED': {
      const { state } = launch();
      applyCancel(state, staff, { reason: 'Thiên tai' }, T0 + HOUR);
      return state;
    }
  }
}

function timersOf(state: CycleState): { kind: TimerKind; at: number }[] {
  return pendingTimers(state).map(({ kind, at }) => ({ kind, at }));
}

function timer(state: CycleState, kind: TimerKind): DueTimer {
  const found = pendingTimers(state).find((candidate) => candidate.kind === kind);
  expect(found).toBeDefined();
  return found as DueTimer;
}

// ── launch ───────────────────────────────────────────────────────────────────────────────────────────

describe('launch', () => {
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
    expect(record.cycle).toEqual({ status: 'PREPARATION', hostCellId: HOST });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: INVITED }, reason: 'INVITED' },
        { to: { cellIds: [HOST] }, reason: 'CHOSEN_AS_HOST' },
      ]),
    );
  });

  it('refuses staff of another committee, secretaries and the installation admin', () => {
    const { state } = launch({ hostCellId: null });
    expect(code(checkPickHost(state, otherStaff, { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, secretary(HOST), { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkPickHost(state, admin, { cellId: HOST }))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(state.stage).toBe('HOST_SELECTION');
  });

  it('refuses an invited cell as host', () => {
    const { state } = launch({ hostCellId: null });
    expect(code(checkPickHost(state, staff, { cellId: B }))).toBe('HOST_IS_INVITED');
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
    expect(record.cycle).toEqual({ meetingAt: iso(LATER), planDueAt: iso(LATER - DAY) });
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
});

// ── the meeting ──────────────────────────────────────────────────────────────────────────────────────

describe('recordMeeting', () => {
  function scheduled(): CycleState {
    const { state } = launch();
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
    expect(record.cycle?.meeting).toMatchObject({
      startedAt: MEETING_AT_ISO,
      endedAt: iso(MEETING_AT + 100 * MINUTE),
      durationMinutes: 100,
      attendance: { present: 20, total: 21, absentWithReason: 1, absentWithoutReason: 0 },
      attendingCellIds: [A, B],
      resolution: 'Nghị quyết tháng 12',
      selfScores: { time: 10, content: 55, minutes: 30 },
      selfScoreTotal: 95,
      selfRating: 'TOT',
      qualityFlags: [],
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
      attendance: { present: 19, total: 20, absentWithReason: 0, absentWithoutReason: 0 },
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
    const input = meetingInput([A], { startedAt: iso(MEETING_AT - 2 * HOUR), endedAt: iso(MEETING_AT - 10 * MINUTE) });
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

  it('refuses attendance figures that do not add up', () => {
    const state = scheduled();
    const morePresent = meetingInput([A], { attendance: { present: 22, total: 21 } });
    const moreAbsent = meetingInput([A], { attendance: { present: 19, total: 21, absentWithReason: 2, absentWithoutReason: 1 } });
    const exact = meetingInput([A], { attendance: { present: 18, total: 21, absentWithReason: 2, absentWithoutReason: 1 } });
    expect(code(checkRecordMeeting(state, hostSecretary, morePresent, RECORD_AT))).toBe('INVALID_ATTENDANCE');
    expect(code(checkRecordMeeting(state, hostSecretary, moreAbsent, RECORD_AT))).toBe('INVALID_ATTENDANCE');
    expect(checkRecordMeeting(state, hostSecretary, exact, RECORD_AT)).toBeNull();
  });

  it('refuses attending cells that were not invited, naming the cell', () => {
    const state = scheduled();
    expect(checkRecordMeeting(state, hostSecretary, meetingInput([A, OUTSIDER]), RECORD_AT)).toEqual({
      code: 'INVALID_CELL',
      params: { cellId: OUTSIDER },
    });
    expect(code(checkRecordMeeting(state, hostSecretary, meetingInput([HOST]), RECORD_AT))).toBe('INVALID_CELL');
  });

  it('checks the self scores against the pinned rubric', () => {
    const state = scheduled();
    const check = (selfScores: Record<string, number>) =>
      code(checkRecordMeeting(state, hostSecretary, meetingInput([A], { selfScores }), RECORD_AT));
    expect(check({ time: 11 })).toBe('INVALID_SCORES');
    expect(check({ time: -1 })).toBe('INVALID_SCORES');
    expect(check({ speaking: 5 })).toBe('INVALID_SCORES');
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
});

describe('meetingQualityFlags', () => {
  const input = (minutes: number, present: number, total: number, absentWithoutReason = 0): RecordMeetingInput =>
    meetingInput([A], {
      startedAt: iso(MEETING_AT),
      endedAt: iso(MEETING_AT + minutes * MINUTE),
      attendance: { present, total, absentWithReason: total - present - absentWithoutReason, absentWithoutReason },
    });

  it('finds nothing to flag in a 90-minute regular meeting with 90% attendance and no unexcused absence', () => {
    expect(meetingQualityFlags('regular', input(90, 18, 20))).toEqual([]);
    expect(meetingQualityFlags('regular', input(150, 31, 31))).toEqual([]);
  });

  it('flags a regular meeting shorter than 90 minutes', () => {
    expect(meetingQualityFlags('regular', input(89, 20, 20))).toEqual(['SHORT_MEETING']);
  });

  it('asks 120 minutes of a thematic meeting', () => {
    expect(meetingQualityFlags('thematic', input(119, 20, 20))).toEqual(['SHORT_MEETING']);
    expect(meetingQualityFlags('thematic', input(100, 20, 20))).toEqual(['SHORT_MEETING']);
    expect(meetingQualityFlags('thematic', input(120, 20, 20))).toEqual([]);
  });

  it('flags attendance below 90%', () => {
    expect(meetingQualityFlags('regular', input(95, 17, 20))).toEqual(['LOW_ATTENDANCE']);
    expect(meetingQualityFlags('regular', input(95, 27, 30))).toEqual([]);
    expect(meetingQualityFlags('regular', input(95, 26, 30))).toEqual(['LOW_ATTENDANCE']);
  });

  it('flags any unexcused absence', () => {
    expect(meetingQualityFlags('regular', input(95, 20, 21, 1))).toEqual(['UNEXCUSED_ABSENCE']);
  });

  it('reports every problem together', () => {
    const flags = meetingQualityFlags('thematic', input(60, 10, 20, 3));
    expect([...flags].sort()).toEqual(['LOW_ATTENDANCE', 'SHORT_MEETING', 'UNEXCUSED_ABSENCE']);
  });

  it('is stored on the meeting record', () => {
    const { state } = launch({ kind: 'thematic' });
    postPlan(state);
    const record = recordMeeting(state, [A], RECORD_AT, { endedAt: iso(MEETING_AT + 100 * MINUTE) });
    expect(record.cycle?.meeting?.qualityFlags).toEqual(['SHORT_MEETING']);
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
    expect(second.record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' }]);
  });

  it('does not close early while an attending cell is missing, even if a non-attending one is', () => {
    const state = inCritique([A, B]);
    critique(state, B, CRITIQUE_B_AT, counter());
    expect(state.stage).toBe('CRITIQUE');
    expect(missingCritiques(state)).toEqual([A]);
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
      params: { pointId: 'no-such-point' },
    });
  });

  it('refuses two answers to the same point', () => {
    const { state, weakness, suggestion } = inReporting();
    expect(checkFileReport(state, hostSecretary, reportInput([weakness, suggestion, weakness]))).toEqual({
      code: 'DUPLICATE_RESPONSE',
      params: { pointId: weakness },
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
    expect(state.stage).toBe('REVIEW');
  });

  it('closes the cycle with the committee’s rating, which the host cell’s record takes', () => {
    const { state } = inReview();
    const record = applyReview(state, staff, { decision: 'accept', rating: 'KHA', comment: 'Đạt yêu cầu' }, REVIEW_AT);
    expect(state.stage).toBe('CLOSED');
    expect(isOpen(state)).toBe(false);
    expect(record).toMatchObject({ event: 'CYCLE_CLOSED', actorId: staff.userId });
    expect(record.cycle?.status).toBe('CLOSED');
    expect(record.cycle?.review).toMatchObject({ decision: 'accept', rating: 'KHA', comment: 'Đạt yêu cầu' });
    expect(record.close).toEqual({ hostCellId: HOST, hostedAt: MEETING_AT_ISO, rating: 'KHA' });
    expect(record.notify).toEqual([{ to: { cellIds: INVITED }, reason: 'LESSONS_SHARED' }]);
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
      expect(record.cycle).toEqual({ status: 'CANCELLED', cancelReason: 'Mưa lũ, chia cắt đường' });
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

  it('is for staff of the cycle’s committee only', () => {
    const { state } = launch();
    expect(code(checkCancel(state, hostSecretary))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkCancel(state, otherStaff))).toBe('NOT_COMMITTEE_OF_CYCLE');
    expect(code(checkCancel(state, admin))).toBe('NOT_COMMITTEE_OF_CYCLE');
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
  it('lists the RSVP reminder and the plan deadline in PREPARATION, soonest first', () => {
    const { state } = launch();
    expect(timersOf(state)).toEqual([
      { kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY },
      { kind: 'PLAN_OVERDUE', at: MEETING_AT - DAY },
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
    expect(timersOf(state)).toEqual([{ kind: 'RSVP_REMINDER', at: MEETING_AT - 2 * DAY }]);
    rsvp(state, C, 'accept');
    expect(timersOf(state)).toEqual([]);
    expect(nextTimer(state)).toBeNull();
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
    expect(timersOf(state)).toEqual([{ kind: 'PLAN_OVERDUE', at: MEETING_AT - DAY }]);
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

  it('moves the RSVP reminder and the plan deadline with a reschedule, under new keys', () => {
    const { state } = launch();
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

  it('closes the critique at its deadline and starts the report window from there', () => {
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
    expect(record.notify).toEqual([{ to: { cellIds: [HOST] }, reason: 'REPORT_NEEDED' }]);
    expect(timersOf(state)).toEqual([
      { kind: 'REPORT_REMINDER', at: closeAt + 5 * DAY },
      { kind: 'REPORT_OVERDUE', at: closeAt + 7 * DAY },
    ]);
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

  it('escalates an overdue report to the committee and keeps waiting for it', () => {
    const { state, closedAt, weakness, suggestion } = inReporting();
    applyTimer(state, timer(state, 'REPORT_REMINDER'), closedAt + 5 * DAY);
    const due = timer(state, 'REPORT_OVERDUE');
    expect(due.at).toBe(closedAt + 7 * DAY);
    const record = applyTimer(state, due, due.at);
    expect(record).toMatchObject({ event: 'REPORT_OVERDUE', actorId: null });
    expect(record.notify).toEqual(
      expect.arrayContaining([
        { to: { cellIds: [HOST] }, reason: 'REPORT_OVERDUE' },
        { to: { committee: true }, reason: 'REPORT_OVERDUE_ESCALATION' },
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
    expect(pendingTimers(state)).toEqual([]);
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
});
