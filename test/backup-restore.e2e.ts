/**
 * Backups that restore (README, "Backups"), on the production shape: Temporal's services as separate processes
 * on PostgreSQL (scripts/lib/temporal-cluster.mjs), the API and a worker as processes, all on databases of the
 * suite's own on npm test's PostgreSQL server (created here, dropped at the end; the server is never stopped).
 *
 * Three cycles run partway over HTTP: one just after its host was picked, one with its plan posted, one
 * mid-critiques with the critique window's timer pending. The worker is stopped (SIGTERM); `npm run backup`
 * has refused while it was still connected, and now dumps the three databases while a client's step waits
 * for a worker (it answers 503). The worker comes back, the client repeats that step, and the live world
 * moves on a step in each cycle: none of that is in the backup. Everything stops; `npm run restore` puts the
 * backup into new databases; a new cluster starts on the restored Temporal databases (reuseDatabases) and a
 * new API and worker on the restored application database, with the same PAYLOAD_KEY, JWT secret and task
 * queue. Then every step accepted before the backup is on the timeline exactly once and none after it, each
 * workflow's `state` agrees with the database and with the API's GET, and every cycle is finished to CLOSED
 * over HTTP with its Idempotency-Keys: nothing lost or doubled, every step repeated answers as it first did.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { SealingCodec } from '../libs/temporal/sealing-codec.js';
import { modelMeetingWorkflowId, stateQuery } from '../workflows/model-meeting/model-meeting.contract.js';
import { startTemporalCluster, type TemporalCluster } from '../scripts/lib/temporal-cluster.mjs';
import { ProcessStack, stopAllProcesses } from './support/app-processes.js';
import { userEvents } from './support/cycle-records.js';
import { CYCLE_EVENTS, CycleScript, TOLERATED_SYSTEM_EVENTS } from './support/cycle-script.js';
import { connectDatabase } from './support/database-holds.js';
import { sleep } from './support/eventually.js';
import { createCommune, createSuiteAdmin } from './support/fault-commune.fixture.js';
import { describeAnswers, finishedCycleProblems, repeatUntilAnswered } from './support/fault-driver.js';
import type { HttpAnswer } from './support/http-client.js';
import { ROOT, waitUntil } from './support/server-control.js';
import { TEST_PAYLOAD_KEY } from './support/test-stack.js';

const NAME = `cbd_backup_${Date.now().toString(36)}_${process.pid}`;
const LIVE = `${NAME}_live`;
const RESTORED = `${NAME}_restored`;
/** From each launch to its meeting: the six steps before it must fit, on a loaded 2-core machine. */
const MEETING_IN_MS = 12000;
/** How far each cycle gets before the backup (its steps 0 … n-1): after the host, after the plan, after one critique. */
const BEFORE_BACKUP = { early: 3, planned: 6, critiques: 8 } as const;
type CycleName = keyof typeof BEFORE_BACKUP;
const CYCLES = Object.keys(BEFORE_BACKUP) as CycleName[];

interface World {
  cluster: TemporalCluster;
  stack: ProcessStack;
  db: DataSource;
}

let adminUrl: string;
let admin: DataSource;
let live: World | undefined;
let restored: World | undefined;
let backupsDir: string;
let liveTaskQueue: string;
const scripts = {} as Record<CycleName, CycleScript>;
/** Each step's successful answer: from the live world before the backup, from the restored one after. */
const answers = Object.fromEntries(CYCLES.map((name) => [name, new Map<number, HttpAnswer>()])) as Record<CycleName, Map<number, HttpAnswer>>;
const figures: Record<string, string> = {};

const urlOf = (database: string) => Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();

/** Runs a script of scripts/ as an operator would; answers its exit code and output, never throws. */
function runScript(script: string, args: string[]): Promise<{ code: number; output: string; ms: number }> {
  const started = Date.now();
  const env: Record<string, string> = {};
  // Only what the operator gives: no DATABASE_URL or old keys of the test process's own.
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(DATABASE_URL|TEMPORAL_.*DATABASE_URL|PAYLOAD_)/.test(key)) env[key] = value;
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...env, PAYLOAD_KEY: TEST_PAYLOAD_KEY } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}`, ms: Date.now() - started });
    });
  });
}

function migrate(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } }, (error, stdout, stderr) =>
      error ? reject(new Error(`migrations failed: ${stderr || stdout}`)) : resolve(),
    );
  });
}

const urlsOf = (cluster: string, app: string) => ['--app-url', urlOf(app), '--temporal-url', urlOf(`${cluster}_temporal`), '--visibility-url', urlOf(`${cluster}_visibility`)];

/** Sends steps [from, to) of a cycle in order, each repeated with its key while it answers 503, as a client would. */
async function runSteps(world: World, name: CycleName, from: number, to: number): Promise<void> {
  const script = scripts[name];
  for (const step of script.steps.slice(from, to)) {
    const wait = step.notBefore() - Date.now();
    if (wait > 0) await sleep(wait);
    const outcome = await repeatUntilAnswered(step, world.stack.http, await step.send(world.stack.http));
    if (outcome.final.status !== step.expected) {
      throw new Error(
        `${name} step ${step.index} "${step.label}": ${describeAnswers(outcome.answers)}, expected ${step.expected}\n${JSON.stringify(outcome.final.body)}\n${world.stack.logTail()}`,
      );
    }
    step.done(outcome.final);
    answers[name].set(step.index, outcome.final);
  }
}

/** The timeline as the database holds it: seq 1..n without a gap, last_seq n, and only tolerated events without an actor. */
async function timelineProblems(db: DataSource, name: CycleName, userSteps: number): Promise<string[]> {
  const script = scripts[name];
  const problems: string[] = [];
  const rows = await db.query<{ seq: number; event: string; actor_id: string | null }[]>(`SELECT seq, event, actor_id FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`, [
    script.cycleId,
  ]);
  rows.forEach((row, index) => {
    if (row.seq !== index + 1) problems.push(`${name}: seq ${row.seq} at position ${index + 1}`);
  });
  const [cycle] = await db.query<{ last_seq: number }[]>(`SELECT last_seq FROM cycles WHERE id = $1`, [script.cycleId]);
  if (cycle?.last_seq !== rows.length) problems.push(`${name}: last_seq ${cycle?.last_seq}, ${rows.length} rows`);
  const users = await userEvents(db, script.cycleId);
  const expected = CYCLE_EVENTS.slice(0, userSteps);
  if (JSON.stringify(users) !== JSON.stringify(expected)) problems.push(`${name}: user steps ${JSON.stringify(users)}, expected ${JSON.stringify(expected)}`);
  const system = rows.filter((row) => row.actor_id === null).map((row) => row.event);
  for (const event of system) if (!TOLERATED_SYSTEM_EVENTS[event]) problems.push(`${name}: unexpected event ${event}`);
  if (new Set(system).size !== system.length) problems.push(`${name}: an event without an actor twice: ${JSON.stringify(system)}`);
  return problems;
}

async function dropDatabases(names: string[]): Promise<void> {
  for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

beforeAll(async () => {
  const testDatabase = process.env.TEST_DATABASE_URL;
  if (!testDatabase) throw new Error('TEST_DATABASE_URL is not set: run this suite through npm test');
  // npm test's server and user (which may create databases), on its maintenance database.
  adminUrl = Object.assign(new URL(testDatabase), { pathname: '/postgres' }).toString();
  admin = await connectDatabase(adminUrl);
  // pg_dump refuses a server newer than itself: say so here rather than through the scripts' first failure.
  const [{ major }] = await admin.query<{ major: number }[]>(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
  const dumpVersion = await new Promise<string>((resolve) => execFile('pg_dump', ['--version'], (error, stdout) => resolve(error ? '' : stdout)));
  const dumpMajor = Number(/\(PostgreSQL\)\s+(\d+)/.exec(dumpVersion)?.[1] ?? 0);
  if (dumpMajor < major) throw new Error(`this suite needs pg_dump ${major} or later for npm test's PostgreSQL ${major}; found ${dumpVersion.trim() || 'none'} (Debian: apt-get install postgresql-client)`);
  backupsDir = mkdtempSync(join(tmpdir(), 'cbd-backups-'));
  await admin.query(`CREATE DATABASE "${LIVE}_app"`);
  const started = Date.now();
  const [cluster] = await Promise.all([startTemporalCluster({ root: ROOT, adminUrl, name: LIVE, log: () => undefined }), migrate(urlOf(`${LIVE}_app`))]);
  figures.liveCluster = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const db = await connectDatabase(urlOf(`${LIVE}_app`));
  const credentials = await createSuiteAdmin(db);
  const stack = await ProcessStack.start({ databaseUrl: urlOf(`${LIVE}_app`), temporalAddress: cluster.address, env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000' } });
  live = { cluster, stack, db };
  liveTaskQueue = stack.taskQueue;
  figures.liveApps = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  // A commune per cycle: a cell hosts one open cycle at a time.
  const communes = await Promise.all(CYCLES.map(() => createCommune(stack.http, credentials, 4)));
  CYCLES.forEach((name, index) => (scripts[name] = new CycleScript(communes[index], MEETING_IN_MS)));
  figures.communes = `${((Date.now() - started) / 1000).toFixed(1)} s`;
}, 300000);

afterAll(async () => {
  await stopAllProcesses();
  for (const world of [live, restored]) {
    await world?.db.destroy().catch(() => undefined);
    await world?.cluster.stop().catch(() => undefined);
  }
  if (admin) {
    await dropDatabases([`${LIVE}_app`, `${RESTORED}_app`, `${RESTORED}_temporal`, `${RESTORED}_visibility`, `${LIVE}_temporal`, `${LIVE}_visibility`]);
    await admin.destroy();
  }
  if (backupsDir) rmSync(backupsDir, { recursive: true, force: true });
}, 120000);

describe('a backup taken with the workers stopped restores into a world that finishes every cycle', () => {
  let backupDir: string;

  it('backs up mid-cycle: refused while a worker is connected, then taken with the worker stopped and a step waiting', async () => {
    const world = live!;
    await Promise.all(CYCLES.map((name) => runSteps(world, name, 0, BEFORE_BACKUP[name])));
    for (const name of CYCLES) expect(await timelineProblems(world.db, name, BEFORE_BACKUP[name])).toEqual([]);

    // The worker still runs: nothing is dumped, and no folder that looks like a backup is left.
    const refused = await runScript('backup.mjs', ['--out', backupsDir, '--worker-wait-seconds', '1', ...urlsOf(LIVE, `${LIVE}_app`)]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/chi-bo-diem-worker.*stop the workers first/);
    expect(readdirSync(backupsDir)).toEqual([]);

    // SIGTERM drains the worker; it ends by itself.
    const stoppedAt = Date.now();
    expect(await world.stack.worker.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    // A visiting cell sends its critique meanwhile: no worker takes it, so the API answers 503 after its 3 s.
    const waiting = scripts.critiques.steps[BEFORE_BACKUP.critiques];
    const sent = waiting.send(world.stack.http);
    await sleep(300);
    const taken = await runScript('backup.mjs', ['--out', backupsDir, ...urlsOf(LIVE, `${LIVE}_app`)]);
    expect({ code: taken.code, output: taken.output }).toEqual({ code: 0, output: expect.stringContaining('Backup done') });
    const first = await sent;
    expect(first.status).toBe(503);
    const restarting = Date.now();
    await world.stack.worker.start();
    figures.workerStart = `${((Date.now() - restarting) / 1000).toFixed(1)} s`;
    figures.workersStopped = `${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`;
    figures.backup = `${(taken.ms / 1000).toFixed(1)} s`;

    const [folder] = readdirSync(backupsDir);
    backupDir = join(backupsDir, folder);
    expect(readdirSync(backupDir).sort()).toEqual(['app.dump', 'manifest.json', 'temporal.dump', 'temporal_visibility.dump']);
    const manifest = JSON.parse(readFileSync(join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.databases.app).toMatchObject({ database: `${LIVE}_app`, openCycles: 3, migrations: expect.any(Number), lastMigration: expect.any(String) });
    expect(manifest.databases.temporal).toMatchObject({ database: `${LIVE}_temporal`, historyShards: 16, schemaVersion: expect.stringMatching(/^\d+\.\d+/) });
    expect(manifest.databases.visibility.schemaVersion).toMatch(/^\d+\.\d+/);
    expect(manifest.payloadKeyFingerprint).toMatch(/^[0-9a-f]{16}$/);
    // No password is written down.
    expect(readFileSync(join(backupDir, 'manifest.json'), 'utf8')).not.toMatch(/postgres:\/\/[^@/]*:[^*@/]+@/);
    const sizes = Object.values(manifest.databases as Record<string, { fileBytes: number; databaseBytes: number }>);
    figures.dumps = `${(sizes.reduce((sum, kept) => sum + kept.fileBytes, 0) / 1024).toFixed(0)} KiB of dumps from ${(sizes.reduce((sum, kept) => sum + kept.databaseBytes, 0) / 1024 / 1024).toFixed(1)} MiB of databases`;

    // The client repeats the step that waited: it lands once now that a worker is back.
    const repeated = await repeatUntilAnswered(waiting, world.stack.http, first);
    expect(repeated.final.status).toBe(waiting.expected);
    waiting.done(repeated.final);
    // The live world moves on a step in each cycle; none of these is in the backup.
    await Promise.all([runSteps(world, 'early', BEFORE_BACKUP.early, BEFORE_BACKUP.early + 1), runSteps(world, 'planned', BEFORE_BACKUP.planned, BEFORE_BACKUP.planned + 1)]);
    for (const name of CYCLES) expect(await timelineProblems(world.db, name, BEFORE_BACKUP[name] + 1)).toEqual([]);
    for (const name of CYCLES) answers[name].delete(BEFORE_BACKUP[name]);

    await world.stack.stopAll();
    await world.db.destroy();
    await world.cluster.stop();
    live = undefined;
  }, 300000);

  it('restores into fresh databases, refuses a database that is not empty, and a new cluster starts on them', async () => {
    const restoring = await runScript('restore.mjs', ['--from', backupDir, ...urlsOf(RESTORED, `${RESTORED}_app`)]);
    expect({ code: restoring.code, output: restoring.output }).toEqual({ code: 0, output: expect.stringContaining('Restore done') });
    figures.restore = `${(restoring.ms / 1000).toFixed(1)} s`;
    const again = await runScript('restore.mjs', ['--from', backupDir, ...urlsOf(RESTORED, `${RESTORED}_app`)]);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds \d+ table/);

    const started = Date.now();
    const cluster = await startTemporalCluster({ root: ROOT, adminUrl, name: RESTORED, reuseDatabases: true, log: () => undefined });
    figures.clusterOnRestored = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    await migrate(urlOf(`${RESTORED}_app`));
    const appsStarting = Date.now();
    const db = await connectDatabase(urlOf(`${RESTORED}_app`));
    // The deployment keeps its task queue: under another, the restored cycles would wait for a worker for ever.
    const stack = await ProcessStack.start({
      databaseUrl: urlOf(`${RESTORED}_app`),
      temporalAddress: cluster.address,
      env: { TEMPORAL_UPDATE_TIMEOUT_MS: '3000', TEMPORAL_TASK_QUEUE: liveTaskQueue },
    });
    restored = { cluster, stack, db };
    figures.restoredApps = `${((Date.now() - appsStarting) / 1000).toFixed(1)} s`;
  }, 300000);

  it('holds every step accepted before the backup once and none after it; the workflows agree with the database', async () => {
    const world = restored!;
    for (const name of CYCLES) expect(await timelineProblems(world.db, name, BEFORE_BACKUP[name])).toEqual([]);

    const connection = await Connection.connect({ address: world.cluster.address });
    try {
      const client = new Client({ connection, namespace: 'default', dataConverter: { payloadCodecs: [new SealingCodec(Buffer.from(TEST_PAYLOAD_KEY, 'base64'), [], false)] } });
      for (const name of CYCLES) {
        const script = scripts[name];
        let seen = '';
        // A timer that fell due while nothing ran (the plan's due time) is taken by the new worker: they agree once it is written.
        await waitUntil(
          `${name}: the workflow's state and the database to agree`,
          async () => {
            const state = await client.workflow.getHandle(modelMeetingWorkflowId(script.cycleId)).query(stateQuery);
            const [cycle] = await world.db.query<{ status: string; last_seq: number }[]>(`SELECT status, last_seq FROM cycles WHERE id = $1`, [script.cycleId]);
            const view = await world.stack.http.get(`/api/cycles/${script.cycleId}`, script.commune.staff.token);
            seen = JSON.stringify({ state: [state.stage, state.seq], database: [cycle.status, cycle.last_seq], api: [view.body?.status, view.body?.timeline?.length] });
            return state.stage === cycle.status && state.seq === cycle.last_seq && view.status === 200 && view.body.status === cycle.status && view.body.timeline.length === cycle.last_seq;
          },
          30000,
          250,
        ).catch((error: Error) => {
          throw new Error(`${error.message}: ${seen}`);
        });
      }
    } finally {
      await connection.close();
    }
    for (const name of CYCLES) expect(await timelineProblems(world.db, name, BEFORE_BACKUP[name])).toEqual([]);
  }, 120000);

  it('finishes every cycle to CLOSED with its Idempotency-Keys: nothing lost or doubled', async () => {
    const world = restored!;
    const started = Date.now();
    await Promise.all(CYCLES.map((name) => runSteps(world, name, BEFORE_BACKUP[name], scripts[name].steps.length)));
    figures.finish = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    for (const name of CYCLES) {
      expect({ name, problems: await finishedCycleProblems({ script: scripts[name], db: world.db, api: world.stack.http, answers: answers[name] }) }).toEqual({ name, problems: [] });
    }
    process.stdout.write(`  backup/restore: ${Object.entries(figures).map(([key, value]) => `${key} ${value}`).join('; ')}\n`);
  }, 180000);
});
