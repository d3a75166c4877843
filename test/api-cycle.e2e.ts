import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RATING_LABELS, STAGE_LABELS } from '../libs/wording/labels.js';
import { startApiStack, type ApiStack } from './support/api-stack.js';
import { createCommuneViaApi, type ApiCommune } from './support/commune-api.fixture.js';
import { sleep } from './support/eventually.js';

let stack: ApiStack;
let commune: ApiCommune;
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const DAY = 86_400_000;

/** A calendar day in Vietnam (UTC+7), `days` from today: action items are due from the meeting's day on. */
function vietnamDayFromNow(days: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * DAY).toISOString().slice(0, 10);
}

beforeAll(async () => {
  stack = await startApiStack();
  commune = await createCommuneViaApi(stack, 5);
});

afterAll(async () => {
  await stack?.stopAll();
});

describe('a full cycle over HTTP, as committee staff, host secretary and visiting secretaries', () => {
  it('goes from launch through a revision to CLOSED, each step visible in the next GET and in everyone’s tasks', async () => {
    const { http } = stack;
    const [host, visitorA, visitorB, declining, silent] = commune.cells;
    const staff = bearer(commune.staff.token);
    const meetingAt = new Date(Date.now() + 2500).toISOString();

    const launched = await http
      .post('/api/cycles')
      .set(staff)
      .send({
        committeeId: commune.committeeId,
        title: 'Sinh hoạt chi bộ điểm tháng 12',
        topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
        kind: 'regular',
        invitedCellIds: [visitorA.id, visitorB.id, declining.id, silent.id],
        meetingAt,
        location: 'Nhà văn hóa thôn Na Hối Tày',
        critiqueWindow: 'PT60S',
        reportWindow: 'PT60S',
        // The meeting is recorded seconds after its time as one of 95 minutes that started 100 minutes ago.
        reminders: { earlyStartTolerance: 'PT3H' },
      })
      .expect(201);
    const cycleId = launched.body.id as string;
    expect(launched.body).toMatchObject({ status: 'HOST_SELECTION', statusLabel: 'Lựa chọn chi bộ điểm', review: null });
    expect(launched.body.invitations).toHaveLength(4);

    const staffTasks = await http.get('/api/me/tasks').set(staff).expect(200);
    expect(staffTasks.body).toContainEqual(expect.objectContaining({ cycleId, action: 'SELECT_HOST' }));

    // Ruleset 2: the invited cells are candidates too; no cell has hosted yet, and every one has a secretary.
    const candidates = await http.get(`/api/cycles/${cycleId}/host-candidates`).set(staff).expect(200);
    const ranked = candidates.body as { cellId: string; score: number; reasons: string[]; hasSecretary: boolean }[];
    expect(ranked.map((candidate) => candidate.cellId).sort()).toEqual(commune.cells.map((cell) => cell.id).sort());
    for (const candidate of ranked) expect(candidate).toMatchObject({ reasons: expect.arrayContaining(['Chưa từng làm chi bộ điểm']), hasSecretary: true });
    for (let index = 1; index < ranked.length; index += 1) expect(ranked[index].score).toBeLessThanOrEqual(ranked[index - 1].score);

    const picked = await http.post(`/api/cycles/${cycleId}/host`).set(staff).send({ cellId: host.id }).expect(200);
    expect(picked.body.status).toBe('PREPARATION');
    // While this cycle is open its host cannot host another one.
    const busy = await http
      .post('/api/cycles')
      .set(staff)
      .send({
        committeeId: commune.committeeId,
        title: 'Đợt thứ hai cùng chi bộ điểm',
        topic: 'Kiểm tra',
        kind: 'regular',
        hostCellId: host.id,
        invitedCellIds: [visitorA.id],
        meetingAt: new Date(Date.now() + 30 * DAY).toISOString(),
        location: 'Hội trường',
      });
    expect({ status: busy.status, code: busy.body.code }).toEqual({ status: 409, code: 'HOST_BUSY' });
    expect((await http.get('/api/me/tasks').set(bearer(host.secretary.token)).expect(200)).body).toContainEqual(
      expect.objectContaining({ cycleId, action: 'SUBMIT_PLAN' }),
    );
    expect((await http.get('/api/me/tasks').set(bearer(visitorA.secretary.token)).expect(200)).body).toContainEqual(
      expect.objectContaining({ cycleId, action: 'RSVP' }),
    );

    await http
      .post(`/api/cycles/${cycleId}/invitations/${visitorA.id}/rsvp`)
      .set(bearer(visitorA.secretary.token))
      .send({ response: 'accept', delegate: 'Đồng chí Thào Seo Lềnh' })
      .expect(200);
    await http.post(`/api/cycles/${cycleId}/invitations/${visitorB.id}/rsvp`).set(bearer(visitorB.secretary.token)).send({ response: 'accept' }).expect(200);
    const declined = await http
      .post(`/api/cycles/${cycleId}/invitations/${declining.id}/rsvp`)
      .set(bearer(declining.secretary.token))
      .send({ response: 'decline', note: 'Trùng lịch họp thôn' })
      .expect(200);
    expect(declined.body.invitations.find((invitation: { cellId: string }) => invitation.cellId === declining.id)).toMatchObject({
      status: 'DECLINED',
      note: 'Trùng lịch họp thôn',
    });

    const planned = await http
      .post(`/api/cycles/${cycleId}/plan`)
      .set(bearer(host.secretary.token))
      .send({ agenda: ['Khai mạc', 'Đánh giá kết quả tháng', 'Sinh hoạt chuyên đề'], content: 'Chuyên đề về phát triển đảng viên' })
      .expect(200);
    expect(planned.body.status).toBe('SCHEDULED');
    expect(planned.body.plan.agenda).toHaveLength(3);

    await sleep(Math.max(0, Date.parse(meetingAt) - Date.now() + 100));
    const started = Date.now() - 100 * 60_000;
    const recorded = await http
      .post(`/api/cycles/${cycleId}/meeting`)
      .set(bearer(host.secretary.token))
      .send({
        startedAt: new Date(started).toISOString(),
        endedAt: new Date(started + 95 * 60_000).toISOString(),
        attendance: { present: 20, total: 21, absentWithReason: 1 },
        attendingCellIds: [visitorA.id, visitorB.id],
        minutes: 'Biên bản buổi sinh hoạt',
        selfScores: { time: 5, attendance: 5 },
      })
      .expect(200);
    expect(recorded.body.status).toBe('CRITIQUE');
    // The critique window (PT60S) counts from when the meeting was recorded.
    expect(Date.parse(recorded.body.deadlines.critiqueClosesAt)).toBe(Date.parse(recorded.body.meeting.recordedAt) + 60_000);

    const critiqueA = await http
      .post(`/api/cycles/${cycleId}/critiques`)
      .set(bearer(visitorA.secretary.token))
      .send({
        points: [
          { stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi trước đầy đủ 👍' },
          { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài' },
        ],
        scores: { time: 5, attendance: 5, preparation: 9 },
      })
      .expect(201);
    expect(critiqueA.body.points).toHaveLength(2);
    expect(critiqueA.body.points[0].id).toMatch(/^[0-9a-f-]{36}$/);

    const seenByB = await http.get(`/api/cycles/${cycleId}`).set(bearer(visitorB.secretary.token)).expect(200);
    expect(seenByB.body.critiques).toEqual([]);
    expect(seenByB.body.critiquesHidden).toBe(true);
    expect((await http.get('/api/me/tasks').set(bearer(visitorB.secretary.token)).expect(200)).body).toContainEqual(
      expect.objectContaining({ cycleId, action: 'SUBMIT_CRITIQUE' }),
    );

    const critiqueB = await http
      .post(`/api/cycles/${cycleId}/critiques`)
      .set(bearer(visitorB.secretary.token))
      .send({ points: [{ stage: 'minutes', kind: 'suggestion', text: 'Ghi rõ ý kiến từng đảng viên' }] })
      .expect(201);
    const afterB = await http.get(`/api/cycles/${cycleId}`).set(bearer(visitorB.secretary.token)).expect(200);
    expect(afterB.body.critiques).toHaveLength(2);
    expect(afterB.body.status).toBe('REPORTING');
    expect(Date.parse(afterB.body.deadlines.reportDueAt)).toBe(Date.parse(critiqueB.body.submittedAt) + 60_000);

    const responses = [
      { pointId: critiqueA.body.points[1].id, stance: 'accept', text: 'Tiếp thu, rút gọn phần điều hành' },
      { pointId: critiqueB.body.points[0].id, stance: 'partly', text: 'Ghi ý kiến chính' },
    ];
    const actionItems = [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư', dueDate: vietnamDayFromNow(45) }];
    const noLesson = await http.post(`/api/cycles/${cycleId}/report`).set(bearer(host.secretary.token)).send({ responses, lessons: [], actionItems });
    expect({ status: noLesson.status, code: noLesson.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const report = await http
      .post(`/api/cycles/${cycleId}/report`)
      .set(bearer(host.secretary.token))
      .send({ responses, lessons: ['Chuẩn bị kỹ nội dung'], actionItems })
      .expect(200);
    expect(report.body.status).toBe('REVIEW');
    expect((await http.get('/api/me/tasks').set(staff).expect(200)).body).toContainEqual(expect.objectContaining({ cycleId, action: 'REVIEW_REPORT' }));

    const revise = await http.post(`/api/cycles/${cycleId}/review`).set(staff).send({ decision: 'revise', comment: 'Bổ sung bài học' }).expect(200);
    expect(revise.body).toMatchObject({ status: 'REPORTING', statusLabel: 'Báo cáo rút kinh nghiệm', review: { decision: 'revise', rating: null } });
    // A review that rates nothing has no rating to name.
    expect(revise.body.review).not.toHaveProperty('ratingLabel');
    await http
      .post(`/api/cycles/${cycleId}/report`)
      .set(bearer(host.secretary.token))
      .send({
        responses,
        lessons: ['Chuẩn bị kỹ nội dung', 'Phân công cụ thể'],
        actionItems,
      })
      .expect(200);
    await http.post(`/api/cycles/${cycleId}/adoption`).set(bearer(visitorA.secretary.token)).send({ text: 'Sớm quá' }).expect(409);
    const closed = await http.post(`/api/cycles/${cycleId}/review`).set(staff).send({ decision: 'accept', rating: 'TOT' }).expect(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', statusLabel: 'Đã kết thúc', review: { rating: 'TOT', ratingLabel: 'Tốt' } });
    // The words follow the request's language (whatever the English table says); the codes stay the same.
    const inEnglish = await http.get(`/api/cycles/${cycleId}`).set(staff).set('Accept-Language', 'en').expect(200);
    expect(inEnglish.body).toMatchObject({ status: 'CLOSED', statusLabel: STAGE_LABELS.CLOSED.en, review: { rating: 'TOT', ratingLabel: RATING_LABELS.TOT.en } });
    expect(closed.body.report.revision).toBe(1);
    expect(closed.body.timeline.map((entry: { event: string }) => entry.event)).toContain('REVISION_REQUESTED');
    expect(closed.body.timeline[0].label).toBe('Đảng ủy khởi tạo đợt sinh hoạt chi bộ điểm');

    expect(closed.body.actionItems).toEqual([expect.objectContaining({ title: 'Hoàn thiện mẫu biên bản', dueDate: actionItems[0].dueDate, doneAt: null })]);
    const beforeDone = Date.now();
    const done = await http
      .post(`/api/cycles/${cycleId}/action-items/${closed.body.actionItems[0].id}/done`)
      .set(bearer(host.secretary.token))
      .expect(200);
    // Ticked off now (the database's clock and this one may differ by a little).
    const doneAt = Date.parse(done.body.actionItems[0].doneAt);
    expect(doneAt).toBeGreaterThanOrEqual(beforeDone - 1000);
    expect(doneAt).toBeLessThanOrEqual(Date.now() + 1000);
    const adopted = await http
      .post(`/api/cycles/${cycleId}/adoption`)
      .set(bearer(silent.secretary.token))
      .send({ text: 'Áp dụng mẫu biên bản mới từ tháng sau' })
      .expect(200);
    expect(adopted.body.invitations.find((invitation: { cellId: string }) => invitation.cellId === silent.id).adoption).toBe(
      'Áp dụng mẫu biên bản mới từ tháng sau',
    );
    expect(adopted.body.timeline.slice(-2).map((entry: { event: string }) => entry.event)).toEqual(['ACTION_ITEM_DONE', 'LESSONS_ADOPTED']);

    const cells = await http.get(`/api/committees/${commune.committeeId}/cells`).set(staff).expect(200);
    expect(cells.body.find((cell: { id: string }) => cell.id === host.id)).toMatchObject({ lastRating: 'TOT', lastHostedAt: meetingAt });
    const inbox = await http.get('/api/me/notifications').set(bearer(silent.secretary.token)).expect(200);
    expect(inbox.body.map((notification: { reason: string }) => notification.reason)).toContain('LESSONS_SHARED');
    const listed = await http.get('/api/cycles?status=CLOSED').set(bearer(visitorA.secretary.token)).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(cycleId);

    // Closed, the cycle no longer holds its host: the cell may host the next one.
    const next = await http
      .post('/api/cycles')
      .set(staff)
      .send({
        committeeId: commune.committeeId,
        title: 'Đợt tiếp theo',
        topic: 'Kiểm tra',
        kind: 'regular',
        hostCellId: host.id,
        invitedCellIds: [visitorA.id],
        meetingAt: new Date(Date.now() + 30 * DAY).toISOString(),
        location: 'Hội trường',
      })
      .expect(201);
    expect(next.body).toMatchObject({ status: 'PREPARATION', hostCellId: host.id });
  });
});
