import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ProcessStack, stopAllProcesses } from '../support/app-processes.js';
import { timelineRows } from '../support/cycle-records.js';
import { CycleScript } from '../support/cycle-script.js';
import { connectDatabase, holdRows, terminateBackend, WriteHolds } from '../support/database-holds.js';
import { createCommune, createSuiteAdmin, type Credentials } from '../support/fault-commune.fixture.js';
import { driveCycle, FAULTS_FULL, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { faultSeed, seededRandom } from '../support/seeded-random.js';
import { waitUntil } from '../support/server-control.js';
import { answered, answeredBeforeRecord, HistoryReader } from '../support/step-history.js';

/**
 * The API process is SIGKILLed between a step being accepted and its answer, at one of two points the suite
 * holds it at (so the kill lands there every time, whatever the machine's load):
 *  - write held:  the workflow accepted the step and its record activity is inside its COMMIT (a trigger of
 *                 the suite's own waits on a lock the test holds): the API waits for the record (or, for the
 *                 launch and a host pick, for the update); it is killed, then the commit goes on;
 *  - answer held: the step is done (its update completed) and the API is storing its answer under the
 *                 Idempotency-Key (the test holds that record's row): the API has the answer in hand and has
 *                 not sent it; it is killed, and its session, whose client is gone, with it.
 * Evidence for each kill: the client got no answer at all (the connection was cut), the history shows the
 * update accepted before the kill (and, for "write held", completed before it, as a step is answered before its
 * record is written (patch answer-before-record), or after it for the launch and a host pick, answered once
 * written; its record written after it; for "answer held", completed before it),
 * and for "answer held" the step was on the timeline and no answer was stored when the API died. The API is
 * started again and the client repeats the step with the same key: it gets the step's 2xx, and the step is
 * on the timeline once. Default: five seeded steps of one cycle, both points; FAULTS_FULL=1: every step of
 * two cycles.
 */

type KillPoint = 'write held' | 'answer held';
const POINTS: KillPoint[] = ['write held', 'answer held'];

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
  const chosen = steps.slice(0, KILLS_PER_CYCLE).sort((a, b) => a - b);
  // Both points in every cycle, the rest drawn; in the order drawn.
  const points = [...POINTS, ...Array.from({ length: KILLS_PER_CYCLE - POINTS.length }, () => POINTS[Math.floor(random() * POINTS.length)])];
  for (let index = points.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [points[index], points[other]] = [points[other], points[index]];
  }
  return new Map(chosen.map((step, index) => [step, points[index]]));
});

let stack: ProcessStack;
let db: DataSource;
let history: HistoryReader;
let holds: WriteHolds;
let admin: Credentials;
const evidence: string[] = [];

beforeAll(async () => {
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  history = await HistoryReader.connect(process.env.TEST_TEMPORAL_ADDRESS as string);
  holds = await WriteHolds.install(db);
  // The suite's own admin, written before the API starts: nothing here needs the first-start `admin` (which the API
  // makes only in a database without any user, so it never makes one when this suite runs alone).
  admin = await createSuiteAdmin(db);
  stack = await ProcessStack.start({ env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await holds?.uninstall();
  await history?.close();
  await db?.destroy();
  if (evidence.length > 0) console.info(`API kills (seed ${SEED}):\n${evidence.join('\n')}`);
});

describe(`API SIGKILLed between a step's acceptance and its answer, at ${CYCLES * KILLS_PER_CYCLE} seeded steps (seed ${SEED}; FAULTS_FULL=1: all 26 steps of 2 cycles)`, () => {
  plans.forEach((killAt, cycleIndex) => {
    const points = [...killAt].map(([step, point]) => `${step}:${point}`).join(', ');
    it(
      `cycle ${cycleIndex + 1}: API killed at steps [${points}]; each request cut unanswered, each repeat gets the step's 2xx, the step acted once, CLOSED`,
      async () => {
        const commune = await createCommune(stack.http, admin, 4);
        const script = new CycleScript(commune, killAt.has(0) ? 60000 : 6000);
        let killed = 0;
        const killApi: StepFault = async (step, { api, seqBefore }) => {
          const point = killAt.get(step.index) as KillPoint;
          const write = await holds.hold(script, step, seqBefore, 'at its commit');
          const sending = step.send(api);
          let answer: Awaited<ReturnType<typeof holdRows>> | undefined;
          let rowsAtKill: number;
          let answerStoredAtKill: boolean | null = null;
          let killedAt: number;
          try {
            await write.waitForBlocked(`step ${step.index} "${step.label}": its record to commit`, 30000);
            if (point === 'answer held') {
              // The API claimed the key before sending the step; the step cannot be done while its commit is held.
              answer = await holdRows(db, 'the step’s unanswered idempotency record', `SELECT 1 FROM idempotency_records WHERE key = $1 AND status_code IS NULL`, [
                step.key,
              ]);
              await write.release();
            }
            const apiSession = answer ? await answer.waitForBlocked(`step ${step.index} "${step.label}": the API to store its answer`, 30000) : undefined;
            rowsAtKill = await timelineRows(db, script, step, seqBefore);
            killedAt = Date.now();
            const exit = await stack.api.kill('SIGKILL');
            expect(exit.signal).toBe('SIGKILL');
            killed += 1;
            if (apiSession !== undefined) {
              // Its client died with the API: the answer it was storing never reaches the database.
              expect(await terminateBackend(db, apiSession)).toBe(true);
              const [record] = await db.query<{ status_code: number | null }[]>(`SELECT status_code FROM idempotency_records WHERE key = $1`, [step.key]);
              answerStoredAtKill = record?.status_code !== null;
            }
          } finally {
            await write.release();
            await answer?.release();
          }
          const first = await sending;
          await waitUntil('the step’s record to be committed', async () => (await timelineRows(db, script, step, seqBefore)) === 1, 30000, 20);
          await stack.api.start();
          return {
            first,
            note: `API killed with the ${point === 'write held' ? 'step’s record committing' : 'step’s answer in hand'}; first answer ${first.status || `none (${first.error})`}`,
            verify: async ({ seq }) => {
              const found = await history.stepWritten(script.cycleId, seq);
              const acceptedAt = found.update?.acceptedAt ?? Number.NaN;
              const writtenAt = found.activity?.completedAt ?? Number.NaN;
              expect({
                step: step.label,
                point,
                firstAnswer: first.status,
                rowsAtKill,
                answerStoredAtKill,
                acceptedBeforeKill: acceptedAt < killedAt,
                completed: answered(found, killedAt),
                // With the answer held the record's completion may reach Temporal a moment after the kill: not compared.
                recordWrittenAfterKill: point === 'write held' ? writtenAt > killedAt : null,
              }).toEqual({
                step: step.label,
                point,
                firstAnswer: 0,
                rowsAtKill: point === 'write held' ? 0 : 1,
                answerStoredAtKill: point === 'write held' ? null : false,
                acceptedBeforeKill: true,
                completed: point === 'write held' && !answeredBeforeRecord(step.event) ? 'after' : 'before',
                recordWrittenAfterKill: point === 'write held' ? true : null,
              });
              evidence.push(
                `${point.padEnd(11)} step ${step.index} "${step.label}": first answer none (${first.error}); killed at ${killedAt}; ` +
                  `timeline rows at the kill ${rowsAtKill}; history ${JSON.stringify(found.update)}`,
              );
            },
          };
        };
        const answers = await driveCycle({
          script,
          db,
          api: () => stack.http,
          faultAt: (step) => (killAt.has(step.index) ? killApi : undefined),
          logTail: () => stack.logTail(),
          repeatForMs: 60000,
        });
        expect(killed).toBe(killAt.size);
        expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
      },
      180000 + killAt.size * 30000,
    );
  });
});
