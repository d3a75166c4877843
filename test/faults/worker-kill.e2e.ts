import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  FAULTS_FULL,
  ProcessStack,
  connectDatabase,
  createCommune,
  CycleScript,
  driveCycle,
  faultSeed,
  finishedCycleProblems,
  seededRandom,
  sleep,
  stopAllProcesses,
  waitForTimelineRow,
  type Commune,
  type CycleStep,
  type StepFault,
} from '../support/processes.js';

/**
 * The worker process is SIGKILLed at seeded random points of full cycles driven over HTTP, and started again:
 *  - idle:         between two steps, with nothing in flight;
 *  - before:       just before a step is sent, so the API answers 503 (TEMPORAL_UPDATE_TIMEOUT_MS=3000) and
 *                  the client repeats the step with the same Idempotency-Key once the worker is back;
 *  - in flight:    a few milliseconds after the step was sent, before it returned;
 *  - after commit: the moment the step's timeline row appears in PostgreSQL (its activity has committed,
 *                  Temporal has not heard back), so the step completes only when the activity is retried.
 * Every step ends in its 2xx (never a 500 or a refusal), every accepted step is on the timeline once,
 * nothing is written or sent twice, a repeat answers the first answer, and each cycle reaches CLOSED.
 * FAULTS_SEED=<n> replays a run with other points; FAULTS_FULL=1 runs the long version.
 */

type KillMode = 'idle' | 'before' | 'in flight' | 'after commit';
interface KillPoint {
  step: number;
  mode: KillMode;
  delayMs: number;
}

const SEED = faultSeed(20261122);
const CYCLES = FAULTS_FULL ? 5 : 1;
const KILLS_PER_CYCLE = FAULTS_FULL ? 11 : 6;
const TOTAL_KILLS = CYCLES * KILLS_PER_CYCLE;
const MODES: KillMode[] = ['idle', 'before', 'in flight', 'after commit'];

/** Per cycle: distinct steps, every mode at least once and the rest drawn, delays drawn; all from the seed. */
function killPlan(random: () => number, steps: number): KillPoint[] {
  const shuffle = <T>(items: T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(random() * (index + 1));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  };
  const chosenSteps = shuffle(Array.from({ length: steps }, (_, index) => index)).slice(0, KILLS_PER_CYCLE);
  const extra = Array.from({ length: KILLS_PER_CYCLE - MODES.length }, () => MODES[Math.floor(random() * MODES.length)]);
  const modes = shuffle([...MODES, ...extra]);
  return chosenSteps
    .map((step, index) => ({ step, mode: modes[index], delayMs: Math.floor(random() * (modes[index] === 'idle' ? 1500 : 250)) }))
    .sort((a, b) => a.step - b.step);
}

const random = seededRandom(SEED);
const plans = Array.from({ length: CYCLES }, () => killPlan(random, 13));

let stack: ProcessStack;
let db: DataSource;
let commune: Commune;
let kills = 0;

beforeAll(async () => {
  stack = await ProcessStack.start({ env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  commune = await createCommune(stack.http, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await db?.destroy();
});

/** SIGKILL: the worker gets no chance to finish anything. */
async function killWorker(): Promise<void> {
  const exit = await stack.worker.kill('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  kills += 1;
}

function faultFor(script: CycleScript, kill: KillPoint): StepFault {
  return async (step: CycleStep, { api, seqBefore }) => {
    switch (kill.mode) {
      case 'idle': {
        await sleep(kill.delayMs);
        await killWorker();
        await stack.worker.start();
        return { first: await step.send(api), note: `worker killed ${kill.delayMs} ms after the previous step and started again` };
      }
      case 'before': {
        await killWorker();
        const first = await step.send(api);
        // Nothing polls the task queue: the API waits TEMPORAL_UPDATE_TIMEOUT_MS, then says "unavailable".
        expect({ step: step.label, status: first.status, code: first.body?.code }).toEqual({ step: step.label, status: 503, code: 'TEMPORAL_UNAVAILABLE' });
        await stack.worker.start();
        return { first, note: 'worker dead when the step was sent' };
      }
      case 'in flight': {
        const sending = step.send(api);
        await sleep(kill.delayMs);
        await killWorker();
        const [first] = await Promise.all([sending, stack.worker.start()]);
        return { first, note: `worker killed ${kill.delayMs} ms after the step was sent` };
      }
      case 'after commit': {
        const sending = step.send(api);
        const appeared = await waitForTimelineRow(db, script, step, seqBefore, 30000);
        await killWorker();
        expect({ step: step.label, timelineRowAppeared: appeared }).toEqual({ step: step.label, timelineRowAppeared: true });
        const [first] = await Promise.all([sending, stack.worker.start()]);
        return { first, note: 'worker killed the moment the timeline row appeared' };
      }
    }
  };
}

describe(`worker SIGKILLed at ${TOTAL_KILLS} seeded points of ${CYCLES} full cycle(s) (seed ${SEED}; FAULTS_FULL=1: 55 points over 5 cycles)`, () => {
  plans.forEach((plan, cycleIndex) => {
    const points = plan.map((point) => `${point.step}:${point.mode}`).join(', ');
    it(
      `cycle ${cycleIndex + 1}: ${plan.length} kills at steps [${points}]; every accepted step recorded once, nothing doubled, CLOSED`,
      async () => {
        const killsBefore = kills;
        // A launch repeated after a kill must still find its meeting in the future.
        const script = new CycleScript(commune, plan.some((point) => point.step === 0) ? 90000 : 6000);
        const answers = await driveCycle({
          script,
          db,
          api: () => stack.http,
          faultAt: (step) => {
            const kill = plan.find((point) => point.step === step.index);
            return kill && faultFor(script, kill);
          },
          logTail: () => stack.logTail(),
        });
        expect(kills - killsBefore).toBe(plan.length);
        expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
      },
      180000 + plan.length * 90000,
    );
  });

  it('a launch answered 503 while the worker was dead acts once, and its repeat after the meeting time has passed still answers 201 with that cycle', async () => {
    // The launch acts although it was answered 503: its workflow starts and writes the cycle once a worker is back.
    await killWorker();
    const key = `launch-late-repeat-${Date.now()}`;
    const title = `Sinh hoạt chi bộ điểm (${key})`;
    const body = {
      committeeId: commune.committeeId,
      title,
      topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
      kind: 'regular',
      invitedCellIds: [commune.cells[1].id],
      meetingAt: new Date(Date.now() + 5000).toISOString(),
      location: 'Nhà văn hóa bản Tà Xùa',
    };
    const first = await stack.http.send('POST', '/api/cycles', { token: commune.staff.token, body, key });
    expect({ status: first.status, code: first.body?.code }).toEqual({ status: 503, code: 'TEMPORAL_UNAVAILABLE' });
    await sleep(Math.max(0, Date.parse(body.meetingAt) - Date.now() + 500));
    await stack.worker.start();
    let created: { id: string }[] = [];
    for (let tries = 0; tries < 150 && created.length === 0; tries += 1) {
      created = await db.query(`SELECT id FROM cycles WHERE title = $1`, [title]);
      if (created.length === 0) await sleep(200);
    }
    expect(created).toHaveLength(1);

    // The client repeats with the same key: the launch acted, so it must not be told it was refused.
    const repeat = await stack.http.send('POST', '/api/cycles', { token: commune.staff.token, body, key });
    expect({ status: repeat.status, id: repeat.body?.id, code: repeat.body?.code }).toEqual({ status: 201, id: created[0].id, code: undefined });
    expect(await db.query(`SELECT id FROM cycles WHERE title = $1`, [title])).toHaveLength(1);
  }, 120000);

  it(`killed the worker ${TOTAL_KILLS + 1} times in all, and the last worker still runs`, () => {
    expect(kills).toBe(TOTAL_KILLS + 1);
    expect(stack.worker.running).toBe(true);
  });
});
