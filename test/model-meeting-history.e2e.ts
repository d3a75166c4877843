import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { temporal } from '@temporalio/proto';
import { modelMeetingWorkflowId } from '../libs/temporal/temporal.constants.js';
import { launchInput, meetingRecord } from './support/cycle-input.js';
import { sleep } from './support/eventually.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { startWorkerStack, type WorkerStack } from './support/test-stack.js';

/** Temporal's default warning thresholds for one workflow's history (the hard limits are 5× these). */
const HISTORY_EVENTS_WARN = 10_240;
const HISTORY_BYTES_WARN = 10 * 1024 * 1024;

let stack: WorkerStack;
let commune: TestCommune;

beforeAll(async () => {
  stack = await startWorkerStack();
  commune = await createCommune(stack.dataSource, 101);
});

afterAll(async () => {
  await stack?.stop();
});

async function historyOf(cycleId: string) {
  return stack.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).fetchHistory();
}

describe('modelMeeting history stays small and replays', () => {
  it('keeps a 100-cell cycle (every RSVP, 100 critiques, 50 of them at once, one revision) well under the warning limits', async () => {
    const input = launchInput(commune, { meetingInMs: 20_000, schedule: { critiqueWindowMs: 600_000, reportWindowMs: 600_000 } });
    const { gateway } = stack;
    const [host, ...visitors] = commune.cells;
    expect(visitors).toHaveLength(100);
    await gateway.launch(input);
    for (const visitor of visitors) {
      await gateway.step(input.cycleId, 'rsvp', { actor: visitor.secretary, input: { cellId: visitor.id, response: 'accept' } });
    }
    await gateway.step(input.cycleId, 'postPlan', { actor: host.secretary, input: { agenda: ['Khai mạc', 'Thảo luận'], content: 'Kế hoạch' } });
    await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
    await gateway.step(input.cycleId, 'recordMeeting', { actor: host.secretary, input: meetingRecord(visitors.map((cell) => cell.id)) });

    const critique = (index: number) => ({
      points: [
        { stage: 'content' as const, kind: 'strength' as const, text: `Nội dung sát thực tế thôn ${index}` },
        { stage: 'chairing' as const, kind: 'weakness' as const, text: `Điều hành cần gọn hơn (ý kiến ${index})` },
      ],
    });
    const results = [];
    for (const [index, visitor] of visitors.slice(0, 50).entries()) {
      results.push(await gateway.step(input.cycleId, 'submitCritique', { actor: visitor.secretary, input: critique(index) }));
    }
    const burst = await Promise.all(
      visitors.slice(50).map((visitor, index) => gateway.step(input.cycleId, 'submitCritique', { actor: visitor.secretary, input: critique(50 + index) })),
    );
    results.push(...burst);
    expect(new Set(results.map((result) => result.seq)).size).toBe(100);
    const [row] = await stack.dataSource.query(`SELECT status FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(row.status).toBe('REPORTING');
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM critiques WHERE cycle_id = $1`, [input.cycleId]);
    expect(count).toBe(100);
    const reportNeeded = await stack.dataSource.query(`SELECT count(*)::int AS count FROM notifications WHERE cycle_id = $1 AND reason = 'REPORT_NEEDED'`, [
      input.cycleId,
    ]);
    expect(reportNeeded[0].count).toBe(1);

    const responses = results.flatMap((result) => [{ pointId: result.pointIds![1], stance: 'accept' as const, text: 'Tiếp thu' }]);
    const report = { responses, lessons: ['Điều hành gọn, đúng trọng tâm'], actionItems: [] };
    await gateway.step(input.cycleId, 'fileReport', { actor: host.secretary, input: report });
    await gateway.step(input.cycleId, 'review', { actor: commune.staff, input: { decision: 'revise', comment: 'Bổ sung' } });
    await gateway.step(input.cycleId, 'fileReport', { actor: host.secretary, input: { ...report, lessons: [...report.lessons, 'Phân công cụ thể'] } });
    await gateway.step(input.cycleId, 'review', { actor: commune.staff, input: { decision: 'accept', rating: 'KHA' } });

    const history = await historyOf(input.cycleId);
    const events = history.events?.length ?? 0;
    const bytes = temporal.api.history.v1.History.encode(history).finish().length;
    console.log(`100-cell cycle history: ${events} events, ${(bytes / 1024).toFixed(0)} KiB (warning limits ${HISTORY_EVENTS_WARN} events, 10 MiB)`);
    expect(events).toBeLessThan(HISTORY_EVENTS_WARN / 2);
    expect(bytes).toBeLessThan(HISTORY_BYTES_WARN / 5);
  });
});
