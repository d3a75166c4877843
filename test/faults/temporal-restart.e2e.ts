import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ProcessStack, stopAllProcesses } from '../support/app-processes.js';
import { CycleScript } from '../support/cycle-script.js';
import { connectDatabase, WriteHolds } from '../support/database-holds.js';
import { createCommune, createSuiteAdmin, type Commune } from '../support/fault-commune.fixture.js';
import { driveCycle, FAULTS_FULL, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { until200 } from '../support/http-client.js';
import { freePort, portAnswers, startOwnDevServer, waitUntil, type DevServer } from '../support/server-control.js';
import { answered, answeredBeforeRecord, HistoryReader } from '../support/step-history.js';

/**
 * The Temporal server goes away mid-cycle and comes back: a dev server this suite owns, with its state in a
 * SQLite file, stopped and started again on the same port while the API and the worker (separate
 * processes) keep running. While it is down, /api/health and a step answer 503 (never 500); once it is
 * back, the same step repeated with its Idempotency-Key is done once, and the cycle continues to CLOSED.
 * "With a step in flight" is shown, not hoped for: the suite holds the step's record activity inside its
 * COMMIT (a trigger of the suite's own waits on a lock the test holds) while Temporal is stopped, then lets
 * the commit go. The launch and a host pick, answered only once written, answer 503 first, and the history
 * shows their update accepted before the stop and completed after it. Every other step was answered by the
 * workflow before its record was written (patch answer-before-record): the history shows its update completed
 * before the stop, and the API, which waits for the record in PostgreSQL, answers its 2xx once the commit goes
 * through, or 503 if that took longer than TEMPORAL_UPDATE_TIMEOUT_MS.
 * Default: one outage between steps and one with a step in flight; FAULTS_FULL=1: four and four.
 */

const DOWN_BETWEEN_STEPS = FAULTS_FULL ? [1, 3, 6, 10] : [3];
const DOWN_IN_FLIGHT = FAULTS_FULL ? [0, 2, 8, 12] : [8];

let dataDir: string;
let port: number;
let temporal: DevServer | undefined;
let stack: ProcessStack;
let db: DataSource;
let holds: WriteHolds;
let commune: Commune;

async function startTemporal(): Promise<void> {
  temporal = await startOwnDevServer(port, join(dataDir, 'temporal.db'));
}

async function stopTemporal(): Promise<void> {
  await temporal?.stop();
  temporal = undefined;
  await waitUntil('the dev server to let go of its port', async () => !(await portAnswers(port)), 30000);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'faults-temporal-'));
  port = await freePort();
  await startTemporal();
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  holds = await WriteHolds.install(db);
  // The suite's own admin, written before the API starts: nothing here needs the first-start `admin` (which the API
  // makes only in a database without any user, so it never makes one when this suite runs alone).
  const admin = await createSuiteAdmin(db);
  stack = await ProcessStack.start({ temporalAddress: `127.0.0.1:${port}`, env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  commune = await createCommune(stack.http, admin, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await temporal?.stop();
  await holds?.uninstall();
  await db?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('the Temporal dev server restarted mid-cycle (its own, with a file database)', () => {
  it(`${DOWN_BETWEEN_STEPS.length + DOWN_IN_FLIGHT.length} restarts: down before steps [${DOWN_BETWEEN_STEPS.join(', ')}] (health and the step answer 503), and under steps [${DOWN_IN_FLIGHT.join(', ')}] in flight; each step repeated with its key is done once; CLOSED`, async () => {
    const script = new CycleScript(commune, DOWN_IN_FLIGHT.includes(0) || DOWN_BETWEEN_STEPS.includes(0) ? 60000 : 6000);
    const downs: { index: number; health: number; healthBody: unknown; step?: number; code?: string }[] = [];

    /** Between two steps: Temporal is stopped, the step is sent while it is down, then it is started again. */
    const downBetweenSteps: StepFault = async (step, { api }) => {
      await stopTemporal();
      const health = await stack.api.health();
      const first = await step.send(api);
      downs.push({ index: step.index, health: health.status, healthBody: health.body, step: first.status, code: first.body?.code });
      await startTemporal();
      await until200('API health once Temporal is back', () => stack.api.health());
      return { first, note: 'Temporal stopped before the step was sent' };
    };

    /** With a step in flight: Temporal is stopped while the step's record activity is inside its commit, then the commit goes on. */
    const downInFlight: StepFault = async (step, { api, seqBefore }) => {
      const write = await holds.hold(script, step, seqBefore, 'at its commit');
      const sending = step.send(api);
      let stoppedAt: number;
      let health: Awaited<ReturnType<typeof stack.api.health>>;
      try {
        await write.waitForBlocked(`step ${step.index} "${step.label}": its record to commit`, 30000);
        stoppedAt = Date.now();
        await stopTemporal();
        health = await stack.api.health();
      } finally {
        await write.release();
      }
      const first = await sending;
      downs.push({ index: step.index, health: health.status, healthBody: health.body, step: first.status, code: first.body?.code });
      await startTemporal();
      await until200('API health once Temporal is back', () => stack.api.health());
      return {
        first,
        note: `Temporal stopped while the step's record was committing; first answer ${first.status}`,
        verify: async ({ seq }) => {
          const reader = await HistoryReader.connect(`127.0.0.1:${port}`);
          try {
            const found = await reader.step(script.cycleId, seq);
            expect({
              step: step.label,
              acceptedBeforeStop: (found.update?.acceptedAt ?? Number.NaN) < stoppedAt,
              answeredTheStop: answered(found, stoppedAt),
            }).toEqual({ step: step.label, acceptedBeforeStop: true, answeredTheStop: answeredBeforeRecord(step.event) ? 'before' : 'after' });
          } finally {
            await reader.close();
          }
        },
      };
    };

    const answers = await driveCycle({
      script,
      db,
      api: () => stack.http,
      faultAt: (step) => (DOWN_BETWEEN_STEPS.includes(step.index) ? downBetweenSteps : DOWN_IN_FLIGHT.includes(step.index) ? downInFlight : undefined),
      logTail: () => stack.logTail(),
    });

    const unavailable = { status: 'unavailable', database: 'up', temporal: 'down' };
    /** A step the workflow had answered before the stop (in flight, not a launch or host pick) may get its 2xx, if its record came in time, or 503. */
    const answeredBeforeStop = (index: number) => DOWN_IN_FLIGHT.includes(index) && answeredBeforeRecord(script.steps[index].event);
    const firstAnswer = ({ index, step, code }: (typeof downs)[number]) => {
      if (!answeredBeforeStop(index)) return { step, code };
      const done = step === script.steps[index].expected || (step === 503 && code === 'TEMPORAL_UNAVAILABLE');
      return { step: done ? 'its 2xx or 503' : `${step} ${code}` };
    };
    expect(downs.map((down) => ({ index: down.index, health: down.health, healthBody: down.healthBody, ...firstAnswer(down) }))).toEqual(
      [...DOWN_BETWEEN_STEPS, ...DOWN_IN_FLIGHT]
        .sort((a, b) => a - b)
        // Between steps, or in flight before the workflow answered: 503, not its 2xx (it was not done before the stop).
        .map((index) => ({
          index,
          health: 503,
          healthBody: unavailable,
          ...(answeredBeforeStop(index) ? { step: 'its 2xx or 503' } : { step: 503, code: 'TEMPORAL_UNAVAILABLE' }),
        })),
    );
    // The apps rode the outages out: neither was restarted.
    expect({ api: stack.api.starts, worker: stack.worker.starts, apiRunning: stack.api.running, workerRunning: stack.worker.running }).toEqual({
      api: 1,
      worker: 1,
      apiRunning: true,
      workerRunning: true,
    });
    expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
  }, 240000 + (DOWN_BETWEEN_STEPS.length + DOWN_IN_FLIGHT.length) * 60000);
});
