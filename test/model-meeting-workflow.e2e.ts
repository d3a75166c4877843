import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '../libs/domain/domain-error.js';
import { cancelUpdate, fileReportUpdate, modelMeetingWorkflowId, pickHostUpdate, postPlanUpdate, recordMeetingUpdate, rescheduleUpdate, reviewUpdate, rsvpUpdate, submitCritiqueUpdate } from '../workflows/model-meeting/model-meeting.contract.js';
import { acceptInvitations, launchInput, meetingRecord } from './support/cycle-input.js';
import { eventually, sleep } from './support/eventually.js';
import { createCommune } from './support/organisation.fixture.js';
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

async function critiqueRow(cycleId: string, cellId: string): Promise<{ submitted_at: Date }> {
  const [row] = await stack.dataSource.query(`SELECT submitted_at FROM critiques WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, cellId]);
  return row;
}

async function invitationStatus(cycleId: string, cellId: string): Promise<string | undefined> {
  const [row] = await stack.dataSource.query(`SELECT status FROM cycle_invitations WHERE cycle_id = $1 AND cell_id = $2`, [cycleId, cellId]);
  return row?.status;
}

const DAY = 86_400_000;

/** A calendar day in Vietnam (UTC+7), `days` from today: action items are due on days after the meeting. */
function vietnamDayFromNow(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
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
  // Each test has a commune of its own: a cell never hosts two open cycles (HOST_BUSY), and a cycle left
  // open by one test must not change the next one's host or ranking.

  it('carries a cycle from host selection through a revision to CLOSED, recording every step', async () => {
    const commune = await createCommune(stack.dataSource, 5);
    const [host, visitorA, visitorB, visitorDeclining, absent] = commune.cells;
    // Ranking rule (libs/domain/host-ranking.ts): every cell never hosted scores 100, plus up to 3 points for
    // size (min(members, 100) / 100 × 3). Sizes chosen so the expected order (by size: 101.8, 101.5, 101.2,
    // 100.9, 100.6) is not the order of the cells' names, which breaks ties.
    const sizes = [
      [host, 60],
      [absent, 50],
      [visitorDeclining, 40],
      [visitorB, 30],
      [visitorA, 20],
    ] as const;
    for (const [cell, members] of sizes) await stack.dataSource.query(`UPDATE cells SET member_count = $2 WHERE id = $1`, [cell.id, members]);
    // The meeting is far enough ahead that "too early" is certain when it is tried, and every due time before
    // it (host pick, plan) is later than the steps that meet it, so no timer fires in between.
    const input = launchInput(commune, {
      hostIndex: null,
      invited: [1, 2, 3, 4],
      meetingInMs: 8000,
      schedule: { planDueLeadMs: 1000, hostPickLeadMs: 1000 },
    });
    const { gateway } = stack;

    const launched = await gateway.launch(input);
    expect(launched.stage).toBe('HOST_SELECTION');
    expect((await cycleRow(input.cycleId)).status).toBe('HOST_SELECTION');
    expect(await notifications(input.cycleId, 'HOST_SELECTION_NEEDED')).toEqual([{ user_id: commune.staff.userId }]);

    // The ranking activity puts its suggestion on the timeline while the committee has not picked yet.
    const ranked = await eventually(async () => {
      const [row] = await stack.dataSource.query(`SELECT detail FROM cycle_events WHERE cycle_id = $1 AND event = 'HOST_CANDIDATES_RANKED'`, [
        input.cycleId,
      ]);
      if (!row) throw new Error('no HOST_CANDIDATES_RANKED on the timeline yet');
      return row as { detail: { candidates: { cellId: string; score: number; reasons: string[] }[] } };
    });
    const candidates = ranked.detail.candidates;
    expect(candidates[0]).toMatchObject({ cellId: host.id, reasons: expect.arrayContaining(['Chưa từng làm chi bộ điểm']) });
    // Ruleset 2: the invited cells are candidates too, best first.
    expect(candidates.map((candidate) => candidate.cellId)).toEqual(sizes.map(([cell]) => cell.id));
    for (let index = 1; index < candidates.length; index += 1) expect(candidates[index].score).toBeLessThanOrEqual(candidates[index - 1].score);

    expect(await refusal(gateway.step(input.cycleId, pickHostUpdate, { actor: host.secretary, input: { cellId: host.id } }))).toBe(
      'NOT_COMMITTEE_OF_CYCLE',
    );
    await gateway.step(input.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: host.id } });
    expect((await cycleRow(input.cycleId)).host_cell_id).toBe(host.id);
    expect((await notifications(input.cycleId, 'INVITED')).length).toBe(4);
    expect(await refusal(gateway.step(input.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: visitorA.id } }))).toBe('ALREADY_DONE');

    expect(
      await refusal(gateway.step(input.cycleId, rsvpUpdate, { actor: visitorB.secretary, input: { cellId: visitorA.id, response: 'accept' } })),
    ).toBe('NOT_INVITED');
    await gateway.step(input.cycleId, rsvpUpdate, {
      actor: visitorA.secretary,
      input: { cellId: visitorA.id, response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' },
    });
    await gateway.step(input.cycleId, rsvpUpdate, { actor: visitorB.secretary, input: { cellId: visitorB.id, response: 'accept' } });
    await gateway.step(input.cycleId, rsvpUpdate, {
      actor: visitorDeclining.secretary,
      input: { cellId: visitorDeclining.id, response: 'decline', note: 'Trùng lịch họp thôn' },
    });
    const invitations = await stack.dataSource.query(
      `SELECT cell_id, status, delegate FROM cycle_invitations WHERE cycle_id = $1 ORDER BY cell_id`,
      [input.cycleId],
    );
    expect(invitations.find((row: { cell_id: string }) => row.cell_id === visitorA.id)).toMatchObject({
      status: 'ACCEPTED',
      delegate: 'Đồng chí Thào Seo Lềnh',
    });
    expect(invitations.find((row: { cell_id: string }) => row.cell_id === visitorDeclining.id).status).toBe('DECLINED');

    expect(
      await refusal(
        gateway.step(input.cycleId, recordMeetingUpdate, { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) }),
      ),
    ).toBe('WRONG_STAGE');
    await gateway.step(input.cycleId, postPlanUpdate, {
      actor: host.secretary,
      input: { agenda: ['Khai mạc', 'Đánh giá kết quả tháng', 'Thảo luận'], content: 'Nội dung chuyên đề' },
    });
    expect((await cycleRow(input.cycleId)).status).toBe('SCHEDULED');
    // Not a guard that skips the check: if this machine was so slow that the meeting time is near, the test fails here.
    expect(Date.parse(input.meetingAt) - Date.now()).toBeGreaterThan(1000);
    expect(
      await refusal(gateway.step(input.cycleId, recordMeetingUpdate, { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) })),
    ).toBe('MEETING_NOT_YET');

    await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
    await gateway.step(input.cycleId, recordMeetingUpdate, { actor: host.secretary, input: meetingRecord([visitorA.id, visitorB.id]) });
    const afterMeeting = await cycleRow(input.cycleId);
    expect(afterMeeting.status).toBe('CRITIQUE');
    // The critique window (60 s in launchInput) counts from when the meeting was recorded.
    expect(new Date(afterMeeting.critique_closes_at).getTime()).toBe(Date.parse(afterMeeting.meeting.recordedAt) + input.schedule.critiqueWindowMs);

    expect(
      await refusal(
        gateway.step(input.cycleId, submitCritiqueUpdate, {
          actor: visitorDeclining.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Tốt' }] },
        }),
      ),
    ).toBe('NOT_ATTENDING');
    const critiqueA = await gateway.step(input.cycleId, submitCritiqueUpdate, {
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
        gateway.step(input.cycleId, submitCritiqueUpdate, {
          actor: visitorA.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Lần hai' }] },
        }),
      ),
    ).toBe('ALREADY_DONE');
    const critiqueB = await gateway.step(input.cycleId, submitCritiqueUpdate, {
      actor: visitorB.secretary,
      input: { points: [{ stage: 'minutes', kind: 'suggestion', text: 'Biên bản nên ghi rõ ý kiến từng đảng viên' }] },
    });
    expect(critiqueB.stage).toBe('REPORTING');
    // All attending cells are in: critique closed with the last one, and the report window counts from then.
    const lastCritique = await critiqueRow(input.cycleId, visitorB.id);
    expect(new Date((await cycleRow(input.cycleId)).report_due_at).getTime()).toBe(
      new Date(lastCritique.submitted_at).getTime() + input.schedule.reportWindowMs,
    );

    const [strengthId, weaknessId] = critiqueA.pointIds!;
    const [suggestionId] = critiqueB.pointIds!;
    const dueDate = vietnamDayFromNow(30);
    expect(
      await refusal(
        gateway.step(input.cycleId, fileReportUpdate, {
          actor: host.secretary,
          input: { responses: [{ pointId: weaknessId, stance: 'accept', text: 'Tiếp thu' }], lessons: ['Rút gọn phần mở đầu'], actionItems: [] },
        }),
      ),
    ).toBe('MISSING_RESPONSES');
    expect(
      await refusal(
        gateway.step(input.cycleId, fileReportUpdate, {
          actor: host.secretary,
          input: {
            responses: [
              { pointId: weaknessId, stance: 'accept', text: 'Tiếp thu' },
              { pointId: suggestionId, stance: 'partly', text: 'Tiếp thu một phần' },
              { pointId: '00000000-0000-4000-8000-000000000000', stance: 'disagree', text: '?' },
            ],
            lessons: ['Rút gọn phần mở đầu'],
            actionItems: [],
          },
        }),
      ),
    ).toBe('UNKNOWN_CRITIQUE_POINT');
    // Ruleset 2: a report without a lesson is not well formed (the API answers 400 before it gets here).
    expect(
      await refusal(
        gateway.step(input.cycleId, fileReportUpdate, {
          actor: host.secretary,
          input: {
            responses: [
              { pointId: weaknessId, stance: 'accept', text: 'Tiếp thu' },
              { pointId: suggestionId, stance: 'partly', text: 'Tiếp thu một phần' },
            ],
            lessons: [],
            actionItems: [],
          },
        }),
      ),
    ).toBe('MALFORMED_STEP');

    const report = {
      responses: [
        { pointId: weaknessId, stance: 'accept' as const, text: 'Tiếp thu, sẽ rút gọn phần điều hành' },
        { pointId: suggestionId, stance: 'partly' as const, text: 'Ghi ý kiến chính của từng đảng viên' },
        { pointId: strengthId, stance: 'accept' as const, text: 'Cảm ơn' },
      ],
      lessons: ['Chuẩn bị kỹ nội dung chuyên đề'],
      actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Đồng chí Bí thư', dueDate }],
    };
    await gateway.step(input.cycleId, fileReportUpdate, { actor: host.secretary, input: report });
    expect((await cycleRow(input.cycleId)).status).toBe('REVIEW');
    expect(await refusal(gateway.step(input.cycleId, reviewUpdate, { actor: commune.staff, input: { decision: 'accept' } }))).toBe(
      'RATING_REQUIRED',
    );
    await gateway.step(input.cycleId, reviewUpdate, { actor: commune.staff, input: { decision: 'revise', comment: 'Bổ sung bài học' } });
    expect((await cycleRow(input.cycleId)).status).toBe('REPORTING');
    await gateway.step(input.cycleId, fileReportUpdate, {
      actor: host.secretary,
      input: { ...report, lessons: [...report.lessons, 'Phân công nhiệm vụ cụ thể cho từng đảng viên'] },
    });
    const closed = await gateway.step(input.cycleId, reviewUpdate, { actor: commune.staff, input: { decision: 'accept', rating: 'KHA' } });
    expect(closed.stage).toBe('CLOSED');

    const finalRow = await cycleRow(input.cycleId);
    expect(finalRow.status).toBe('CLOSED');
    expect(finalRow.report.revision).toBe(1);
    expect(finalRow.report.lessons).toHaveLength(2);
    const [hostCell] = await stack.dataSource.query(`SELECT last_hosted_at, last_rating FROM cells WHERE id = $1`, [host.id]);
    expect(hostCell.last_rating).toBe('KHA');
    expect(new Date(hostCell.last_hosted_at).toISOString()).toBe(input.meetingAt);
    expect((await notifications(input.cycleId, 'LESSONS_SHARED')).map((row) => row.user_id).sort()).toEqual(
      [visitorA, visitorB, visitorDeclining, absent].map((cell) => cell.secretary.userId).sort(),
    );
    const items = await stack.dataSource.query(`SELECT title, due_date::text AS due_date, done_at FROM action_items WHERE cycle_id = $1`, [input.cycleId]);
    expect(items).toEqual([{ title: 'Hoàn thiện mẫu biên bản', due_date: dueDate, done_at: null }]);

    const events = await timeline(input.cycleId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    // The ranking was awaited before the pick, and no due time passed before the step that met it: the timeline is exact.
    expect(events.map((event) => event.event)).toEqual([
      'CYCLE_LAUNCHED',
      'HOST_CANDIDATES_RANKED',
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
    expect(await refusal(gateway.step(input.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'muộn' } }))).toBe('WRONG_STAGE');
  });

  it('lets the committee pick an invited cell as host (it leaves the invitation list), but not the only one, and never a busy host', async () => {
    const commune = await createCommune(stack.dataSource, 4);
    const { gateway } = stack;
    const [, first, second, third] = commune.cells;

    const onlyOne = launchInput(commune, { hostIndex: null, invited: [1], meetingInMs: 7 * DAY });
    await gateway.launch(onlyOne);
    expect(await refusal(gateway.step(onlyOne.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: first.id } }))).toBe('NO_INVITEES_LEFT');
    expect((await cycleRow(onlyOne.cycleId)).status).toBe('HOST_SELECTION');
    await gateway.step(onlyOne.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'Chỉ mời một chi bộ' } });
    // A cancelled cycle refuses every step as not fitting its stage.
    expect(await refusal(gateway.step(onlyOne.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: commune.cells[0].id } }))).toBe(
      'WRONG_STAGE',
    );

    const input = launchInput(commune, { hostIndex: null, invited: [1, 2, 3], meetingInMs: 7 * DAY });
    await gateway.launch(input);
    const picked = await gateway.step(input.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: first.id } });
    expect(picked.stage).toBe('PREPARATION');
    expect((await cycleRow(input.cycleId)).host_cell_id).toBe(first.id);
    const invited = await stack.dataSource.query(`SELECT cell_id FROM cycle_invitations WHERE cycle_id = $1`, [input.cycleId]);
    expect(invited.map((row: { cell_id: string }) => row.cell_id).sort()).toEqual([second.id, third.id].sort());
    expect((await notifications(input.cycleId, 'INVITED')).map((row) => row.user_id).sort()).toEqual(
      [second.secretary.userId, third.secretary.userId].sort(),
    );
    expect(await notifications(input.cycleId, 'CHOSEN_AS_HOST')).toEqual([{ user_id: first.secretary.userId }]);

    // The picked cell now hosts an open cycle: a second one with the same host is refused by the database's rule.
    const busy = launchInput(commune, { hostIndex: 1, invited: [2], meetingInMs: 8 * DAY });
    expect(await refusal(gateway.launch(busy))).toBe('HOST_BUSY');
    expect(await cycleRow(busy.cycleId)).toBeUndefined();
    await gateway.step(input.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'Đổi kế hoạch' } });
    const free = launchInput(commune, { hostIndex: 1, invited: [2], meetingInMs: 8 * DAY });
    expect((await gateway.launch(free)).stage).toBe('PREPARATION');
    await gateway.step(free.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'Kết thúc kiểm tra' } });
  });

  it('closes the critique window on its timer, reminding exactly the missing cells, then escalates a late report', async () => {
    const commune = await createCommune(stack.dataSource, 4);
    const input = launchInput(commune, {
      invited: [1, 2, 3],
      meetingInMs: 2000,
      schedule: { critiqueWindowMs: 4000, critiqueReminderLeadMs: 2000, reportWindowMs: 3000, reportReminderLeadMs: 1500 },
    });
    const { gateway } = stack;
    const [host, submitting, missing, notAttending] = commune.cells;
    void notAttending;
    await gateway.launch(input);
    await gateway.step(input.cycleId, postPlanUpdate, { actor: host.secretary, input: { agenda: ['Nội dung'], content: 'Kế hoạch' } });
    await acceptInvitations(gateway, input.cycleId, [submitting, missing]);
    await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
    await gateway.step(input.cycleId, recordMeetingUpdate, { actor: host.secretary, input: meetingRecord([submitting.id, missing.id]) });
    await gateway.step(input.cycleId, submitCritiqueUpdate, {
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
        gateway.step(input.cycleId, submitCritiqueUpdate, {
          actor: missing.secretary,
          input: { points: [{ stage: 'content', kind: 'strength', text: 'Muộn' }] },
        }),
      ),
    ).toBe('DEADLINE_PASSED');
    // Closed by its timer: the report is due one report window after the critique window's end.
    const closedRow = await cycleRow(input.cycleId);
    expect(new Date(closedRow.report_due_at).getTime()).toBe(new Date(closedRow.critique_closes_at).getTime() + input.schedule.reportWindowMs);
    // Ruleset 2: the committee is told which cells did not send their critique.
    expect(await notifications(input.cycleId, 'CRITIQUES_MISSING')).toEqual([{ user_id: commune.staff.userId }]);

    await eventually(async () => (await notifications(input.cycleId, 'REPORT_OVERDUE_ESCALATION')).length === 1);
    expect(await notifications(input.cycleId, 'REPORT_REMINDER')).toEqual([{ user_id: host.secretary.userId }]);
    expect((await cycleRow(input.cycleId)).status).toBe('REPORTING');
    const events = (await timeline(input.cycleId)).map((event) => event.event);
    expect(events.slice(-4)).toEqual(['CRITIQUE_REMINDER_SENT', 'CRITIQUE_CLOSED', 'REPORT_REMINDER_SENT', 'REPORT_OVERDUE']);

    // The cycle is still open (REPORTING): its host cannot host another one.
    expect(await refusal(gateway.launch(launchInput(commune, { hostIndex: 0, invited: [1], meetingInMs: 7 * DAY })))).toBe('HOST_BUSY');
  });

  it('moves the RSVP reminder when the meeting is rescheduled, and asks the cells that had accepted to confirm again', async () => {
    const commune = await createCommune(stack.dataSource, 4);
    const input = launchInput(commune, { invited: [1, 2], meetingInMs: 8000, schedule: { rsvpReminderLeadMs: 6000 } });
    const firstReminderAt = Date.parse(input.meetingAt) - 6000;
    const { gateway } = stack;
    const [host, answered, silent] = commune.cells;
    await gateway.launch(input);
    await gateway.step(input.cycleId, rsvpUpdate, { actor: answered.secretary, input: { cellId: answered.id, response: 'accept' } });
    const movedTo = new Date(Date.now() + 16000).toISOString();
    expect(
      await refusal(
        gateway.step(input.cycleId, rescheduleUpdate, {
          actor: commune.cells[3].secretary,
          input: { meetingAt: movedTo, reason: 'Trùng lịch' },
        }),
      ),
    ).toBe('NOT_HOST_SECRETARY');
    await gateway.step(input.cycleId, rescheduleUpdate, { actor: host.secretary, input: { meetingAt: movedTo, reason: 'Trùng lịch thu hoạch' } });
    expect(new Date((await cycleRow(input.cycleId)).meeting_at).toISOString()).toBe(movedTo);

    // Ruleset 2: the cell that had accepted is pending again and asked to reconfirm; the committee hears the host moved it.
    expect(await invitationStatus(input.cycleId, answered.id)).toBe('PENDING');
    expect(await notifications(input.cycleId, 'RESCHEDULED_RECONFIRM')).toEqual([{ user_id: answered.secretary.userId }]);
    expect(await notifications(input.cycleId, 'RESCHEDULED_BY_HOST')).toEqual([{ user_id: commune.staff.userId }]);
    await gateway.step(input.cycleId, rsvpUpdate, { actor: answered.secretary, input: { cellId: answered.id, response: 'accept' } });
    expect(await invitationStatus(input.cycleId, answered.id)).toBe('ACCEPTED');

    // The reminder of the first date would have gone out by now; nothing may have been sent.
    await sleep(Math.max(0, firstReminderAt + 1500 - Date.now()));
    expect(await notifications(input.cycleId, 'RSVP_REMINDER')).toEqual([]);
    const reminded = await eventually(async () => {
      const rows = await notifications(input.cycleId, 'RSVP_REMINDER');
      return rows.length > 0 ? rows : null;
    }, 15000);
    expect(reminded).toEqual([{ user_id: silent.secretary.userId }]);

    await gateway.step(input.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'Thời tiết xấu' } });
    expect((await cycleRow(input.cycleId)).status).toBe('CANCELLED');
    expect((await notifications(input.cycleId, 'CANCELLED')).length).toBe(3);
    // A cancelled cycle refuses steps with the exact code, and a second cancel is no exception.
    expect(await refusal(gateway.step(input.cycleId, rsvpUpdate, { actor: silent.secretary, input: { cellId: silent.id, response: 'accept' } }))).toBe(
      'WRONG_STAGE',
    );
    expect(await refusal(gateway.step(input.cycleId, cancelUpdate, { actor: commune.staff, input: { reason: 'Lần hai' } }))).toBe('WRONG_STAGE');
    expect(await invitationStatus(input.cycleId, silent.id)).toBe('PENDING');
  });
});
