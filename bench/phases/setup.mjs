// Phase 0, set-up of one shape (plan.mjs's SHAPES): builds (once a run), starts the stack (lib/stack.mjs),
// the apps in production mode from prebuilt workflow bundles (as many APIs and workers as the shape has), and
// the floor's workers; seeds a commune through the API; starts watching memory and CPU and measures the
// stack's idle CPU. Answers `bench`, what every later phase works with:
//   plan, shape, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures   (from run.mjs)
//   servers, client, taskQueue, floorQueue, logsDir, bundles, pgMonitor      (the stack)
//   providers (lib/providers.mjs: SMTP, Zalo ZNS and eSMS on 127.0.0.1, and what each received)
//   apps { apis, workers, api, worker, baseUrl, baseUrls }                    (replaced when phase 5 restarts them;
//                                                                              api, worker, baseUrl: the first)
//   api (client of every API in turn, as a load balancer spreads requests)
//   floorWorkers, floorWorker (the first), commune, cpu (cpuMeter over the stack's processes), openCycles
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { ROOT, build } from '../../scripts/lib/bootstrap.mjs';
import { freePort } from '../../scripts/lib/net.mjs';
import { WORKER_ENVIRONMENT, WORKER_NODE_FLAGS } from '../../scripts/lib/node-flags.mjs';
import { Api, seedCommune } from '../lib/api.mjs';
import { cpuMeter } from '../lib/cpu.mjs';
import { openCycles } from '../lib/cycles.mjs';
import { startProviders } from '../lib/providers.mjs';
import * as stack from '../lib/stack.mjs';
import { INVITED_CELLS, SHAPES } from '../plan.mjs';

/**
 * `shared` lives for the whole run (both shapes): the build and the workflow bundles' code are made once.
 */
export async function setUp({ plan, shape = 'dev', shared = {}, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures }) {
  if (!shared.built) {
    build(log);
    shared.built = true;
  }
  const counts = SHAPES[shape];
  const servers = await stack.startServers({ cleanups, log, shape, onUnexpectedExit });
  const { client } = servers;
  const runId = randomUUID().slice(0, 8);
  const taskQueue = `bench-model-meeting-${runId}`;
  const floorQueue = `bench-floor-${runId}`;
  const logsDir = join(servers.workDir, 'logs');
  mkdirSync(logsDir, { recursive: true });
  // Workers load prebuilt bundles, as production does (WORKFLOW_BUNDLE_PATH): no webpack in the worker processes.
  shared.bundleCode ??= {
    ours: await bundleCode(join(ROOT, 'dist/workflows/index.js')),
    floor: await bundleCode(join(ROOT, 'bench/floor/floor.workflow.ts')),
  };
  const bundles = {
    ours: writeBundle(shared.bundleCode.ours, join(servers.workDir, 'workflow-bundle.js')),
    floor: writeBundle(shared.bundleCode.floor, join(servers.workDir, 'floor-bundle.js')),
  };
  const pgMonitor = new pg.Client({ connectionString: servers.postgres.databaseUrl, application_name: 'bench-monitor' });
  await pgMonitor.connect();
  cleanups.add('PostgreSQL monitor connection', () => pgMonitor.end());
  const bench = { plan, shape, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures, servers, client, taskQueue, floorQueue, logsDir, bundles, pgMonitor };

  // ── the apps ───────────────────────────────────────────────────────────────────────────────────────
  // The channels' providers first (phase 8): the workers are started with their addresses.
  bench.providers = await startProviders({ cleanups });
  log(`• SMTP, Zalo ZNS and eSMS providers on 127.0.0.1, each answer after ${bench.providers.latencyMs.join('–')} ms`);
  bench.apps = await startApps(bench, counts);
  log(
    `• ${describeApps(bench.apps)} up, NODE_ENV=production, task queue ${taskQueue}: ` +
      `API ${bench.apps.baseUrls.join(', ')} (pid ${bench.apps.apis.map((app) => app.pid).join(', ')}), worker pid ${bench.apps.workers.map((app) => app.pid).join(', ')}`,
  );

  // As many floor workers as workers: the floor gets the same worker count as ours.
  const floorWorkers = Array.from({ length: counts.floorWorkers }, (_, index) => {
    const name = counts.floorWorkers > 1 ? `floor worker ${index + 1}` : 'floor worker';
    const floorWorker = stack.forkModule({
      name,
      modulePath: join(ROOT, 'bench/floor/floor-worker.mjs'),
      args: [JSON.stringify({ address: servers.temporal.address, namespace: stack.NAMESPACE, taskQueue: floorQueue, bundlePath: bundles.floor })],
      logFile: join(logsDir, `${name.replaceAll(' ', '-')}.log`),
      onUnexpectedExit,
    });
    cleanups.add(name, () => floorWorker.stop(5000));
    return floorWorker;
  });
  await Promise.all(floorWorkers.map((floorWorker) => floorWorker.ready));
  await stack.waitForPollers(client, floorQueue, { count: floorWorkers.length });
  log(`• ${floorWorkers.length} floor worker${floorWorkers.length > 1 ? 's' : ''} (pid ${floorWorkers.map((floorWorker) => floorWorker.pid).join(', ')}) polling ${floorQueue}`);
  bench.floorWorkers = floorWorkers;
  bench.floorWorker = floorWorkers[0];

  bench.api = new Api(bench.apps.baseUrls);
  bench.commune = await seedCommune(bench.api, { adminPassword: stack.BENCH_ADMIN_PASSWORD, cellCount: INVITED_CELLS + 1 });
  log(`• Seeded through the API: a committee, staff, ${bench.commune.cells.length} cells and secretaries, all logged in (${elapsed()})`);
  bench.openCycles = openCycles(bench);

  // ── what is watched from now on ────────────────────────────────────────────────────────────────────
  // Every process of a kind is summed (CPU) or read apart (memory: the largest and the sum); the apps are
  // read through bench.apps, which phase 5 replaces.
  const pidsOf = (apps) => apps.map((app) => app.pid);
  figures.watch(() => ({
    api: pidsOf(bench.apps.apis),
    worker: pidsOf(bench.apps.workers),
    floor_worker: pidsOf(floorWorkers),
    temporal: servers.temporal.pids(),
  }));
  figures.snapshotMemory('setup (idle)');
  const temporalDatabases = servers.temporal.details.databases ? Object.values(servers.temporal.details.databases) : [];
  bench.cpu = cpuMeter(async () => {
    const backends = await pgMonitor.query(`SELECT pid, datname FROM pg_stat_activity WHERE (datname = current_database() OR datname = ANY($1)) AND pid <> pg_backend_pid()`, [
      temporalDatabases,
    ]);
    const ofDatabases = (temporal) => backends.rows.filter((row) => temporalDatabases.includes(row.datname) === temporal).map((row) => row.pid);
    return {
      api: pidsOf(bench.apps.apis),
      worker: pidsOf(bench.apps.workers),
      floor_worker: pidsOf(floorWorkers),
      temporal: servers.temporal.pids(),
      postgres: ofDatabases(false),
      // The cluster's persistence (the dev server keeps its SQLite inside its own process, counted as temporal).
      ...(temporalDatabases.length ? { temporal_postgres: ofDatabases(true) } : {}),
      bench: [process.pid],
    };
  });
  await figures.measureIdle(bench.cpu);
  return bench;
}

/**
 * The apps as the phases read them: the lists, the first of each (what the dev-only phases use), and every
 * API's address. `apis`: startApp's handles, each with its `baseUrl`.
 */
export function appsOf(apis, workers) {
  return { apis, workers, api: apis[0], worker: workers[0], baseUrl: apis[0].baseUrl, baseUrls: apis.map((api) => api.baseUrl) };
}

const describeApps = (apps) => `${apps.apis.length} API${apps.apis.length > 1 ? 's' : ''} and ${apps.workers.length} worker${apps.workers.length > 1 ? 's' : ''}`;

/**
 * The workers and the APIs as separate production-mode processes, healthy and polling; all with the same
 * settings, each API on a port of its own.
 */
async function startApps({ servers, client, taskQueue, bundles, logsDir, cleanups, onUnexpectedExit, providers }, counts) {
  const apiPorts = await Promise.all(Array.from({ length: counts.apis }, () => freePort()));
  const envFor = (apiPort) => ({ ...stack.appEnvironment({ servers, taskQueue, apiPort, channels: providers.env }), WORKFLOW_BUNDLE_PATH: bundles.ours });
  const numbered = (name, index, count) => (count > 1 ? `${name} ${index + 1}` : name);
  const workers = Array.from({ length: counts.workers }, (_, index) => {
    const name = numbered('worker', index, counts.workers);
    const worker = stack.startApp({
      name,
      entry: 'dist/apps/worker/main.js',
      env: { ...WORKER_ENVIRONMENT, ...envFor(apiPorts[0]) },
      logFile: join(logsDir, `${name.replaceAll(' ', '-')}.log`),
      onUnexpectedExit,
      nodeArgs: WORKER_NODE_FLAGS,
    });
    cleanups.add(name, () => worker.stop(5000));
    return worker;
  });
  const apis = apiPorts.map((apiPort, index) => {
    const name = numbered('API', index, counts.apis);
    const app = stack.startApp({ name, entry: 'dist/apps/api/main.js', env: envFor(apiPort), logFile: join(logsDir, `${name.replaceAll(' ', '-').toLowerCase()}.log`), onUnexpectedExit });
    cleanups.add(name, () => app.stop(5000));
    return Object.assign(app, { baseUrl: `http://127.0.0.1:${apiPort}` });
  });
  await Promise.all([...apis.map((api) => stack.waitForHealthy(api.baseUrl, api)), stack.waitForPollers(client, taskQueue, { count: workers.length })]);
  return appsOf(apis, workers);
}

async function bundleCode(workflowsPath) {
  return (await bundleWorkflowCode({ workflowsPath, logger: quietLogger })).code;
}

function writeBundle(code, output) {
  writeFileSync(output, code);
  return output;
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message), log() {} };
