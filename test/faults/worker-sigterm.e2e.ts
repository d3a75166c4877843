import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ProcessStack, stopAllProcesses, type ExitStatus } from '../support/app-processes.js';
import { CycleScript } from '../support/cycle-script.js';
import { connectDatabase, holdRows } from '../support/database-holds.js';
import { sleep } from '../support/eventually.js';
import { createCommune, createSuiteAdmin, type Commune } from '../support/fault-commune.fixture.js';
import { driveCycle, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { waitUntil } from '../support/server-control.js';
import { HistoryReader } from '../support/step-history.js';

/**
 * Graceful shutdown: the worker gets SIGTERM while a step's activity is under way. The suite holds the
 * cycle's row, so the activity waits inside its transaction for as long as the test wants (the probe counts
 * only the backend that waits on the suite's own hold, never other suites' backends in the shared database):
 *  - finishes:   the row is let go within WORKER_SHUTDOWN_GRACE_MS (10 s): the activity completes on the
 *                draining worker (attempt 1 in the history), then the worker exits;
 *  - past grace: the row is held for 5 s, past a grace of 1.5 s: the worker must not wait for the activity
 *                but exit while the row is still held, about its grace after SIGTERM (a worker that ignored
 *                its grace and waited would exit only after the row was let go, and fail); the next worker
 *                records the step (attempt > 1);
 *  - stuck:      the row is never let go while the worker lives: the worker must still end by itself, within
 *                its grace and a margin (well before the 8 s statement timeout could end the write for it,
 *                and the 30 s docker-compose.yml gives it), and the next worker records the step.
 * Each time the step is recorded exactly once, the client repeating it with its key gets its 2xx, and the
 * cycle reaches CLOSED; and the worker process exits with status 0.
 */

const SHORT_GRACE_MS = 1500;
const PAST_GRACE_HOLD_MS = 5000;
/** From SIGTERM to exit beyond the grace: closing the Nest context, the connections, the process. */
const EXIT_MARGIN_MS = 2500;
/** docker-compose.yml's stop_grace_period: how long "stuck" may wait at most for the worker to end. */
const STOP_GRACE_PERIOD_MS = 30000;

interface ShutdownSeen {
  case: string;
  status: ExitStatus;
  /** From SIGTERM to exit. */
  tookMs: number;
  /** Whether the worker had exited before the test let go of the row. */
  exitedWhileHeld: boolean;
  /** The attempt of the step's record activity that completed (1: the draining worker finished it). */
  attempt?: number;
}

let stack: ProcessStack;
let db: DataSource;
let history: HistoryReader;
let commune: Commune;
const shutdowns: ShutdownSeen[] = [];

beforeAll(async () => {
  db = await connectDatabase(process.env.TEST_DATABASE_URL as string);
  history = await HistoryReader.connect(process.env.TEST_TEMPORAL_ADDRESS as string);
  // The suite's own admin, written before the API starts: nothing here needs the first-start `admin` (which the API
  // makes only in a database without any user, so it never makes one when this suite runs alone).
  const admin = await createSuiteAdmin(db);
  stack = await ProcessStack.start({ env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' }, workerEnv: { WORKER_SHUTDOWN_GRACE_MS: '10000' } });
  commune = await createCommune(stack.http, admin, 4);
}, 180000);

afterAll(async () => {
  await stopAllProcesses();
  await history?.close();
  await db?.destroy();
});

/**
 * A worker with the given grace gets SIGTERM while the step's write waits on the held row; the row is let
 * go after `holdMs` (or once the worker has exited); then a fresh worker is started and the client repeats.
 */
function sigtermDuringActivity(label: string, script: CycleScript, graceMs: number, holdMs: number | 'until the worker exits'): StepFault {
  return async (step, { api }) => {
    stack.worker.env.WORKER_SHUTDOWN_GRACE_MS = String(graceMs);
    await stack.worker.restart('SIGTERM');
    const row = await holdRows(db, 'the cycle row', `SELECT 1 FROM cycles WHERE id = $1`, [script.cycleId]);
    const sending = step.send(api);
    await row.waitForBlocked('the step’s write to wait on the held row', 30000);
    const signalled = Date.now();
    const exited = stack.worker.kill('SIGTERM');
    let exitedAt = 0;
    void exited.then(() => (exitedAt = Date.now()));
    if (holdMs === 'until the worker exits') {
      await waitUntil('the worker to exit', () => exitedAt !== 0, STOP_GRACE_PERIOD_MS, 20).catch(() => undefined);
    } else {
      await sleep(holdMs);
    }
    const exitedWhileHeld = exitedAt !== 0;
    await row.release();
    const status = await exited;
    const seen: ShutdownSeen = { case: label, status, tookMs: exitedAt - signalled, exitedWhileHeld };
    shutdowns.push(seen);
    stack.worker.env.WORKER_SHUTDOWN_GRACE_MS = '10000';
    const [first] = await Promise.all([sending, stack.worker.start()]);
    return {
      first,
      note: `${label}: SIGTERM during the activity; the worker ended ${JSON.stringify(status)} after ${exitedAt - signalled} ms`,
      verify: async ({ seq }) => {
        seen.attempt = (await history.step(script.cycleId, seq)).activity?.attempt;
      },
    };
  };
}

describe('worker SIGTERM during an activity (finishes / past its grace / stuck)', () => {
  it('the step is recorded exactly once each time, the worker ends by itself, and the cycle reaches CLOSED', async () => {
    const script = new CycleScript(commune, 6000);
    const faults = new Map<number, StepFault>([
      [5, sigtermDuringActivity('finishes', script, 10000, 1500)],
      [9, sigtermDuringActivity('past grace', script, SHORT_GRACE_MS, PAST_GRACE_HOLD_MS)],
      [11, sigtermDuringActivity('stuck', script, SHORT_GRACE_MS, 'until the worker exits')],
    ]);
    const answers = await driveCycle({ script, db, api: () => stack.http, faultAt: (step) => faults.get(step.index), logTail: () => stack.logTail() });
    expect(await finishedCycleProblems({ script, db, api: stack.http, answers })).toEqual([]);

    expect(SHORT_GRACE_MS + EXIT_MARGIN_MS).toBeLessThan(PAST_GRACE_HOLD_MS);
    const seen = shutdowns.map((shutdown) => ({
      case: shutdown.case,
      exitedWhileHeld: shutdown.exitedWhileHeld,
      waitedItsGrace: shutdown.tookMs >= (shutdown.case === 'finishes' ? 1500 : SHORT_GRACE_MS),
      exitedWithinGraceAndMargin: shutdown.case === 'finishes' ? null : shutdown.tookMs < SHORT_GRACE_MS + EXIT_MARGIN_MS,
      recordedBy: shutdown.attempt === 1 ? 'the first attempt' : (shutdown.attempt ?? 0) > 1 ? 'a later attempt' : `attempt ${shutdown.attempt}`,
      tookMs: shutdown.tookMs,
    }));
    expect(seen).toEqual([
      // Draining: a worker whose activity could still finish waited for it (past the 1.5 s hold), and finished it itself.
      { case: 'finishes', exitedWhileHeld: false, waitedItsGrace: true, exitedWithinGraceAndMargin: null, recordedBy: 'the first attempt', tookMs: seen[0]?.tookMs },
      // Past its grace the worker stops waiting: it exits while the row is still held, its grace (and a
      // margin) after SIGTERM, and another worker records the step (a later attempt).
      { case: 'past grace', exitedWhileHeld: true, waitedItsGrace: true, exitedWithinGraceAndMargin: true, recordedBy: 'a later attempt', tookMs: seen[1]?.tookMs },
      // No hang: with its activity stuck for good, the worker still ends by itself, as soon.
      { case: 'stuck', exitedWhileHeld: true, waitedItsGrace: true, exitedWithinGraceAndMargin: true, recordedBy: 'a later attempt', tookMs: seen[2]?.tookMs },
    ]);
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
