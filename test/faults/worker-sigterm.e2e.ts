import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  ProcessStack,
  connectDatabase,
  createCommune,
  CycleScript,
  driveCycle,
  finishedCycleProblems,
  sleep,
  stopAllProcesses,
  waitUntil,
  type Commune,
  type ExitStatus,
  type StepFault,
} from '../support/processes.js';

/**
 * Graceful shutdown: the worker gets SIGTERM while a step's activity is under way. The suite holds the
 * cycle's row, so the activity waits inside its transaction for as long as the test wants:
 *  - finishes:   the row is let go within WORKER_SHUTDOWN_GRACE_MS (10 s): the activity completes, then the worker exits;
 *  - past grace: the row is held past a grace of 1.5 s, then let go;
 *  - stuck:      the row is never let go while the worker lives: the worker must still end by itself within
 *                the 30 s docker-compose.yml gives it (stop_grace_period), and the next worker records the step.
 * Each time the step is recorded exactly once, the client repeating it with its key gets its 2xx, and the
 * cycle reaches CLOSED; and the worker process exits with status 0.
 */

const STOP_GRACE_PERIOD_MS = 30000;

interface ShutdownSeen {
  case: string;
  status: ExitStatus;
  /** From SIGTERM to exit. */
  tookMs: number;
  /** Whether the worker had exited before the test let go of the row. */
  exitedWhileHeld: boolean;
}

let stack: ProcessStack;
let db: DataSource;
let commune: Commune;
const shutdowns: ShutdownSeen[] = [];

beforeAll(async () => {
  stack = await ProcessStack.start({ env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' }, workerEnv: { WORKER_SHUTDOWN_GRACE_MS: '10000' } });
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  commune = await createCommune(stack.http, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await db?.destroy();
});

/** Holds the cycle's row until release(): a step's write then waits inside its transaction. */
async function holdCycleRow(cycleId: string): Promise<{ release: () => Promise<void> }> {
  const blocker: QueryRunner = db.createQueryRunner();
  await blocker.connect();
  await blocker.startTransaction();
  await blocker.query(`SELECT 1 FROM cycles WHERE id = $1 FOR UPDATE`, [cycleId]);
  return {
    release: async () => {
      await blocker.rollbackTransaction();
      await blocker.release();
    },
  };
}

async function writeIsWaiting(): Promise<boolean> {
  const [row] = await db.query<{ waiting: number }[]>(
    `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
  );
  return row.waiting > 0;
}

/**
 * A worker with the given grace gets SIGTERM while the step's write waits on the held row; the row is let
 * go after `holdMs` (or once the worker has exited); then a fresh worker is started and the client repeats.
 */
function sigtermDuringActivity(label: string, script: CycleScript, graceMs: number, holdMs: number | 'until the worker exits'): StepFault {
  return async (step, { api }) => {
    stack.worker.env.WORKER_SHUTDOWN_GRACE_MS = String(graceMs);
    await stack.worker.restart('SIGTERM');
    const row = await holdCycleRow(script.cycleId);
    const sending = step.send(api);
    await waitUntil('the step’s write to wait on the held row', writeIsWaiting, 30000, 20);
    const signalled = Date.now();
    const exited = stack.worker.kill('SIGTERM');
    let exitedAt = 0;
    void exited.then(() => (exitedAt = Date.now()));
    if (holdMs === 'until the worker exits') {
      await waitUntil('the worker to exit', () => exitedAt !== 0, STOP_GRACE_PERIOD_MS, 50).catch(() => undefined);
    } else {
      await sleep(holdMs);
    }
    const exitedWhileHeld = exitedAt !== 0;
    await row.release();
    const status = await exited;
    shutdowns.push({ case: label, status, tookMs: exitedAt - signalled, exitedWhileHeld });
    stack.worker.env.WORKER_SHUTDOWN_GRACE_MS = '10000';
    const [first] = await Promise.all([sending, stack.worker.start()]);
    return { first, note: `${label}: SIGTERM during the activity; the worker ended ${JSON.stringify(status)} after ${exitedAt - signalled} ms` };
  };
}

describe('worker SIGTERM during an activity (finishes / past its grace / stuck)', () => {
  it('the step is recorded exactly once each time, the worker ends by itself, and the cycle reaches CLOSED', async () => {
    const script = new CycleScript(commune, 6000);
    const faults = new Map<number, StepFault>([
      [5, sigtermDuringActivity('finishes', script, 10000, 1500)],
      [9, sigtermDuringActivity('past grace', script, 1500, 5000)],
      [11, sigtermDuringActivity('stuck', script, 1500, 'until the worker exits')],
    ]);
    const answers = await driveCycle({ script, db, api: () => stack.http, faultAt: (step) => faults.get(step.index), logTail: () => stack.logTail() });

    expect(shutdowns.map((shutdown) => shutdown.case)).toEqual(['finishes', 'past grace', 'stuck']);
    const [finishes, pastGrace, stuck] = shutdowns;
    // Draining: a worker whose activity could still finish waited for it.
    expect({ case: finishes.case, exitedWhileHeld: finishes.exitedWhileHeld }).toEqual({ case: 'finishes', exitedWhileHeld: false });
    expect(pastGrace.tookMs).toBeLessThan(STOP_GRACE_PERIOD_MS);
    // No hang: with its activity stuck, the worker still ends before docker-compose would SIGKILL it.
    expect({ case: stuck.case, exitedWhileHeld: stuck.exitedWhileHeld }).toEqual({ case: 'stuck', exitedWhileHeld: true });
    expect(stuck.tookMs).toBeLessThan(STOP_GRACE_PERIOD_MS);
    expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);
  }, 300000);

  it('the worker exits with status 0 after SIGTERM, every time', () => {
    expect(shutdowns).toHaveLength(3);
    expect(shutdowns.map((shutdown) => ({ case: shutdown.case, code: shutdown.status.code, signal: shutdown.status.signal }))).toEqual([
      { case: 'finishes', code: 0, signal: null },
      { case: 'past grace', code: 0, signal: null },
      { case: 'stuck', code: 0, signal: null },
    ]);
  });
});
