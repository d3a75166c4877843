import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../libs/domain/domain-error.js';
import { modelMeetingWorkflowId } from '../libs/temporal/temporal.constants.js';
import { launchInput, meetingRecord } from './support/cycle-input.js';
import { eventually, sleep } from './support/eventually.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { startWorkerStack, type WorkerStack } from './support/test-stack.js';

let stack: WorkerStack;

beforeAll(async () => {
  stack = await startWorkerStack();
});

afterAll(async () => {
  await stack?.stop();
});

async function cycleRow(cycleId: string) {
  const [row] = await stack.dataSource.query(`SELECT * FROM cycles WHERE id = $1`, [cycleId]);
  return row;
}

async function timeline(cycleId: string): Promise<{ seq: number; event: string; actor_id: string | null }[]> {
  return stack.dataSource.query(`SELECT seq, event, actor_id FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`, [cycleId]);
}

async function notifications(cycleId: string, reason: string): Promise<{ user_id: string }[]> {
  return stack.dataSource.query(`SELECT user_id FROM notifications WHERE cycle_id = $1 AND reason = $2`, [cycleId, reason]);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('the step was accepted, a refusal was expected');
}

describe('modelMeeting workflow on a real Temporal server and PostgreSQL', () => {
  let commune: TestCommune;

  beforeAll(async () => {
    commune = await createCommune(stack.dataSource, 5);
  });

  it('carries a cycle from host selection through a revision to CLOSED, recording every step', async () => {
    const input = launchInput(commune, { hostIndex: null, invited: [1, 2, 3, 4], meetingInMs: 2500 });
    const { gateway } = stack;
    const [host, visitorA, visitorB, visitorDeclining, absent] = commune.cells;
    void absent;

    const launched = await gateway.launch(input);
    expect(launched.stage).toBe('HOST_SELECTION');
    expect((await cycleRow(input.cycleId)).status).toBe('HOST_SELECTION');
    expect(await notifications(input.cycleId, 'HOST_SELECTION_NEEDED')).toEqual([{ user_id: commune.staff.userId }]);

    expect(await refusal(gateway.step(input.cycleId, 'pickHost', { actor: host.secretary, input: { cellId: host.id } }))).toBe(
      'NOT_COMMITTEE_OF_CYCLE',
    );
    expect(await refusal(gateway.step(input.cycleId, 'pickHost', { actor: commune.staff, input: { cellId: visitorA.id } }))).toBe(
      'HOST_IS_INVITED',
    );
    await gateway.step(input.cycleId, 'pickHost', { actor: commune.staff, input: { cellId: host.id } });
    expect((await cycleRow(input.cycleId)).host_cell_id).toBe(host.id);
    expect((await notifications(input.cycleId, 'INVITED')).length).toBe(4);
    const [ranked] = await stack.dataSource.query(`SELECT detail FROM cycle_events WHERE cycle_id = $1 AND event = 'HOST_CANDIDATES_RANKED'`, [
      input.cycleId,
    ]);
    if (ranked) expect(ranked.detail.candidates[0]).toMatchObject({ cellId: host.id, reasons: expect.arrayContaining(['Chưa từng tổ chức sinh hoạt chi bộ điểm']) });

    expect(
      await refusal(gateway.step(input.cycleId, 'rsvp', { actor: visitorB.secretary, input: { cellId: visitorA.id, response: 'accept' } })),
    ).toBe('NOT_INVITED');
    await gateway.step(input.cycleId, 'rsvp', {
      actor: visitorA.secretary,
      input: { cellId: visitorA.id, response: 'accept', delegate: 'Đồng chí Sền A Lò' },
    });
    await gateway.step(input.cycleId, 'rsvp', { actor: visitorB.secretary, input: { cellId: visitorB.id, response: 'accept' } });
    await gateway.step(input.cycleId, 'rsvp', {
      actor: visitorDeclining.secretary,
      input: { cellId: visitorDeclining.id, response: 'decline', note: 'Trùng lịch họp thôn' },
    });
    const invitations = await stack.dataSource.query(
      `SELECT cell_id, status, delegate FROM cycle_invitations WHERE cycle_id = $1 ORDER BY cell_id`,
      [input.cycleId],
    );
    expect(invitations.find((row: { cell_id: string }) => row.cell_id === visitorA.id)).toMatchObject({
      status: 'ACCEPTED',
      delegate: 'Đồng chí Sền A Lò',
    });
    expect(invitations.find((row: { cell_id: string }) => row.cell_id === visitorDeclining.id).status).toBe('DECLINED');

    expect(
      await refusal(
        gateway.step(input.cycleId, 'recordMeeting', { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) }),
      ),
    ).toBe('WRONG_STAGE');
    await gateway.step(input.cycleId, 'postPlan', {
      actor: host.secretary,
      input: { agenda: ['Khai mạc', 'Đánh giá kết quả tháng', 'Thảo luận'], content: 'Nội dung chuyên đề' },
    });
    expect((await cycleRow(input.cycleId)).status).toBe('SCHEDULED');
    const early = await refusal(
      gateway.step(input.cycleId, 'recordMeeting', { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) }),
    );
    if (Date.now() < Date.parse(input.meetingAt)) expect(early).toBe('MEETING_NOT_YET');

    await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
    await gateway.step(input.cycleId, 'recordMeeting', { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) });
    const afterMeeting = await cycleRow(input.cycleId);
    expect(afterMeeting.status).toBe('CRITIQUE');
    expect(afterMeeting.critique_closes_at).not.toBeNull();

    expect(
      await refusal(
        gateway.step(input.cycleId, 'submitCritique', {
          actor: visitorDeclining.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Tốt' }] },
        }),
      ),
    ).toBe('NOT_ATTENDING');
    const critiqueA = await gateway.step(input.cycleId, 'submitCritique', {
      actor: visitorA.secretary,
      input: {
        points: [
          { stage: 'preparation', kind: 'strength', text: 'Chuẩn bị tài liệu chu đáo' },
          { stage: 'chairing', kind: 'weakness', text: 'Điều hành còn dài' },
        ],
        scores: { time: 5, attendance: 5, preparation: 9 },
      },
    });
    expect(critiqueA.pointIds).toHaveLength(2);
    expect(
      await refusal(
        gateway.step(input.cycleId, 'submitCritique', {
          actor: visitorA.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Lần hai' }] },
        }),
      ),
    ).toBe('ALREADY_DONE');
    const critiqueB = await gateway.step(input.cycleId, 'submitCritique', {
      actor: visitorB.secretary,
      input: { points: [{ stage: 'minutes', kind: 'suggestion', text: 'Biên bản nên ghi rõ ý kiến từng đảng viên' }] },
    });
    expect(critiqueB.stage).toBe('REPORTING');
    expect((await cycleRow(input.cycleId)).report_due_at).not.toBeNull();

    const [strengthId, weaknessId] = critiqueA.pointIds!;
    const [suggestionId] = critiqueB.pointIds!;
    expect(
      await refusal(
        gateway.step(input.cycleId, 'fileReport', {
          actor: host.secretary,
          input: { responses: [{ pointId: weaknessId, stance: 'accept', text: 'Tiếp thu' }], lessons: ['Rút gọn phần mở đầu'], actionItems: [] },
        }),
      ),
    ).toBe('MISSING_RESPONSES');
    expect(
      await refusal(
        gateway.step(input.cycleId, 'fileReport', {
          actor: host.secretary,
          input: {
            responses: [
              { pointId: weaknessId, stance: 'accept', text: 'Tiếp thu' },
              { pointId: suggestionId, stance: 'partly', text: 'Tiếp thu một phần' },
              { pointId: '00000000-0000-4000-8000-000000000000', stance: 'disagree', text: '?' },
            ],
            lessons: [],
            actionItems: [],
          },
        }),
      ),
    ).toBe('UNKNOWN_CRITIQUE_POINT');

    const report = {
      responses: [
        { pointId: weaknessId, stance: 'accept' as const, text: 'Tiếp thu, sẽ rút gọn phần điều hành' },
        { pointId: suggestionId, stance: 'partly' as const, text: 'Ghi ý kiến chính của từng đảng viên' },
        { pointId: strengthId, stance: 'accept' as const, text: 'Cảm ơn' },
      ],
      lessons: ['Chuẩn bị kỹ nội dung chuyên đề'],
      actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate: '2026-12-31' }],
    };
    await gateway.step(input.cycleId, 'fileReport', { actor: host.secretary, input: report });
    expect((await cycleRow(input.cycleId)).status).toBe('REVIEW');
    expect(await refusal(gateway.step(input.cycleId, 'review', { actor: commune.staff, input: { decision: 'accept' } }))).toBe(
      'RATING_REQUIRED',
    );
    await gateway.step(input.cycleId, 'review', { actor: commune.staff, input: { decision: 'revise', comment: 'Bổ sung bài học' } });
    expect((await cycleRow(input.cycleId)).status).toBe('REPORTING');
    await gateway.step(input.cycleId, 'fileReport', {
      actor: host.secretary,
      input: { ...report, lessons: [...report.lessons, 'Phân công nhiệm vụ cụ thể cho từng đảng viên'] },
    });
    const closed = await gateway.step(input.cycleId, 'review', { actor: commune.staff, input: { decision: 'accept', rating: 'KHA' } });
    expect(closed.stage).toBe('CLOSED');

    const finalRow = await cycleRow(input.cycleId);
    expect(finalRow.status).toBe('CLOSED');
    expect(finalRow.report.revision).toBe(1);
    expect(finalRow.report.lessons).toHaveLength(2);
    const [hostCell] = await stack.dataSource.query(`SELECT last_hosted_at, last_rating FROM cells WHERE id = $1`, [host.id]);
    expect(hostCell.last_rating).toBe('KHA');
    expect(new Date(hostCell.last_hosted_at).toISOString()).toBe(input.meetingAt);
    expect((await notifications(input.cycleId, 'LESSONS_SHARED')).map((row) => row.user_id).sort()).toEqual(
      [visitorA, visitorB, visitorDeclining, commune.cells[4]].map((cell) => cell.secretary.userId).sort(),
    );
    const items = await stack.dataSource.query(`SELECT title, done_at FROM action_items WHERE cycle_id = $1`, [input.cycleId]);
    expect(items).toEqual([{ title: 'Hoàn thiện mẫu biên bản', done_at: null }]);

    const events = await timeline(input.cycleId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    // The ranking activity's suggestion lands before the pick unless the committee was quicker.
    expect(events.map((event) => event.event).filter((event) => event !== 'HOST_CANDIDATES_RANKED')).toEqual([
      'CYCLE_LAUNCHED',
      'HOST_SELECTED',
      'RSVP_ACCEPTED',
      'RSVP_ACCEPTED',
      'RSVP_DECLINED',
      'PLAN_POSTED',
      'MEETING_RECORDED',
      'CRITIQUE_SUBMITTED',
      'CRITIQUE_SUBMITTED',
      'REPORT_FILED',
      'REVISION_REQUESTED',
      'REPORT_FILED',
      'CYCLE_CLOSED',
    ]);
    const result = await stack.client.workflow.getHandle(modelMeetingWorkflowId(input.cycleId)).result();
    expect(result).toEqual({ stage: 'CLOSED' });
    expect(await refusal(gateway.step(input.cycleId, 'cancel', { actor: commune.staff, input: { reason: 'muộn' } }))).toBe('WRONG_STAGE');
  });

  it('closes the critique window on its timer, reminding exactly the missing cells, then escalates a late report', async () => {
    const input = launchInput(commune, {
      invited: [1, 2, 3],
      meetingInMs: 800,
      schedule: { critiqueWindowMs: 4000, critiqueReminderLeadMs: 2000, reportWindowMs: 3000, reportReminderLeadMs: 1500 },
    });
    const { gateway } = stack;
    const [host, submitting, missing, notAttending] = commune.cells;
    void notAttending;
    await gateway.launch(input);
    await gateway.step(input.cycleId, 'postPlan', { actor: host.secretary, input: { agenda: ['Nội dung'], content: 'Kế hoạch' } });
    await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
    await gateway.step(input.cycleId, 'recordMeeting', { actor: host.secretary, input: meetingRecord([submitting.id, missing.id]) });
    await gateway.step(input.cycleId, 'submitCritique', {
      actor: submitting.secretary,
      input: { points: [{ stage: 'content', kind: 'weakness', text: 'Nội dung chưa sát thực tế' }] },
    });

    const reminded = await eventually(async () => {
      const rows = await notifications(input.cycleId, 'CRITIQUE_REMINDER');
      return rows.length > 0 ? rows : null;
    });
    expect(reminded).toEqual([{ user_id: missing.secretary.userId }]);

    await eventually(async () => (await cycleRow(input.cycleId)).status === 'REPORTING');
    expect(
      await refusal(
        gateway.step(input.cycleId, 'submitCritique', {
          actor: missing.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Muộn' }] },
        }),
      ),
    ).toBe('DEADLINE_PASSED');

    await eventually(async () => (await notifications(input.cycleId, 'REPORT_OVERDUE_ESCALATION')).length === 1);
    expect(await notifications(input.cycleId, 'REPORT_REMINDER')).toEqual([{ user_id: host.secretary.userId }]);
    expect((await cycleRow(input.cycleId)).status).toBe('REPORTING');
    const events = (await timeline(input.cycleId)).map((event) => event.event);
    expect(events.slice(-4)).toEqual(['CRITIQUE_REMINDER_SENT', 'CRITIQUE_CLOSED', 'REPORT_REMINDER_SENT', 'REPORT_OVERDUE']);
  });

  it('moves the RSVP reminder when the meeting is rescheduled', async () => {
    const input = launchInput(commune, { invited: [1, 2], meetingInMs: 8000, schedule: { rsvpReminderLeadMs: 6000 } });
    const { gateway } = stack;
    const [host, answered, silent] = commune.cells;
    await gateway.launch(input);
    await gateway.step(input.cycleId, 'rsvp', { actor: answered.secretary, input: { cellId: answered.id, response: 'accept' } });
    const movedTo = new Date(Date.now() + 16000).toISOString();
    expect(
      await refusal(
        gateway.step(input.cycleId, 'reschedule', {
          actor: commune.cells[3].secretary,
          input: { meetingAt: movedTo, reason: 'Trùng lịch' },
        }),
      ),
    ).toBe('NOT_HOST_SECRETARY');
    await gateway.step(input.cycleId, 'reschedule', { actor: host.secretary, input: { meetingAt: movedTo, reason: 'Trùng lịch thu hoạch' } });
    expect(new Date((await cycleRow(input.cycleId)).meeting_at).toISOString()).toBe(movedTo);

    await sleep(5000);
    expect(await notifications(input.cycleId, 'RSVP_REMINDER')).toEqual([]);
    const reminded = await eventually(async () => {
      const rows = await notifications(input.cycleId, 'RSVP_REMINDER');
      return rows.length > 0 ? rows : null;
    }, 15000);
    expect(reminded).toEqual([{ user_id: silent.secretary.userId }]);

    await gateway.step(input.cycleId, 'cancel', { actor: commune.staff, input: { reason: 'Thời tiết xấu' } });
    expect((await cycleRow(input.cycleId)).status).toBe('CANCELLED');
    expect((await notifications(input.cycleId, 'CANCELLED')).length).toBe(3);
  });
});
