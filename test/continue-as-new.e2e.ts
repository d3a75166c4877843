/**
 * A cycle takes far more than Temporal's 2,000 updates per run: on the real dev server, a 120-cell cycle whose
 * cells answer, change their minds and reconfirm through 8 reschedules takes over 2,100 steps; its workflow
 * continues as new between steps (every STEPS_PER_RUN steps, or when Temporal suggests it), each run's
 * history stays small, every step lands once on a gap-free timeline, a step repeated with its update id after
 * the run changed answers as the first time and acts once, and the cycle still closes. Every run's history
 * replays with the current code.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Worker } from '@temporalio/worker';
import { temporal } from '@temporalio/proto';
import { dataConverterOf } from '../libs/temporal/data-converter.js';
import { fileReportUpdate, modelMeetingWorkflowId, postPlanUpdate, recordMeetingUpdate, rescheduleUpdate, reviewUpdate, rsvpUpdate, submitCritiqueUpdate } from '../workflows/model-meeting/model-meeting.contract.js';
import { workflowSource } from '../libs/temporal/workflow-source.js';
import { CHANGE_LIMITS } from '../workflows/model-meeting/model-meeting.state.js';
import type { StepResult } from '../workflows/model-meeting/model-meeting.contract.js';
import { launchInput, meetingRecord } from './support/cycle-input.js';
import { sleep } from './support/eventually.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { startWorkerStack, type WorkerStack } from './support/test-stack.js';

const CELLS = 120;
const RESCHEDULES = 8;
const PARALLEL = 8;

let stack: WorkerStack;
let commune: TestCommune;

beforeAll(async () => {
  stack = await startWorkerStack();
  commune = await createCommune(stack.dataSource, CELLS + 1);
});

afterAll(async () => {
  await stack?.stop();
});

/** Runs `work` for each item, PARALLEL at a time. */
async function inParallel<T>(items: T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

describe('a cycle busier than one workflow run can hold', () => {
  it('continues as new between steps, loses and doubles nothing, answers repeats as the first time, and closes', async () => {
    const input = launchInput(commune, { meetingInMs: 3_600_000, schedule: { critiqueWindowMs: 600_000, reportWindowMs: 600_000 } });
    const { gateway } = stack;
    const [host, ...visitors] = commune.cells;
    const handle = stack.client.workflow.getHandle(modelMeetingWorkflowId(input.cycleId));
    await gateway.launch(input);
    let steps = 1;
    const rsvp = (visitor: (typeof visitors)[number], response: 'accept' | 'decline', note: string, updateId?: string) =>
      gateway.step(input.cycleId, rsvpUpdate, { actor: visitor.secretary, input: { cellId: visitor.id, response, note } }, updateId);

    // A step sent with its own update id (as the API does with an Idempotency-Key) in one run, and repeated
    // in the next: it answers as the first time and writes nothing.
    const runId = async () => (await handle.describe()).runId;
    const firstRun = await runId();
    let marked: { runId: string; result: StepResult } | null = null;
    let repeatChecked = false;
    const repeatAcrossRuns = async () => {
      const now = await runId();
      if (!marked && now !== firstRun) {
        marked = { runId: now, result: await rsvp(visitors[0], 'decline', 'Đánh dấu', 'lap-lai-sau-khi-doi-run') };
        steps += 1;
      } else if (marked && !repeatChecked && now !== marked.runId) {
        const count = async () => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM cycle_events WHERE cycle_id = $1`, [input.cycleId]))[0].n;
        const before = await count();
        expect(await rsvp(visitors[0], 'decline', 'Đánh dấu', 'lap-lai-sau-khi-doi-run')).toEqual(marked.result);
        expect(await count()).toBe(before);
        repeatChecked = true;
      }
    };
    for (let answer = 0; answer < CHANGE_LIMITS.rsvpAnswersPerCell - 1; answer += 1) {
      await inParallel(visitors, async (visitor) => {
        await rsvp(visitor, answer % 2 === 0 ? 'decline' : 'accept', `Lần ${answer + 1}`);
        steps += 1;
      });
      await repeatAcrossRuns();
    }
    for (let move = 0; move < RESCHEDULES; move += 1) {
      await gateway.step(input.cycleId, rescheduleUpdate, {
        actor: commune.staff,
        input: { meetingAt: new Date(Date.now() + (2 + move) * 3_600_000).toISOString(), reason: `Đổi lịch lần ${move + 1}` },
      });
      steps += 1;
      await inParallel(visitors, async (visitor) => {
        await rsvp(visitor, 'accept', `Xác nhận lại lần ${move + 1}`);
        steps += 1;
      });
      await repeatAcrossRuns();
    }
    expect(steps).toBeGreaterThan(2_000);
    expect(repeatChecked).toBe(true);
    const runs: string[] = [];

    // Then the cycle goes on to the end.
    await gateway.step(input.cycleId, postPlanUpdate, { actor: host.secretary, input: { agenda: ['Khai mạc'], content: 'Kế hoạch' } });
    await gateway.step(input.cycleId, rescheduleUpdate, {
      actor: commune.staff,
      input: { meetingAt: new Date(Date.now() + 1500).toISOString(), reason: 'Họp sớm hơn' },
    });
    await inParallel(visitors.slice(0, 3), (visitor) => rsvp(visitor, 'accept', 'Dự'));
    await sleep(1700);
    const attending = visitors.slice(0, 3).map((visitor) => visitor.id);
    await gateway.step(input.cycleId, recordMeetingUpdate, { actor: host.secretary, input: meetingRecord(attending) });
    const pointIds: string[] = [];
    for (const visitor of visitors.slice(0, 3)) {
      const result = await gateway.step(input.cycleId, submitCritiqueUpdate, {
        actor: visitor.secretary,
        input: { points: [{ stage: 'content', kind: 'weakness', text: 'Nội dung còn dài' }] },
      });
      pointIds.push(...result.pointIds!);
    }
    await gateway.step(input.cycleId, fileReportUpdate, {
      actor: host.secretary,
      input: { responses: pointIds.map((pointId) => ({ pointId, stance: 'accept' as const, text: 'Tiếp thu' })), lessons: ['Ngắn gọn'], actionItems: [] },
    });
    const closed = await gateway.step(input.cycleId, reviewUpdate, { actor: commune.staff, input: { decision: 'accept', rating: 'KHA' } });
    expect(closed.stage).toBe('CLOSED');
    expect(await handle.result()).toEqual({ stage: 'CLOSED' });

    // Every step and timer on the timeline once, numbered without a gap.
    const timeline: { seq: number; event: string }[] = await stack.dataSource.query(`SELECT seq, event FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`, [
      input.cycleId,
    ]);
    expect(timeline.map((event) => event.seq)).toEqual(timeline.map((_, index) => index + 1));
    const rsvps = timeline.filter((event) => event.event === 'RSVP_ACCEPTED' || event.event === 'RSVP_DECLINED').length;
    expect(rsvps).toBe(steps - 1 - RESCHEDULES + 3);

    // The runs: several, each history small; each replays.
    for await (const execution of stack.client.workflow.list({ query: `WorkflowId = '${modelMeetingWorkflowId(input.cycleId)}'` })) runs.push(execution.runId);
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(steps / 500));
    const histories = [];
    for (const runId of runs) {
      const history = await stack.client.workflow.getHandle(modelMeetingWorkflowId(input.cycleId), runId).fetchHistory();
      const events = history.events?.length ?? 0;
      const bytes = temporal.api.history.v1.History.encode(history).finish().length;
      expect(events).toBeLessThan(10_240);
      expect(bytes).toBeLessThan(10 * 1024 * 1024);
      histories.push({ workflowId: `${input.cycleId}-${runId}`, history });
    }
    console.log(`${steps} steps in ${runs.length} runs; the longest run's history: ${Math.max(...histories.map((entry) => entry.history.events?.length ?? 0))} events`);
    const replayErrors: string[] = [];
    for await (const outcome of Worker.runReplayHistories({ ...workflowSource(), dataConverter: dataConverterOf(stack.config.temporal, true) }, histories)) {
      if (outcome.error) replayErrors.push(`${outcome.workflowId}: ${String(outcome.error)}`);
    }
    expect(replayErrors).toEqual([]);
  }, 600_000);
});
