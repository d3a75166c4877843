// Phase 5, where a step's time goes: the apps restarted behind counting proxies (PostgreSQL round trips and
// statements, Temporal gRPC calls, for the API and the worker apart) with the API under the inspector; one
// cycle at concurrency 1, then reads of that cycle. Answers the calls per step kind, a few SQL samples and
// the API's CPU profile (latency is never measured through the proxies). The apps stay restarted: the
// bench's `apps` and `api` are the profiled ones from here on.
import { join } from 'node:path';
import { freePort } from '../../scripts/lib/net.mjs';
import { cancelBody } from '../../scripts/lib/step-bodies.mjs';
import { Api, STEP_KINDS, driveApiCycle, launchOpenCycle } from '../lib/api.mjs';
import { startCountingProxy } from '../lib/counting-proxy.mjs';
import { connectInspector, summariseProfile } from '../lib/inspector.mjs';
import { pacedLoad } from '../lib/paced-load.mjs';
import * as stack from '../lib/stack.mjs';
import { appsOf } from './setup.mjs';
import { round } from '../lib/stats.mjs';

export async function whereTimeGoes(bench) {
  const { log, servers, commune, cleanups } = bench;
  bench.ensureAlive();
  log('\n── 5. Where a step’s time goes (apps restarted behind counting proxies; one cycle at concurrency 1) ──');
  await bench.apps.api.stop();
  await bench.apps.worker.stop();
  const proxies = {
    apiPg: await startCountingProxy({ target: hostPort(servers.postgres.databaseUrl), protocol: 'pg' }),
    workerPg: await startCountingProxy({ target: hostPort(servers.postgres.databaseUrl), protocol: 'pg' }),
    apiTemporal: await startCountingProxy({ target: servers.temporal.address, protocol: 'h2' }),
    workerTemporal: await startCountingProxy({ target: servers.temporal.address, protocol: 'h2' }),
  };
  for (const proxy of Object.values(proxies)) cleanups.add('counting proxy', () => proxy.stop());
  // The worker and the API get their own proxies; the API also an inspector port, to profile its CPU.
  const inspectorPort = await freePort();
  const apps = await startProfiledApps(bench, proxies, inspectorPort);
  const api = new Api(apps.baseUrl);
  bench.apps = apps;
  bench.api = api;
  const inspector = await connectInspector(inspectorPort);
  // One launch and cancel first, so connections and first-use work do not count against the profiled cycle.
  const { id: warm } = await launchOpenCycle(api, commune);
  await api.expect(200, 'POST', `/api/cycles/${warm}/cancel`, { token: commune.staff.token, body: cancelBody('Khởi động trước khi đo') });
  for (const proxy of Object.values(proxies)) proxy.snapshot();
  const perStep = [];
  await inspector.start();
  const profiledCycle = await driveApiCycle(api, commune, {
    leadMs: 1500,
    record: () => {},
    onStep: (kind) => {
      const taken = Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.snapshot()]));
      perStep.push({ kind, ...taken });
    },
  });
  const stepsProfile = summariseProfile(await inspector.stop());
  const counts = countsByKind(perStep);
  const sqlSamples = Object.fromEntries(
    ['rsvp', 'critique', 'meeting'].map((kind) => {
      const sample = perStep.find((entry) => entry.kind === kind);
      return [kind, { api: sample.apiPg.sql.map(shorten), worker: sample.workerPg.sql.map(shorten) }];
    }),
  );
  // The cycle view, read as in phase 3 (a closed cycle, committee staff) for a fixed number of requests.
  const readPath = `/api/cycles/${profiledCycle.cycleId}`;
  const readLoad = { url: `${apps.baseUrl}${readPath}`, headers: { authorization: `Bearer ${commune.staff.token}`, accept: 'application/json' } };
  await pacedLoad({ ...readLoad, rate: 50, seconds: 1 });
  for (const proxy of Object.values(proxies)) proxy.snapshot();
  await inspector.start();
  const profiledReads = await pacedLoad({ ...readLoad, rate: 100, seconds: 4 });
  const readsProfile = summariseProfile(await inspector.stop());
  const readCounts = proxies.apiPg.snapshot();
  inspector.close();
  const apiProfile = {
    note: 'self time of the API process (inspector CPU profile, 500 µs sampling; the profiler inflates absolute times, shares are what count) during one profiled cycle and during reads of that cycle',
    steps: { ...stepsProfile, ms_per_step: round(stepsProfile.busy_ms / Math.max(1, perStep.length), 1) },
    cycle_reads: {
      ...readsProfile,
      requests: profiledReads.requests,
      ms_per_request: round(readsProfile.busy_ms / Math.max(1, profiledReads.requests), 2),
      pg_round_trips_per_request: round(readCounts.roundTrips / Math.max(1, profiledReads.requests), 1),
    },
  };
  return { counts, sqlSamples, apiProfile };
}

/** The worker and the API again, each talking to PostgreSQL and Temporal through its own counting proxies. */
async function startProfiledApps({ servers, client, taskQueue, bundles, logsDir, cleanups, onUnexpectedExit }, proxies, inspectorPort) {
  const viaProxy = (databaseUrl, proxy) => Object.assign(new URL(databaseUrl), { host: proxy.address }).toString();
  const apiPort = await freePort();
  const env = { ...stack.appEnvironment({ servers, taskQueue, apiPort }), WORKFLOW_BUNDLE_PATH: bundles.ours };
  const worker = stack.startApp({
    name: 'worker (profiled)',
    entry: 'dist/apps/worker/main.js',
    env: { ...env, DATABASE_URL: viaProxy(env.DATABASE_URL, proxies.workerPg), TEMPORAL_ADDRESS: proxies.workerTemporal.address },
    logFile: join(logsDir, 'worker-profiled.log'),
    onUnexpectedExit,
  });
  cleanups.add('worker (profiled)', () => worker.stop(5000));
  const apiApp = stack.startApp({
    name: 'API (profiled)',
    nodeArgs: [`--inspect=127.0.0.1:${inspectorPort}`],
    entry: 'dist/apps/api/main.js',
    env: { ...env, DATABASE_URL: viaProxy(env.DATABASE_URL, proxies.apiPg), TEMPORAL_ADDRESS: proxies.apiTemporal.address },
    logFile: join(logsDir, 'api-profiled.log'),
    onUnexpectedExit,
  });
  cleanups.add('API (profiled)', () => apiApp.stop(5000));
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.all([stack.waitForHealthy(baseUrl, apiApp), stack.waitForPollers(client, taskQueue)]);
  return appsOf([Object.assign(apiApp, { baseUrl })], [worker]);
}

function hostPort(databaseUrl) {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}`;
}

function shorten(sql) {
  return sql.length > 140 ? `${sql.slice(0, 137)}…` : sql;
}

/** Mean calls per step of each kind, from the proxies' counts taken after each step. */
function countsByKind(entries) {
  return Object.fromEntries(
    STEP_KINDS.map((kind) => {
      const mine = entries.filter((entry) => entry.kind === kind);
      const mean = (pick) => round(mine.reduce((sum, entry) => sum + pick(entry), 0) / Math.max(1, mine.length), 1);
      return [
        kind,
        {
          steps: mine.length,
          api_pg_round_trips: mean((entry) => entry.apiPg.roundTrips),
          api_pg_statements: mean((entry) => entry.apiPg.statements),
          worker_pg_round_trips: mean((entry) => entry.workerPg.roundTrips),
          worker_pg_statements: mean((entry) => entry.workerPg.statements),
          api_temporal_calls: mean((entry) => entry.apiTemporal.calls),
          worker_temporal_calls: mean((entry) => entry.workerTemporal.calls),
        },
      ];
    }),
  );
}
