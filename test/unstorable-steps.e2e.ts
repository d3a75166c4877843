/**
 * Nothing accepted is lost, nothing wedges: on the real dev server and PostgreSQL, a step whose record the
 * database refuses (a trigger of the test's own raises a data exception for a marked text, or the rule
 * "one open cycle per host" is broken by two racing launches) is refused to its sender with a clear code,
 * leaves no trace in the workflow's state, does not hold back the steps written with it, and the cycle
 * goes on. Values a client could send straight to Temporal (half points, 30 February, the year 0000, NUL)
 * are refused by the update validators before they reach the cycle, or stored exactly.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowFailedError } from '@temporalio/client';
import { DomainError } from '../libs/domain/domain-error.js';
import { outcomeOfStep } from '../libs/persistence/repositories/cycle-timeline.js';
import { SealingCodec } from '../libs/temporal/sealing-codec.js';
import { fileReportUpdate, modelMeetingWorkflowId, pickHostUpdate, postPlanUpdate, recordMeetingUpdate, rescheduleUpdate, rsvpUpdate, type StepUpdate, submitCritiqueUpdate } from '../workflows/model-meeting/model-meeting.contract.js';
import type { CycleState } from '../workflows/model-meeting/model-meeting.state.js';
import type { StepRecord } from '../workflows/model-meeting/model-meeting.types.js';
import type { LaunchCycleInput } from '../workflows/model-meeting/model-meeting.contract.js';
import { acceptInvitations, launchInput, meetingRecord } from './support/cycle-input.js';
import { sleep } from './support/eventually.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { runtimeLog, startWorkerStack, type WorkerStack } from './support/test-stack.js';

let stack: WorkerStack;

beforeAll(async () => {
  stack = await startWorkerStack();
});

const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await stack?.stop();
});

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

async function stateOf(cycleId: string): Promise<CycleState> {
  return stack.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).query<CycleState>('state');
}

async function timeline(cycleId: string): Promise<{ seq: number; event: string }[]> {
  return stack.dataSource.query(`SELECT seq, event FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`, [cycleId]);
}

/** The records each recordSteps activity of the cycle was given, from its history. */
async function recordBatches(cycleId: string): Promise<StepRecord[][]> {
  const history = await stack.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).fetchHistory();
  const codec = new SealingCodec(stack.config.temporal.payloadKey, [], false);
  const inputs = (history.events ?? [])
    .map((event) => event.activityTaskScheduledEventAttributes)
    .filter((attributes) => attributes?.activityType?.name === 'recordSteps')
    .map((attributes) => attributes!.input!.payloads![0]);
  const opened = await codec.decode(inputs);
  return opened.map((payload) => JSON.parse(Buffer.from(payload.data!).toString('utf8')) as StepRecord[]);
}

/** A trigger of this suite on critiques: `action` runs for a critique whose points contain `marker`. */
async function onCritiqueContaining(marker: string, action: string): Promise<void> {
  const name = `test_${marker.replace(/\W/g, '_')}`;
  await stack.dataSource.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.points::text LIKE '%${marker}%' THEN ${action}; END IF;
      RETURN NEW;
    END $$`);
  await stack.dataSource.query(`CREATE TRIGGER ${name} BEFORE INSERT ON critiques FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  cleanups.push(async () => {
    await stack.dataSource.query(`DROP TRIGGER ${name} ON critiques`);
    await stack.dataSource.query(`DROP FUNCTION ${name}()`);
  });
}
async function inCritique(commune: TestCommune, attending: number[]): Promise<LaunchCycleInput> {
  const input = launchInput(commune, { invited: commune.cells.slice(1).map((_, index) => index + 1), meetingInMs: 1200, schedule: { critiqueWindowMs: 600_000 } });
  const { gateway } = stack;
  const [host] = commune.cells;
  await gateway.launch(input);
  await gateway.step(input.cycleId, postPlanUpdate, { actor: host.secretary, input: { agenda: ['Khai mạc'], content: 'Kế hoạch' } });
  await acceptInvitations(gateway, input.cycleId, attending.map((index) => commune.cells[index]));
  await sleep(Math.max(0, Date.parse(input.meetingAt) - Date.now() + 100));
  await gateway.step(input.cycleId, recordMeetingUpdate, {
    actor: host.secretary,
    input: meetingRecord(attending.map((index) => commune.cells[index].id)),
  });
  return input;
}

const critiqueOf = (text: string) => ({ points: [{ stage: 'content' as const, kind: 'weakness' as const, text }] });

describe('a step whose record PostgreSQL refuses', () => {
  it('is refused NOT_STORABLE and undone, the steps written with it land, and the cycle goes on', async () => {
    const commune = await createCommune(stack.dataSource, 5);
    const [, slowCell, poisonedCell, thirdCell, fourthCell] = commune.cells;
    const input = await inCritique(commune, [1, 2, 3, 4]);
    const slow = `CHẬM-${randomUUID().slice(0, 8)}`;
    const poison = `ĐỘC-${randomUUID().slice(0, 8)}`;
    await onCritiqueContaining(slow, 'PERFORM pg_sleep(1.5)');
    await onCritiqueContaining(poison, `RAISE EXCEPTION 'không lưu được' USING ERRCODE = '22023'`);
    const { gateway } = stack;

    // The slow critique holds the first write, so the next three wait and go together in one write.
    const first = gateway.step(input.cycleId, submitCritiqueUpdate, { actor: slowCell.secretary, input: critiqueOf(`Ý kiến ${slow}`) });
    await sleep(300);
    const poisonedStepId = randomUUID();
    const [poisoned, third, fourth] = await Promise.all([
      outcome(gateway.step(input.cycleId, submitCritiqueUpdate, { actor: poisonedCell.secretary, input: critiqueOf(`Ý kiến ${poison}`) }, poisonedStepId)),
      outcome(gateway.step(input.cycleId, submitCritiqueUpdate, { actor: thirdCell.secretary, input: critiqueOf('Điều hành còn dài') })),
      outcome(gateway.step(input.cycleId, submitCritiqueUpdate, { actor: fourthCell.secretary, input: critiqueOf('Biên bản thiếu ý kiến') })),
    ]);
    await first;
    expect([poisoned, third, fourth]).toEqual(['NOT_STORABLE', 'accepted', 'accepted']);
    // Answered before its record was refused, the step's refusal is kept where its sender looks for the row.
    expect(await outcomeOfStep(stack.dataSource.manager, input.cycleId, poisonedStepId)).toEqual({ refused: 'NOT_STORABLE' });
    expect(await stack.dataSource.query(`SELECT step_id, code FROM refused_steps WHERE cycle_id = $1`, [input.cycleId])).toEqual([
      { step_id: poisonedStepId, code: 'NOT_STORABLE' },
    ]);

    const batches = await recordBatches(input.cycleId);
    const poisonedBatch = batches.find((batch) => batch.some((record) => JSON.stringify(record).includes(poison)));
    expect(poisonedBatch?.length).toBeGreaterThan(1);

    const stored: { cell_id: string }[] = await stack.dataSource.query(`SELECT cell_id FROM critiques WHERE cycle_id = $1`, [input.cycleId]);
    expect(stored.map((row) => row.cell_id).sort()).toEqual([slowCell.id, thirdCell.id, fourthCell.id].sort());
    const events = await timeline(input.cycleId);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
    expect(events.filter((event) => event.event === 'CRITIQUE_SUBMITTED')).toHaveLength(3);
    const state = await stateOf(input.cycleId);
    expect(state.stage).toBe('CRITIQUE');
    expect([...state.critiquedCellIds].sort()).toEqual([slowCell.id, thirdCell.id, fourthCell.id].sort());
    expect(state.seq).toBe(events.length);
    expect(
      runtimeLog.some((entry) => entry.message === 'A step could not be stored and was refused' && entry.meta?.cycleId === input.cycleId),
    ).toBe(true);

    // The refused cell sends again, without what the database refused: accepted, and the window closes.
    const again = await gateway.step(input.cycleId, submitCritiqueUpdate, { actor: poisonedCell.secretary, input: critiqueOf('Cần chuẩn bị kỹ hơn') });
    expect(again.stage).toBe('REPORTING');
    const [row] = await stack.dataSource.query(`SELECT status FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(row.status).toBe('REPORTING');
  });

  it('refuses the second of two launches racing for the same host (HOST_BUSY): no cycle row, the first goes on', async () => {
    const commune = await createCommune(stack.dataSource, 4);
    const inputs = [0, 1].map(() => launchInput(commune, { hostIndex: 0, invited: [1, 2], meetingInMs: 3_600_000 }));
    const outcomes = await Promise.all(inputs.map((input) => outcome(stack.gateway.launch(input))));
    expect([...outcomes].sort()).toEqual(['HOST_BUSY', 'accepted']);
    const refused = inputs[outcomes.indexOf('HOST_BUSY')];
    const accepted = inputs[outcomes.indexOf('accepted')];
    const rows: { id: string }[] = await stack.dataSource.query(`SELECT id FROM cycles WHERE id = ANY($1::uuid[])`, [inputs.map((i) => i.cycleId)]);
    expect(rows.map((row) => row.id)).toEqual([accepted.cycleId]);
    await expect(stack.client.workflow.getHandle(modelMeetingWorkflowId(refused.cycleId)).result()).rejects.toBeInstanceOf(WorkflowFailedError);
    const [host, visitor] = commune.cells;
    await stack.gateway.step(accepted.cycleId, rsvpUpdate, { actor: visitor.secretary, input: { cellId: visitor.id, response: 'accept' } });
    await stack.gateway.step(accepted.cycleId, postPlanUpdate, { actor: host.secretary, input: { agenda: ['Khai mạc'], content: 'Kế hoạch' } });
    expect((await stateOf(accepted.cycleId)).stage).toBe('SCHEDULED');
  });

  it('refuses picking a host that took another cycle meanwhile, and the committee can still pick another', async () => {
    const commune = await createCommune(stack.dataSource, 5);
    const [busy, other] = commune.cells;
    const waiting = launchInput(commune, { hostIndex: null, invited: [2, 3], meetingInMs: 3_600_000 });
    await stack.gateway.launch(waiting);
    // The API's check passed a moment ago; now the cell is taken by a cycle launched with it as host.
    await stack.gateway.launch(launchInput(commune, { hostIndex: 0, invited: [4], meetingInMs: 3_600_000 }));
    expect(await outcome(stack.gateway.step(waiting.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: busy.id } }))).toBe('HOST_BUSY');
    const state = await stateOf(waiting.cycleId);
    expect(state.stage).toBe('HOST_SELECTION');
    expect(state.hostCellId).toBeNull();
    await stack.gateway.step(waiting.cycleId, pickHostUpdate, { actor: commune.staff, input: { cellId: other.id } });
    const [row] = await stack.dataSource.query(`SELECT status, host_cell_id FROM cycles WHERE id = $1`, [waiting.cycleId]);
    expect(row).toEqual({ status: 'PREPARATION', host_cell_id: other.id });
  });
});

describe('values a client sends straight to Temporal', () => {
  it('refuses what PostgreSQL could not store as sent, stores half points exactly, and the cycle still moves', async () => {
    const commune = await createCommune(stack.dataSource, 3);
    const [host, visitor, other] = commune.cells;
    const input = await inCritique(commune, [1, 2]);
    const { gateway } = stack;
    // Sent as a client that ignores the contract would: the body is whatever it likes.
    const step = <Input>(update: StepUpdate<Input>, actor: typeof host.secretary, body: unknown) =>
      outcome(gateway.step(input.cycleId, update, { actor, input: body as Input }));

    expect(await step(submitCritiqueUpdate, visitor.secretary, { ...critiqueOf('Tốt'), scores: { conduct: 25.3 } })).toBe('INVALID_SCORES');
    expect(await step(submitCritiqueUpdate, visitor.secretary, critiqueOf('chứa \u0000 ký tự NUL'))).toBe('MALFORMED_STEP');
    expect(await step(submitCritiqueUpdate, visitor.secretary, critiqueOf('nửa cặp \ud800 ký tự'))).toBe('MALFORMED_STEP');
    // JSON.parse makes "__proto__" an own key, as the workflow's payload converter does: an unknown criterion.
    expect(await step(submitCritiqueUpdate, visitor.secretary, { ...critiqueOf('Tốt'), scores: JSON.parse('{"__proto__": 5}') })).toBe('INVALID_SCORES');
    expect(await step(submitCritiqueUpdate, visitor.secretary, critiqueOf('Phần thảo luận còn ít ý kiến'))).toBe('accepted');
    expect(await step(submitCritiqueUpdate, other.secretary, { ...critiqueOf('Điều hành tốt'), scores: { conduct: 25.5, time: 4.5 } })).toBe('accepted');
    const [stored] = await stack.dataSource.query(`SELECT score_total, scores FROM critiques WHERE cycle_id = $1 AND cell_id = $2`, [input.cycleId, other.id]);
    expect(Number(stored.score_total)).toBe(30);
    expect(stored.scores).toEqual({ conduct: 25.5, time: 4.5 });

    const critiques: { points: { id: string; kind: string }[] }[] = await stack.dataSource.query(`SELECT points FROM critiques WHERE cycle_id = $1`, [
      input.cycleId,
    ]);
    const responses = critiques.flatMap((critique) => critique.points).map((point) => ({ pointId: point.id, stance: 'accept', text: 'Tiếp thu' }));
    const report = (dueDate: string) => ({ responses, lessons: ['Chuẩn bị kỹ'], actionItems: [{ title: 'Sửa biên bản', owner: 'Bí thư', dueDate }] });
    expect(await step(fileReportUpdate, host.secretary, report('0000-01-01'))).toBe('MALFORMED_STEP');
    expect(await step(fileReportUpdate, host.secretary, report('2027-02-30'))).toBe('MALFORMED_STEP');
    expect(await step(fileReportUpdate, host.secretary, report('2099-01-01'))).toBe('DATE_OUT_OF_RANGE');
    // The last day of next year's February: a real date, always ahead.
    const lastOfFebruary = `${new Date().getUTCFullYear() + 1}-02-28`;
    expect(await step(fileReportUpdate, host.secretary, report(lastOfFebruary))).toBe('accepted');
    const [item] = await stack.dataSource.query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM action_items WHERE cycle_id = $1`, [input.cycleId]);
    expect(item.due).toBe(lastOfFebruary);
    expect((await stateOf(input.cycleId)).stage).toBe('REVIEW');
  });

  it('refuses a reschedule to a day that does not exist or to the year 9999', async () => {
    const commune = await createCommune(stack.dataSource, 3);
    const input = launchInput(commune, { invited: [1, 2], meetingInMs: 3_600_000 });
    await stack.gateway.launch(input);
    const reschedule = (meetingAt: string) =>
      outcome(stack.gateway.step(input.cycleId, rescheduleUpdate, { actor: commune.staff, input: { meetingAt, reason: 'Trùng lịch' } }));
    expect(await reschedule('2027-02-30T08:00:00+07:00')).toBe('MALFORMED_STEP');
    expect(await reschedule('9999-12-31T08:00:00+07:00')).toBe('MALFORMED_STEP');
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(await reschedule(`${nextYear}-02-28T08:00:00+07:00`)).toBe('accepted');
    const [row] = await stack.dataSource.query(`SELECT meeting_at FROM cycles WHERE id = $1`, [input.cycleId]);
    expect(new Date(row.meeting_at).toISOString()).toBe(`${nextYear}-02-28T01:00:00.000Z`);
  });
});
