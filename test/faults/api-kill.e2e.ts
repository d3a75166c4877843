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
  stopAllProcesses,
  waitForTimelineRow,
  type Commune,
  type StepFault,
} from '../support/processes.js';

/**
 * The API process is SIGKILLed between a step being accepted and its answer: the request is sent, and the
 * API is killed the moment the step's timeline row appears in PostgreSQL. The API is started again and the
 * client repeats the step with the same Idempotency-Key: it gets the step's 2xx, and the step acted once.
 * Default: five seeded steps of one cycle; FAULTS_FULL=1: every step of two cycles.
 */

const SEED = faultSeed(20261123);
const CYCLES = FAULTS_FULL ? 2 : 1;
const KILLS_PER_CYCLE = FAULTS_FULL ? 13 : 5;

const random = seededRandom(SEED);
const plans = Array.from({ length: CYCLES }, () => {
  const steps = Array.from({ length: 13 }, (_, index) => index);
  for (let index = steps.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [steps[index], steps[other]] = [steps[other], steps[index]];
  }
  return steps.slice(0, KILLS_PER_CYCLE).sort((a, b) => a - b);
});

let stack: ProcessStack;
let db: DataSource;
let commune: Commune;

beforeAll(async () => {
  stack = await ProcessStack.start({ env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  commune = await createCommune(stack.http, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await db?.destroy();
});

describe(`API SIGKILLed between a step's acceptance and its answer, at ${CYCLES * KILLS_PER_CYCLE} seeded steps (seed ${SEED}; FAULTS_FULL=1: all 26 steps of 2 cycles)`, () => {
  plans.forEach((killAt, cycleIndex) => {
    it(
      `cycle ${cycleIndex + 1}: API killed at steps [${killAt.join(', ')}]; each repeat gets the step's 2xx, the step acted once, CLOSED`,
      async () => {
        const script = new CycleScript(commune, killAt.includes(0) ? 60000 : 6000);
        let killed = 0;
        let cut = 0;
        const killApi: StepFault = async (step, { api, seqBefore }) => {
          const sending = step.send(api);
          const appeared = await waitForTimelineRow(db, script, step, seqBefore, 30000);
          const exit = await stack.api.kill('SIGKILL');
          killed += 1;
          const first = await sending;
          if (first.status === 0) cut += 1;
          expect({ step: step.label, timelineRowAppeared: appeared, exit: exit.signal }).toEqual({ step: step.label, timelineRowAppeared: true, exit: 'SIGKILL' });
          await stack.api.start();
          return { first, note: `API killed as the timeline row appeared; first answer ${first.status || 'none'}` };
        };
        const answers = await driveCycle({
          script,
          db,
          api: () => stack.http,
          faultAt: (step) => (killAt.includes(step.index) ? killApi : undefined),
          logTail: () => stack.logTail(),
          repeatForMs: 60000,
        });
        expect(killed).toBe(killAt.length);
        // The kills land between the commit and the answer (an answer that got out first is checked all the same).
        expect(cut).toBeGreaterThan(0);
        expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
      },
      180000 + killAt.length * 30000,
    );
  });
});
