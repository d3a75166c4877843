import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../libs/domain/cycle.js';
import { DEFAULT_RUBRIC } from '../../libs/domain/default-rubric.js';
import {
  applyClaimAttendance,
  applyPostPlan,
  applyRecordMeeting,
  applyRsvp,
  applySubmitCritique,
  checkClaimAttendance,
  checkRecordMeeting,
  createCycleState,
  type CycleState,
} from './model-meeting.state.js';
import type { LaunchCycleInput, RecordMeetingInput } from './model-meeting.contract.js';

/** Ruleset 3: who attended is checked against the cells' own answers, and a cell left out can say it came. */
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const T0 = Date.parse('2026-12-01T08:00:00+07:00');
const MEETING_AT = T0 + 10 * DAY;
const COMMITTEE = 'committee';
const [HOST, A, B, C] = ['cell-host', 'cell-a', 'cell-b', 'cell-c'];
const secretary = (cellId: string): Actor => ({ userId: `user-${cellId}`, role: 'secretary', committeeId: COMMITTEE, cellId });

function cycle(ruleset = 3): CycleState {
  const input: LaunchCycleInput = {
    cycleId: 'cycle',
    committeeId: COMMITTEE,
    title: 'Sinh hoạt chi bộ điểm',
    topic: 'Chuyên đề',
    kind: 'regular',
    hostCellId: HOST,
    invitedCellIds: [A, B, C],
    meetingAt: new Date(MEETING_AT).toISOString(),
    location: 'Nhà văn hóa',
    rubric: DEFAULT_RUBRIC,
    critiqueWindow: 'P3D',
    reportWindow: 'P7D',
    schedule: { critiqueWindowMs: 3 * DAY, reportWindowMs: 7 * DAY, rsvpReminderLeadMs: 2 * DAY, planDueLeadMs: DAY, critiqueReminderLeadMs: DAY, reportReminderLeadMs: DAY },
    launchedBy: 'user-staff',
  };
  const state = createCycleState(input, T0, ruleset);
  applyRsvp(state, secretary(A), { cellId: A, response: 'accept' }, T0 + MINUTE);
  applyRsvp(state, secretary(B), { cellId: B, response: 'accept' }, T0 + MINUTE);
  applyRsvp(state, secretary(C), { cellId: C, response: 'decline', note: 'Trùng lịch' }, T0 + MINUTE);
  applyPostPlan(state, secretary(HOST), { agenda: ['Khai mạc'], content: 'Kế hoạch' }, T0 + DAY);
  return state;
}

const meeting = (attendingCellIds: string[]): RecordMeetingInput => ({
  startedAt: new Date(MEETING_AT).toISOString(),
  endedAt: new Date(MEETING_AT + 95 * MINUTE).toISOString(),
  attendance: { present: 20, total: 21, absentWithReason: 1 },
  attendingCellIds,
  minutes: 'Biên bản',
});
const RECORD_AT = MEETING_AT + 2 * 60 * MINUTE;

describe('ruleset 3: attendance comes from the cells', () => {
  it('refuses recording as attending a cell that declined (or never answered)', () => {
    const state = cycle();
    expect(checkRecordMeeting(state, secretary(HOST), meeting([A, C]), RECORD_AT)).toEqual({ code: 'ATTENDING_NOT_ACCEPTED', params: { cellId: C } });
    expect(checkRecordMeeting(state, secretary(HOST), meeting([A, B]), RECORD_AT)).toBeNull();
  });

  it('keeps the window open when the host records nobody although cells accepted, and tells those cells', () => {
    const state = cycle();
    const record = applyRecordMeeting(state, secretary(HOST), meeting([]), RECORD_AT);
    expect(state.stage).toBe('CRITIQUE');
    expect(record.notify).toEqual([{ to: { cellIds: [A, B] }, reason: 'ATTENDANCE_NOT_RECORDED' }]);
  });

  it('lets a cell that accepted and was left out say it attended, once, in the window; then it critiques', () => {
    const state = cycle();
    applyRecordMeeting(state, secretary(HOST), meeting([A]), RECORD_AT);
    expect(checkClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + MINUTE)).toBeNull();
    expect(checkClaimAttendance(state, secretary(C), { cellId: C }, RECORD_AT + MINUTE)).toEqual({ code: 'ATTENDING_NOT_ACCEPTED', params: { cellId: C } });
    expect(checkClaimAttendance(state, secretary(A), { cellId: B }, RECORD_AT + MINUTE)).toEqual({ code: 'NOT_INVITED' });
    const record = applyClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + MINUTE);
    expect(record.invitations).toEqual([{ cellId: B, attended: true }]);
    expect(record.notify?.map((notice) => notice.reason)).toEqual(['ATTENDANCE_CLAIMED', 'ATTENDANCE_CLAIMED', 'CRITIQUE_OPEN']);
    expect(checkClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + 2 * MINUTE)).toEqual({ code: 'ALREADY_DONE' });
    // The window closes early only once every attending cell, the one that said it came included, has critiqued.
    const critique = { points: [{ stage: 'content' as const, kind: 'weakness' as const, text: 'Nội dung chưa sát' }] };
    let id = 0;
    applySubmitCritique(state, secretary(A), critique, RECORD_AT + 3 * MINUTE, () => `id-${++id}`);
    expect(state.stage).toBe('CRITIQUE');
    applySubmitCritique(state, secretary(B), critique, RECORD_AT + 4 * MINUTE, () => `id-${++id}`);
    expect(state.stage).toBe('REPORTING');
  });

  it('keeps the window open after every recorded cell has critiqued while a cell that accepted may still say it came', () => {
    const state = cycle();
    applyRecordMeeting(state, secretary(HOST), meeting([A]), RECORD_AT);
    const critique = { points: [{ stage: 'content' as const, kind: 'weakness' as const, text: 'Nội dung chưa sát' }] };
    applySubmitCritique(state, secretary(A), critique, RECORD_AT + MINUTE, () => 'id-a');
    expect(state.stage).toBe('CRITIQUE');
    expect(checkClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + 2 * MINUTE)).toBeNull();
  });

  it('refuses a claim after the window', () => {
    const state = cycle();
    applyRecordMeeting(state, secretary(HOST), meeting([A]), RECORD_AT);
    expect(checkClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + 3 * DAY)).toEqual({ code: 'DEADLINE_PASSED' });
  });

  it('leaves rulesets 1 and 2 as they were: any invited cell may be recorded, none may claim', () => {
    for (const ruleset of [1, 2]) {
      const state = cycle(ruleset);
      expect(checkRecordMeeting(state, secretary(HOST), meeting([A, C]), RECORD_AT)).toBeNull();
      applyRecordMeeting(state, secretary(HOST), meeting([]), RECORD_AT);
      expect(state.stage).toBe('REPORTING');
      expect(checkClaimAttendance(state, secretary(B), { cellId: B }, RECORD_AT + MINUTE)).toEqual({ code: 'WRONG_STAGE', params: { stage: 'REPORTING' } });
    }
  });
});
