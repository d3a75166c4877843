import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { launchBody } from '../../scripts/lib/step-bodies.mjs';
import { ProcessStack, stopAllProcesses } from '../support/app-processes.js';
import { timelineRows } from '../support/cycle-records.js';
import { CycleScript, type CycleStep } from '../support/cycle-script.js';
import { backendAlive, connectDatabase, WriteHolds } from '../support/database-holds.js';
import { sleep } from '../support/eventually.js';
import { createCommune, createSuiteAdmin, type Credentials } from '../support/fault-commune.fixture.js';
import { driveCycle, FAULTS_FULL, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { faultSeed, seededRandom } from '../support/seeded-random.js';
import { waitUntil } from '../support/server-control.js';
import { answered, answeredBeforeRecord, HistoryReader, type StepHistory } from '../support/step-history.js';

/**
 * The worker process is SIGKILLed at seeded random points of full cycles driven over HTTP, and started again.
 * Each kill proves, from the workflow's history and the database, that it landed where its mode says:
 *  - idle:         between two steps, with nothing in flight;
 *  - before:       just before a step is sent: the step's first answer is 503 TEMPORAL_UNAVAILABLE
 *                  (TEMPORAL_UPDATE_TIMEOUT_MS=3000), and the history shows its update accepted only after
 *                  the new worker was started; the client repeats the step with its Idempotency-Key;
 *  - in flight:    the step's update was accepted and its record activity is running: the suite holds the
 *                  activity's transaction before it writes the step's timeline row (a trigger of the suite's
 *                  own waits on a lock the test holds), kills the worker, and lets go. Evidence: the update was
 *                  accepted before the kill and completed before it (the step answered before its record, patch
 *                  answer-before-record; after it for the launch and picking a host, answered once written), the
 *                  record activity completed on an attempt > 1, and the killed worker's transaction never
 *                  committed (no timeline row once its backend is gone);
 *  - after commit: the step's activity has committed and Temporal has not heard back: the suite holds the
 *                  activity's transaction inside its COMMIT, freezes the worker (SIGSTOP), lets the commit go
 *                  through, sees the timeline row committed, and only then kills the frozen worker. Evidence:
 *                  the row was committed before the kill, and the history shows the activity attempted again
 *                  (attempt > 1) and the update completed before the kill (after it for the launch and a host pick).
 * Every step ends in its 2xx (never a 500 or a refusal), every accepted step is on the timeline once,
 * nothing is written or sent twice, a repeat answers the first answer, and each cycle reaches CLOSED. Each
 * cycle has a commune (so a host cell) of its own: a cycle left open by a failure never makes the next one
 * HOST_BUSY. FAULTS_SEED=<n> replays a run with other points; FAULTS_FULL=1 runs the long version.
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
let history: HistoryReader;
let holds: WriteHolds;
let admin: Credentials;
let kills = 0;
/** What each kill was shown to have hit, for the run's summary. */
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
  if (evidence.length > 0) console.info(`worker kills (seed ${SEED}):\n${evidence.join('\n')}`);
});

/** SIGKILL: the worker gets no chance to finish anything. Resolves once it is gone, with the moment the signal was sent. */
async function killWorker(): Promise<number> {
  const at = Date.now();
  const exit = await stack.worker.kill('SIGKILL');
  expect(exit.signal).toBe('SIGKILL');
  kills += 1;
  return at;
}

const describeHistory = (step: CycleStep, found: StepHistory) => `step ${step.index} "${step.label}": history ${JSON.stringify(found)}`;

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
        const restartedAt = Date.now();
        await stack.worker.start();
        return {
          first,
          note: 'worker dead when the step was sent',
          verify: async ({ seq }) => {
            const found = await history.step(script.cycleId, seq);
            // The killed worker never saw the step: its update was accepted by the worker started after the 503.
            expect({ step: step.label, acceptedAfterRestart: (found.update?.acceptedAt ?? 0) >= restartedAt }).toEqual({
              step: step.label,
              acceptedAfterRestart: true,
            });
            evidence.push(`before       ${describeHistory(step, found)}; first answer 503, worker restarted at ${restartedAt}`);
          },
        };
      }
      case 'in flight': {
        const hold = await holds.hold(script, step, seqBefore, 'before its timeline row');
        const sending = step.send(api);
        let writer: number;
        try {
          writer = await hold.waitForBlocked(`step ${step.index} "${step.label}": its record activity to start writing`, 30000);
        } catch (error) {
          await hold.release();
          throw error;
        }
        await sleep(kill.delayMs);
        const killedAt = await killWorker();
        const rowsAtKill = await timelineRows(db, script, step, seqBefore);
        await hold.release();
        // The backend of the dead worker's transaction ends once it finds its client gone; nothing it wrote stays.
        await waitUntil('the killed worker’s database session to end', async () => !(await backendAlive(db, writer)), 8000, 20);
        const rowsAfterDeadWrite = await timelineRows(db, script, step, seqBefore);
        const [first] = await Promise.all([sending, stack.worker.start()]);
        return {
          first,
          note: `worker killed ${kill.delayMs} ms after its record activity began writing the step`,
          verify: async ({ seq }) => {
            const found = await history.stepWritten(script.cycleId, seq);
            expect({
              step: step.label,
              rowsAtKill,
              rowsAfterDeadWrite,
              acceptedBeforeKill: (found.update?.acceptedAt ?? Infinity) < killedAt,
              answeredTheKill: answered(found, killedAt),
              activityRetried: (found.activity?.attempt ?? 0) > 1,
            }).toEqual({
              step: step.label,
              rowsAtKill: 0,
              rowsAfterDeadWrite: 0,
              acceptedBeforeKill: true,
              answeredTheKill: answeredBeforeRecord(step.event) ? 'before' : 'after',
              activityRetried: true,
            });
            evidence.push(`in flight    ${describeHistory(step, found)}; killed at ${killedAt}, no row at the kill nor after the dead write`);
          },
        };
      }
      case 'after commit': {
        const hold = await holds.hold(script, step, seqBefore, 'at its commit');
        const sending = step.send(api);
        try {
          await hold.waitForBlocked(`step ${step.index} "${step.label}": its record activity to commit`, 30000);
        } catch (error) {
          await hold.release();
          throw error;
        }
        // Frozen, the worker cannot tell Temporal anything; the commit goes through meanwhile.
        stack.worker.signal('SIGSTOP');
        await hold.release();
        const committed = await waitUntil('the step’s timeline row to be committed', async () => (await timelineRows(db, script, step, seqBefore)) === 1, 8000, 5).then(
          () => true,
          () => false,
        );
        const killedAt = await killWorker();
        const [first] = await Promise.all([sending, stack.worker.start()]);
        return {
          first,
          note: 'worker frozen inside the commit of the step’s record, killed once the commit went through',
          verify: async ({ seq }) => {
            const found = await history.stepWritten(script.cycleId, seq);
            expect({
              step: step.label,
              committedBeforeKill: committed,
              acceptedBeforeKill: (found.update?.acceptedAt ?? Infinity) < killedAt,
              answeredTheKill: answered(found, killedAt),
              activityRetried: (found.activity?.attempt ?? 0) > 1,
            }).toEqual({
              step: step.label,
              committedBeforeKill: true,
              acceptedBeforeKill: true,
              answeredTheKill: answeredBeforeRecord(step.event) ? 'before' : 'after',
              activityRetried: true,
            });
            evidence.push(`after commit ${describeHistory(step, found)}; row committed, then killed at ${killedAt}`);
          },
        };
      }
    }
  };
}

describe(`worker SIGKILLed at ${TOTAL_KILLS} seeded points of ${CYCLES} full cycle(s) (seed ${SEED}; FAULTS_FULL=1: 55 points over 5 cycles)`, () => {
  plans.forEach((plan, cycleIndex) => {
    const points = plan.map((point) => `${point.step}:${point.mode}`).join(', ');
    it(
      `cycle ${cycleIndex + 1}: ${plan.length} kills at steps [${points}]; each kill shown to land where it says, every accepted step recorded once, nothing doubled, CLOSED`,
      async () => {
        const killsBefore = kills;
        const commune = await createCommune(stack.http, admin, 4);
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
    const commune = await createCommune(stack.http, admin, 2);
    // The launch acts although it was answered 503: its workflow starts and writes the cycle once a worker is back.
    await killWorker();
    const key = `launch-late-repeat-${Date.now()}`;
    const title = `Sinh hoạt chi bộ điểm (${key})`;
    const body = launchBody({
      committeeId: commune.committeeId,
      title,
      invitedCellIds: [commune.cells[1].id],
      meetingAt: Date.now() + 5000,
      location: 'Nhà văn hóa bản Tà Xùa',
      earlyStartTolerance: null,
    });
    const first = await stack.http.send('POST', '/api/cycles', { token: commune.staff.token, body, key });
    expect({ status: first.status, code: first.body?.code }).toEqual({ status: 503, code: 'TEMPORAL_UNAVAILABLE' });
    await sleep(Math.max(0, Date.parse(body.meetingAt) - Date.now() + 500));
    await stack.worker.start();
    let created: { id: string }[] = [];
    await waitUntil(
      'the launch to write its cycle',
      async () => {
        created = await db.query(`SELECT id FROM cycles WHERE title = $1`, [title]);
        return created.length > 0;
      },
      30000,
      200,
    ).catch(() => undefined);
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
