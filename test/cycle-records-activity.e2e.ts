/**
 * The record-writing activity on a real PostgreSQL, called directly with records the pure state module makes:
 * a record written twice changes nothing the second time; a record PostgreSQL refuses for its data is
 * answered (the ones before it written, none after it), not thrown; a failure a retry may cure is thrown;
 * a cell's last model meeting never moves back; an answer that asks a cell to confirm again keeps its delegate.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createCycleRecordActivities, type CycleRecordActivities } from '../activities/cycle-records/cycle-records.activities.js';
import { createDataSource } from '../libs/persistence/data-source.js';
import {
  applyLaunch,
  applyReschedule,
  applyRsvp,
  createCycleState,
  type CycleState,
} from '../workflows/model-meeting/model-meeting.state.js';
import type { StepRecord } from '../workflows/model-meeting/model-meeting.types.js';
import type { LaunchCycleInput } from '../workflows/model-meeting/model-meeting.contract.js';
import { launchInput } from './support/cycle-input.js';
import { createCommune, type TestCommune } from './support/organisation.fixture.js';
import { testConfig } from './support/test-stack.js';

let dataSource: DataSource;
let activities: CycleRecordActivities;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  dataSource = await createDataSource({ url: testConfig().database.url, poolSize: 3, applicationName: 'records-activity test' }).initialize();
  activities = createCycleRecordActivities(dataSource);
});

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await dataSource?.destroy();
});

/** A cycle's state and its launch record, as the workflow makes them. */
function launched(commune: TestCommune, options: Parameters<typeof launchInput>[1] = {}): { input: LaunchCycleInput; state: CycleState; launch: StepRecord } {
  const input = launchInput(commune, { meetingInMs: 3_600_000, ...options });
  const now = Date.now();
  const state = createCycleState(input, now);
  return { input, state, launch: applyLaunch(state, input, now) };
}

const rsvp = (state: CycleState, commune: TestCommune, index: number, delegate: string) =>
  applyRsvp(state, commune.cells[index].secretary, { cellId: commune.cells[index].id, response: 'accept', delegate }, Date.now());

async function count(sql: string, parameters: unknown[]): Promise<number> {
  const [row] = await dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM ${sql}`, parameters);
  return row.count;
}

/** A trigger of this suite: `action` runs for an invitation answered with this delegate. */
async function onInvitationDelegate(delegate: string, action: string): Promise<void> {
  const name = `test_delegate_${randomUUID().replace(/-/g, '')}`;
  await dataSource.query(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.delegate = '${delegate}' THEN ${action}; END IF; RETURN NEW; END $$`);
  await dataSource.query(`CREATE TRIGGER ${name} BEFORE UPDATE ON cycle_invitations FOR EACH ROW EXECUTE FUNCTION ${name}()`);
  cleanups.push(async () => {
    await dataSource.query(`DROP TRIGGER ${name} ON cycle_invitations`);
    await dataSource.query(`DROP FUNCTION ${name}()`);
  });
}

describe('recordSteps on a real PostgreSQL', () => {
  it('writes a batch once: the same records again change nothing (the timeline row is the marker)', async () => {
    const commune = await createCommune(dataSource, 3);
    const { input, state, launch } = launched(commune, { invited: [1, 2] });
    const records = [launch, rsvp(state, commune, 1, 'Đồng chí Lò Văn Pằng'), rsvp(state, commune, 2, 'Đồng chí Hoàng Thị Mai')];
    expect(await activities.recordSteps(records)).toEqual({ written: 3 });
    const notifications = await count(`notifications WHERE cycle_id = $1`, [input.cycleId]);
    expect(notifications).toBeGreaterThan(0);
    expect(await activities.recordSteps(records)).toEqual({ written: 3 });
    expect(await activities.recordStep(records[1])).toEqual({ written: 1 });
    expect(await count(`cycles WHERE id = $1`, [input.cycleId])).toBe(1);
    expect(await count(`cycle_events WHERE cycle_id = $1`, [input.cycleId])).toBe(3);
    expect(await count(`cycle_invitations WHERE cycle_id = $1 AND status = 'ACCEPTED'`, [input.cycleId])).toBe(2);
    expect(await count(`notifications WHERE cycle_id = $1`, [input.cycleId])).toBe(notifications);
  });

  it('answers a record PostgreSQL refuses for its data: those before it written, it and those after it not', async () => {
    const commune = await createCommune(dataSource, 4);
    const { input, state, launch } = launched(commune, { invited: [1, 2, 3] });
    const poison = `Đồng chí Độc ${randomUUID().slice(0, 8)}`;
    await onInvitationDelegate(poison, `RAISE EXCEPTION 'không lưu được' USING ERRCODE = '22023'`);
    const records = [launch, rsvp(state, commune, 1, 'Đồng chí Lò Văn Pằng'), rsvp(state, commune, 2, poison), rsvp(state, commune, 3, 'Đồng chí Thào Seo Lềnh')];
    expect(await activities.recordSteps(records)).toEqual({ written: 2, refused: { seq: 3, code: 'NOT_STORABLE', detail: expect.stringContaining('22023') } });
    const events: { seq: number }[] = await dataSource.query(`SELECT seq FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`, [input.cycleId]);
    expect(events.map((event) => event.seq)).toEqual([1, 2]);
    expect(await count(`cycle_invitations WHERE cycle_id = $1 AND status = 'ACCEPTED'`, [input.cycleId])).toBe(1);
  });

  it('answers HOST_BUSY for a launch whose host already hosts an open cycle, and writes nothing of it', async () => {
    const commune = await createCommune(dataSource, 3);
    const first = launched(commune, { invited: [1] });
    const second = launched(commune, { invited: [2] });
    expect(await activities.recordSteps([first.launch])).toEqual({ written: 1 });
    expect(await activities.recordSteps([second.launch])).toEqual({ written: 0, refused: { seq: 1, code: 'HOST_BUSY', detail: '23505' } });
    expect(await count(`cycles WHERE id = $1`, [second.input.cycleId])).toBe(0);
  });

  it('writes two launches at once whose hosts are invited to each other’s cycles, without a deadlock', async () => {
    // A province's burst: every cell hosts one cycle and is invited to the others. Each launch locks its host's
    // row (one open cycle per host) and then checks its invited cells' rows as foreign keys; the pause below
    // holds both transactions between the two, so each needs the row the other's host lock holds.
    const commune = await createCommune(dataSource, 2);
    const first = launched(commune, { hostIndex: 0, invited: [1] });
    const second = launched(commune, { hostIndex: 1, invited: [0] });
    const name = `test_pause_${randomUUID().replace(/-/g, '')}`;
    await dataSource.query(`
      CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.cycle_id IN ('${first.input.cycleId}', '${second.input.cycleId}') THEN PERFORM pg_sleep(0.5); END IF; RETURN NEW; END $$`);
    await dataSource.query(`CREATE TRIGGER ${name} BEFORE INSERT ON cycle_invitations FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    cleanups.push(async () => {
      await dataSource.query(`DROP TRIGGER ${name} ON cycle_invitations`);
      await dataSource.query(`DROP FUNCTION ${name}()`);
    });
    const outcomes = await Promise.allSettled([activities.recordSteps([first.launch]), activities.recordSteps([second.launch])]);
    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as { code?: string }).code))).toEqual([{ written: 1 }, { written: 1 }]);
    expect(await count(`cycle_invitations WHERE cycle_id IN ($1, $2)`, [first.input.cycleId, second.input.cycleId])).toBe(2);
  });

  it('throws a failure a retry may cure (a serialization failure), so Temporal retries it', async () => {
    const commune = await createCommune(dataSource, 2);
    const { state, launch } = launched(commune, { invited: [1] });
    const busy = `Đồng chí Bận ${randomUUID().slice(0, 8)}`;
    await onInvitationDelegate(busy, `RAISE EXCEPTION 'thử lại' USING ERRCODE = '40001'`);
    await expect(activities.recordSteps([launch, rsvp(state, commune, 1, busy)])).rejects.toMatchObject({ code: '40001' });
  });

  it("never moves a cell's last model meeting back when an older cycle closes late", async () => {
    const commune = await createCommune(dataSource, 2);
    const host = commune.cells[0].id;
    for (const [hostedAt, rating] of [
      ['2026-11-20T01:00:00.000Z', 'TOT'],
      ['2026-09-10T01:00:00.000Z', 'KEM'],
    ] as const) {
      const cycle = launched(commune, { hostIndex: null, invited: [1] });
      const closed: StepRecord = { cycleId: cycle.input.cycleId, seq: 2, at: new Date().toISOString(), event: 'CYCLE_CLOSED', actorId: null, close: { hostCellId: host, hostedAt, rating } };
      expect(await activities.recordSteps([cycle.launch, closed])).toEqual({ written: 2 });
    }
    const [cell] = await dataSource.query(`SELECT last_hosted_at, last_rating FROM cells WHERE id = $1`, [host]);
    expect({ at: new Date(cell.last_hosted_at).toISOString(), rating: cell.last_rating }).toEqual({ at: '2026-11-20T01:00:00.000Z', rating: 'TOT' });
  });

  it('asks a cell to confirm again after a reschedule without losing its delegate or note', async () => {
    const commune = await createCommune(dataSource, 2);
    const { input, state, launch } = launched(commune, { invited: [1] });
    const answered = applyRsvp(state, commune.cells[1].secretary, { cellId: commune.cells[1].id, response: 'accept', delegate: 'Đồng chí Lò Văn Pằng', note: 'Đi cùng một đảng viên' }, Date.now());
    const moved = applyReschedule(state, commune.staff, { meetingAt: new Date(Date.now() + 7_200_000).toISOString(), reason: 'Trùng lịch thu hoạch' }, Date.now());
    expect(await activities.recordSteps([launch, answered, moved])).toEqual({ written: 3 });
    const [invitation] = await dataSource.query(`SELECT status, delegate, note, responded_at FROM cycle_invitations WHERE cycle_id = $1`, [input.cycleId]);
    expect(invitation).toEqual({ status: 'PENDING', delegate: 'Đồng chí Lò Văn Pằng', note: 'Đi cùng một đảng viên', responded_at: null });
  });
});
