// Phase 0, set-up: builds, starts the stack (lib/stack.mjs), the apps in production mode from prebuilt
// workflow bundles, and the floor's worker; seeds a commune through the API; starts watching memory and
// CPU and measures the stack's idle CPU. Answers `bench`, what every later phase works with:
//   plan, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures     (from run.mjs)
//   servers, client, taskQueue, floorQueue, logsDir, bundles, pgMonitor      (the stack)
//   providers (lib/providers.mjs: SMTP, Zalo ZNS and eSMS on 127.0.0.1, and what each received)
//   apps { api, worker, baseUrl }, api (client of apps.baseUrl)              (replaced when phase 5 restarts them)
//   floorWorker, commune, cpu (cpuMeter over the stack's processes), openCycles
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import pg from 'pg';
import { ROOT, build } from '../../scripts/lib/bootstrap.mjs';
import { freePort } from '../../scripts/lib/net.mjs';
import { Api, seedCommune } from '../lib/api.mjs';
import { cpuMeter } from '../lib/cpu.mjs';
import { openCycles } from '../lib/cycles.mjs';
import { startProviders } from '../lib/providers.mjs';
import * as stack from '../lib/stack.mjs';
import { INVITED_CELLS } from '../plan.mjs';

export async function setUp({ plan, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures }) {
  build(log);
  const servers = await stack.startServers({ cleanups, log });
  const { client } = servers;
  const runId = randomUUID().slice(0, 8);
  const taskQueue = `bench-model-meeting-${runId}`;
  const floorQueue = `bench-floor-${runId}`;
  const logsDir = join(servers.workDir, 'logs');
  mkdirSync(logsDir, { recursive: true });
  // Workers load prebuilt bundles, as production does (WORKFLOW_BUNDLE_PATH): no webpack in the worker processes.
  const bundles = {
    ours: await writeBundle(join(ROOT, 'dist/workflows/index.js'), join(servers.workDir, 'workflow-bundle.js')),
    floor: await writeBundle(join(ROOT, 'bench/floor/floor.workflow.ts'), join(servers.workDir, 'floor-bundle.js')),
  };
  const pgMonitor = new pg.Client({ connectionString: servers.postgres.databaseUrl, application_name: 'bench-monitor' });
  await pgMonitor.connect();
  cleanups.add('PostgreSQL monitor connection', () => pgMonitor.end());
  const bench = { plan, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures, servers, client, taskQueue, floorQueue, logsDir, bundles, pgMonitor };

  // ── the apps ───────────────────────────────────────────────────────────────────────────────────────
  // The channels' providers first (phase 8): the worker is started with their addresses.
  bench.providers = await startProviders({ cleanups });
  log(`• SMTP, Zalo ZNS and eSMS providers on 127.0.0.1, each answer after ${bench.providers.latencyMs.join('–')} ms`);
  bench.apps = await startApps(bench);
  log(`• API ${bench.apps.baseUrl} (pid ${bench.apps.api.pid}) and worker (pid ${bench.apps.worker.pid}) up, NODE_ENV=production, task queue ${taskQueue}`);

  const floorWorker = stack.forkModule({
    name: 'floor worker',
    modulePath: join(ROOT, 'bench/floor/floor-worker.mjs'),
    args: [JSON.stringify({ address: servers.temporal.address, namespace: stack.NAMESPACE, taskQueue: floorQueue, bundlePath: bundles.floor })],
    logFile: join(logsDir, 'floor-worker.log'),
    onUnexpectedExit,
  });
  cleanups.add('floor worker', () => floorWorker.stop(5000));
  await floorWorker.ready;
  await stack.waitForPollers(client, floorQueue);
  log(`• Floor worker (pid ${floorWorker.pid}) polling ${floorQueue}`);
  bench.floorWorker = floorWorker;

  bench.api = new Api(bench.apps.baseUrl);
  bench.commune = await seedCommune(bench.api, { adminPassword: stack.BENCH_ADMIN_PASSWORD, cellCount: INVITED_CELLS + 1 });
  log(`• Seeded through the API: a committee, staff, ${bench.commune.cells.length} cells and secretaries, all logged in (${elapsed()})`);
  bench.openCycles = openCycles(bench);

  // ── what is watched from now on ────────────────────────────────────────────────────────────────────
  figures.watch(() => ({ api: bench.apps.api.pid, worker: bench.apps.worker.pid, floor_worker: floorWorker.pid, temporal: servers.temporal.pid }));
  figures.snapshotMemory('setup (idle)');
  bench.cpu = cpuMeter(async () => {
    const backends = await pgMonitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    return {
      api: [bench.apps.api.pid],
      worker: [bench.apps.worker.pid],
      floor_worker: [floorWorker.pid],
      temporal: [servers.temporal.pid],
      postgres: backends.rows.map((row) => row.pid),
      bench: [process.pid],
    };
  });
  await figures.measureIdle(bench.cpu);
  return bench;
}

/** The worker and the API as separate production-mode processes, healthy and polling. */
async function startApps({ servers, client, taskQueue, bundles, logsDir, cleanups, onUnexpectedExit, providers }) {
  const apiPort = await freePort();
  const env = { ...stack.appEnvironment({ servers, taskQueue, apiPort, channels: providers.env }), WORKFLOW_BUNDLE_PATH: bundles.ours };
  const worker = stack.startApp({ name: 'worker', entry: 'dist/apps/worker/main.js', env, logFile: join(logsDir, 'worker.log'), onUnexpectedExit });
  cleanups.add('worker', () => worker.stop(5000));
  const api = stack.startApp({ name: 'API', entry: 'dist/apps/api/main.js', env, logFile: join(logsDir, 'api.log'), onUnexpectedExit });
  cleanups.add('API', () => api.stop(5000));
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.all([stack.waitForHealthy(baseUrl, api), stack.waitForPollers(client, taskQueue)]);
  return { api, worker, baseUrl };
}

async function writeBundle(workflowsPath, output) {
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  writeFileSync(output, code);
  return output;
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message), log() {} };
