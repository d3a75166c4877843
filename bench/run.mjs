// npm run bench [-- --quick]: performance of the real stack on this machine, against a floor.
//
// Starts everything itself on free ports (a Temporal dev server with a file database, a fresh PostgreSQL
// database, the worker and the API as separate production-mode processes, and a worker for the floor),
// then measures:
//   1. step latency through the API: full cycles (14 invited cells, 33 steps) by 1, 10 and 50 concurrent clients;
//   2. the floor: a bare workflow with the same updates, activities and timers, driven straight through a
//      Temporal client at the same concurrency; overhead = ours / floor, and the ratio of history events;
//   3. reads: GET /api/cycles/:id and GET /api/me/tasks at a fixed 200 requests/s, evenly paced (open loop),
//      then with autocannon (whose rate limit sends each second's quota as a burst) and its capacity;
//   4. scale: step latency and worker memory with 10, 100 and 1,000 cycles open at once;
//   5. memory (RSS) of the API and the worker at the end of each phase;
//   6. where a step's time goes: the server-side span of each update in its history, CPU per step of each
//      process, and (apps restarted behind counting proxies, API under the inspector) PostgreSQL round trips,
//      Temporal calls and the API's CPU profile per step and per read.
// Prints tables, writes bench/results/latest.json, and ends with one line:
//   overhead_p50=<x> step_p99_ms=<y> reads_p99_ms=<z>
// Targets are printed next to the results (✓/✗), never asserted. --quick runs a short version (< 3 min).
import { ensureDependencies, reexecOnPinnedNode } from '../scripts/lib/bootstrap.mjs';

const FULL = {
  mode: 'full',
  warmupCycles: 2,
  levels: [
    { concurrency: 1, cycles: 6, rounds: 3 },
    { concurrency: 10, cycles: 30, rounds: 3 },
    { concurrency: 50, cycles: 50, rounds: 1 },
  ],
  readsSeconds: 20,
  autocannonSeconds: 10,
  scale: [10, 100, 1000],
  scaleCycles: 3,
};

// Quick leaves out 50 concurrent cycles (3,300 steps, most of a full run's time) and 1,000 open cycles.
const QUICK = {
  mode: 'quick',
  warmupCycles: 1,
  levels: [
    { concurrency: 1, cycles: 2, rounds: 2 },
    { concurrency: 10, cycles: 10, rounds: 1 },
  ],
  readsSeconds: 8,
  autocannonSeconds: 3,
  scale: [10, 100],
  scaleCycles: 2,
};

const READ_RATE = 200;
const INVITED_CELLS = 14;
const TARGET_CONCURRENCY = 10;
const HISTORIES_PER_LEVEL = 10;
const LAUNCH_CONCURRENCY = 20;

async function main() {
  const { performance } = await import('node:perf_hooks');
  const { mkdirSync, readFileSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { randomUUID } = await import('node:crypto');
  const { ROOT, build } = await import('../scripts/lib/bootstrap.mjs');
  const { freePort } = await import('../scripts/lib/net.mjs');
  const stack = await import('./lib/stack.mjs');
  const { Api, STEP_KINDS, driveApiCycle, launchOpenCycle, seedCommune } = await import('./lib/api.mjs');
  const { driveFloorCycle } = await import('./lib/floor.mjs');
  const { readHistory } = await import('./lib/history.mjs');
  const { startCountingProxy } = await import('./lib/counting-proxy.mjs');
  const { cpuMeter } = await import('./lib/cpu.mjs');
  const { pacedLoad } = await import('./lib/paced-load.mjs');
  const { connectInspector, summariseProfile } = await import('./lib/inspector.mjs');
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { default: pg } = await import('pg');
  const { median, ratio, round, slope, summarise, table } = await import('./lib/stats.mjs');
  const { default: autocannon } = await import('autocannon');

  const plan = process.argv.includes('--quick') ? QUICK : FULL;
  const runStarted = Date.now();
  const loadAtStart = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  const log = (line = '') => console.log(line);
  const elapsed = () => `${Math.round((Date.now() - runStarted) / 1000)} s`;
  const cleanups = new stack.Cleanups();
  let brokenBy = null;
  const onUnexpectedExit = (message) => {
    brokenBy ??= new Error(message);
  };
  const ensureAlive = () => {
    if (brokenBy) throw brokenBy;
  };
  const onSignal = (signal) => {
    log(`\n• ${signal}: stopping everything the bench started…`);
    // Cycles still in flight fail as their servers go away: nothing of theirs may stop the cleanup.
    brokenBy ??= new Error(`stopped by ${signal}`);
    process.on('uncaughtException', () => {});
    process.on('unhandledRejection', () => {});
    void cleanups.run(log).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    log(`• npm run bench (${plan.mode}) — this takes ${plan.mode === 'quick' ? 'about 2–3 minutes' : 'about 10 minutes'}`);
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
      ours: await writeBundle(bundleWorkflowCode, join(ROOT, 'dist/workflows/index.js'), join(servers.workDir, 'workflow-bundle.js')),
      floor: await writeBundle(bundleWorkflowCode, join(ROOT, 'bench/floor/floor.workflow.ts'), join(servers.workDir, 'floor-bundle.js')),
    };
    const pgMonitor = new pg.Client({ connectionString: servers.postgres.databaseUrl, application_name: 'bench-monitor' });
    await pgMonitor.connect();
    cleanups.add('PostgreSQL monitor connection', () => pgMonitor.end());

    // ── the apps ───────────────────────────────────────────────────────────────────────────────────────
    const startApps = async () => {
      const apiPort = await freePort();
      const env = { ...stack.appEnvironment({ servers, taskQueue, apiPort }), WORKFLOW_BUNDLE_PATH: bundles.ours };
      const worker = stack.startApp({ name: 'worker', entry: 'dist/apps/worker/main.js', env, logFile: join(logsDir, 'worker.log'), onUnexpectedExit });
      cleanups.add('worker', () => worker.stop(5000));
      const api = stack.startApp({ name: 'API', entry: 'dist/apps/api/main.js', env, logFile: join(logsDir, 'api.log'), onUnexpectedExit });
      cleanups.add('API', () => api.stop(5000));
      const baseUrl = `http://127.0.0.1:${apiPort}`;
      await Promise.all([stack.waitForHealthy(baseUrl, api), stack.waitForPollers(client, taskQueue)]);
      return { api, worker, baseUrl };
    };
    let apps = await startApps();
    log(`• API ${apps.baseUrl} (pid ${apps.api.pid}) and worker (pid ${apps.worker.pid}) up, NODE_ENV=production, task queue ${taskQueue}`);

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

    let api = new Api(apps.baseUrl);
    const commune = await seedCommune(api, { adminPassword: stack.BENCH_ADMIN_PASSWORD, cellCount: INVITED_CELLS + 1 });
    log(`• Seeded through the API: a committee, staff, ${commune.cells.length} cells and secretaries, all logged in (${elapsed()})`);

    const memory = [];
    const snapshotMemory = (phase) => {
      const entry = {
        phase,
        api: stack.memoryOf(apps.api.pid),
        worker: stack.memoryOf(apps.worker.pid),
        floor_worker: stack.memoryOf(floorWorker.pid),
        temporal: servers.temporal.pid ? stack.memoryOf(servers.temporal.pid) : null,
      };
      memory.push(entry);
      return entry;
    };
    snapshotMemory('setup (idle)');

    const cpu = cpuMeter(async () => {
      const backends = await pgMonitor.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
      return {
        api: [apps.api.pid],
        worker: [apps.worker.pid],
        floor_worker: [floorWorker.pid],
        temporal: [servers.temporal.pid],
        postgres: backends.rows.map((row) => row.pid),
        bench: [process.pid],
      };
    });
    // The stack's CPU when idle (pollers, timers, the dev server's own housekeeping), per second: phases of
    // different lengths would otherwise carry different shares of it.
    const stopIdle = await cpu.start();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const idle = await stopIdle();
    // (The bench process itself is left as measured: its own start-up work would pollute its idle reading.)
    const idlePerSecond = Object.fromEntries(
      Object.entries(idle.seconds)
        .filter(([name]) => name !== 'bench')
        .map(([name, value]) => [name, value / idle.wallSeconds]),
    );
    const cpuSummary = (used, steps) => {
      const net = Object.fromEntries(
        Object.entries(used.seconds).map(([name, value]) => [name, Math.max(0, value - (idlePerSecond[name] ?? 0) * used.wallSeconds)]),
      );
      const perStep = (seconds) => (steps ? round((seconds * 1000) / steps, 1) : null);
      return {
        wall_s: round(used.wallSeconds, 1),
        machine_busy_pct: round(used.machineBusyPct, 0),
        other_processes_pct: round(used.foreignPct, 0),
        cpu_ms_per_step: steps ? Object.fromEntries(Object.entries(net).map(([name, value]) => [name, perStep(value)])) : null,
        cpu_ms_per_step_total: perStep(Object.values(net).reduce((sum, value) => sum + value, 0)),
      };
    };
    const foreignLoad = [];

    // ── 1 + 2. steps through the API, and the floor, at each concurrency ───────────────────────────────
    /** Runs `cycles` full cycles with `concurrency` clients; returns the raw samples, CPU and outcomes. */
    const runCycles = async ({ concurrency, cycles, drive }) => {
      const run = { concurrency, byKind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, []])), all: [], errors: [], ids: [], traces: [] };
      let waitMs = 0;
      let timersFired = 0;
      let next = 0;
      const record = (kind, ms) => {
        run.byKind[kind].push(ms);
        run.all.push(ms);
      };
      const stopMeter = await cpu.start();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(concurrency, cycles) }, async () => {
          while (next < cycles) {
            next += 1;
            ensureAlive();
            // Each cycle's steps in order, to set against its history (steps of one cycle never overlap).
            const trace = [];
            const traced = (kind, ms) => {
              trace.push({ kind, ms });
              record(kind, ms);
            };
            try {
              const outcome = await drive({ record: traced, estimateMs: median(run.all.slice(-100)) });
              run.ids.push(outcome.cycleId ?? outcome.workflowId);
              run.traces.push({ workflowId: outcome.workflowId ?? `model-meeting-${outcome.cycleId}`, steps: trace });
              waitMs += outcome.waitMs;
              timersFired += outcome.timersFired;
            } catch (error) {
              run.errors.push(error.message);
            }
          }
        }),
      );
      run.wallMs = performance.now() - started;
      run.cpu = await stopMeter();
      run.cycles = cycles;
      run.waitMs = waitMs;
      run.timersFired = timersFired;
      // Time clients spent waiting for meetingAt is not the system's: steps/s counts the time they were sending.
      run.sendingMs = run.wallMs - waitMs / Math.min(concurrency, cycles);
      return run;
    };

    /** Several runs of one side at one concurrency, as one result. */
    const summariseRuns = (runs) => {
      const all = runs.flatMap((run) => run.all);
      const cpuUsed = mergeCpu(runs.map((run) => run.cpu));
      const used = cpuSummary(cpuUsed, all.length);
      foreignLoad.push(used.other_processes_pct);
      const errors = runs.flatMap((run) => run.errors);
      const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
      return {
        concurrency: runs[0].concurrency,
        cycles: sum((run) => run.cycles),
        rounds: runs.length,
        completed: sum((run) => run.ids.length),
        ids: runs.flatMap((run) => run.ids),
        traces: runs.flatMap((run) => run.traces),
        steps: all.length,
        errors: errors.length,
        error_samples: [...new Set(errors)].slice(0, 3),
        ...summarise(all),
        steps_per_s: round((all.length / sum((run) => run.sendingMs)) * 1000, 1),
        wall_s: round(sum((run) => run.wallMs) / 1000, 1),
        meeting_wait_s: round(sum((run) => run.waitMs) / 1000, 1),
        timers_fired: sum((run) => run.timersFired),
        by_kind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, summarise(runs.flatMap((run) => run.byKind[kind]))])),
        cpu: used,
      };
    };
    const oursDrive = ({ record, estimateMs }, concurrency) => {
      // meetingAt far enough ahead for launch, plan and 14 RSVPs at the latency seen so far; the rest is waited.
      const guess = estimateMs ?? 15 + 8 * concurrency;
      const leadMs = Math.max(800, Math.round(16 * guess * 1.3 + 200));
      return driveApiCycle(api, commune, { leadMs, record });
    };
    const floorDrive = ({ record }) => driveFloorCycle(client, floorQueue, commune, { record });

    log(`\n── 1+2. Steps through the API vs the floor (${plan.levels.map((level) => `${level.cycles} cycles at ${level.concurrency}`).join(', ')}) ──`);
    await runCycles({ concurrency: 1, cycles: plan.warmupCycles, drive: (options) => oursDrive(options, 1) });
    await runCycles({ concurrency: 1, cycles: plan.warmupCycles, drive: floorDrive });
    const levels = [];
    let firstTraces = null;
    for (const level of plan.levels) {
      ensureAlive();
      // Ours and the floor take turns, round by round, so both see the same background on a shared machine.
      const oursRuns = [];
      const floorRuns = [];
      for (let round = 0; round < level.rounds; round += 1) {
        const cycles = Math.round(level.cycles / level.rounds);
        oursRuns.push(await runCycles({ concurrency: level.concurrency, cycles, drive: (options) => oursDrive(options, level.concurrency) }));
        floorRuns.push(await runCycles({ concurrency: level.concurrency, cycles, drive: floorDrive }));
      }
      const ours = summariseRuns(oursRuns);
      const floor = summariseRuns(floorRuns);
      // Where the time went at this concurrency: each step against its update's span in the history.
      ours.temporal = await spanBreakdown(client, ours.traces.slice(0, HISTORIES_PER_LEVEL));
      floor.temporal = await spanBreakdown(client, floor.traces.slice(0, HISTORIES_PER_LEVEL));
      firstTraces ??= { ours: ours.traces[0], floor: floor.traces[0] };
      const entry = {
        ...ours,
        floor: strip(floor),
        overhead_p50: ratio(ours.p50_ms, floor.p50_ms),
        overhead_p99: ratio(ours.p99_ms, floor.p99_ms),
        overhead_cpu: ratio(ours.cpu.cpu_ms_per_step_total, floor.cpu.cpu_ms_per_step_total),
      };
      levels.push(entry);
      log(
        `  c=${String(level.concurrency).padStart(2)}: ours p50 ${ours.p50_ms} ms p99 ${ours.p99_ms} ms ${ours.steps_per_s} steps/s` +
          ` | floor p50 ${floor.p50_ms} ms p99 ${floor.p99_ms} ms ${floor.steps_per_s} steps/s` +
          ` | errors ${ours.errors}/${floor.errors} (${elapsed()})`,
      );
      for (const sample of ours.error_samples) log(`    ours error: ${sample}`);
      for (const sample of floor.error_samples) log(`    floor error: ${sample}`);
    }
    snapshotMemory('steps + floor');
    // Cycles cut short by an error stay open; cancel them so the scale phase counts only its own.
    const leftovers = await pgMonitor.query(`SELECT id FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
    for (const { id } of leftovers.rows) {
      await api.request('POST', `/api/cycles/${id}/cancel`, { token: commune.staff.token, body: { reason: 'Dừng sau lỗi trong lúc đo' } });
    }
    if (leftovers.rows.length) log(`  (cancelled ${leftovers.rows.length} cycles left open by errors)`);

    // History of one full cycle of each (concurrency 1).
    const oursHistory = await readHistory(client, firstTraces.ours.workflowId);
    const floorHistory = await readHistory(client, firstTraces.floor.workflowId);

    // ── 3. reads at a fixed rate ───────────────────────────────────────────────────────────────────────
    ensureAlive();
    log(`\n── 3. Reads at ${READ_RATE} requests/s, ${plan.readsSeconds} s per endpoint ──`);
    const openIds = [];
    const launchOpen = async (count) => {
      const latencies = [];
      let launched = 0;
      let errors = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: Math.min(LAUNCH_CONCURRENCY, count) }, async () => {
          while (launched < count) {
            launched += 1;
            ensureAlive();
            try {
              const opened = await launchOpenCycle(api, commune);
              openIds.push(opened.id);
              latencies.push(opened.ms);
            } catch (error) {
              errors += 1;
              launched -= 1;
              if (errors > Math.max(20, count / 5)) throw new Error(`too many failed launches (${errors}); last: ${error.message}`);
            }
          }
        }),
      );
      return { ...summarise(latencies), errors, seconds: round((performance.now() - started) / 1000, 1) };
    };
    const firstOpen = await launchOpen(plan.scale[0]);
    const closedCycleId = levels[0].ids[0];
    const readTargets = [
      { name: 'GET /api/cycles/:id', path: `/api/cycles/${closedCycleId}`, token: commune.staff.token, note: 'a closed cycle: 14 invitations, 14 critiques, full timeline; as committee staff' },
      { name: 'GET /api/me/tasks', path: '/api/me/tasks', token: commune.cells[1].secretary.token, note: `a visiting secretary with ${plan.scale[0]} open invitations` },
    ];
    const readResults = [];
    for (const target of readTargets) {
      const check = await api.expect(200, 'GET', target.path, { token: target.token });
      const rows = Array.isArray(check.body) ? check.body.length : null;
      const load = { url: `${apps.baseUrl}${target.path}`, headers: { authorization: `Bearer ${target.token}`, accept: 'application/json' } };
      await pacedLoad({ ...load, rate: 50, seconds: 1 });
      const stopMeter = await cpu.start();
      const result = await pacedLoad({ ...load, rate: READ_RATE, seconds: plan.readsSeconds });
      const used = await stopMeter();
      foreignLoad.push(round(used.foreignPct, 0));
      const perRequest = (seconds) => round((seconds * 1000) / Math.max(1, result.requests), 2);
      // The same with autocannon (its rate limit sends each second's quota in a burst at the start of the second).
      const burst = await fire(autocannon, { url: load.url, token: target.token, rate: READ_RATE, seconds: plan.autocannonSeconds });
      // And how many requests a second the API can answer at all (10 connections, no rate limit).
      const capacity = await fire(autocannon, { url: load.url, token: target.token, seconds: plan.autocannonSeconds, connections: 10 });
      readResults.push({
        endpoint: target.name,
        note: target.note,
        rows,
        ...result,
        cpu_ms_per_request: { api: perRequest(used.seconds.api ?? 0), postgres: perRequest(used.seconds.postgres ?? 0) },
        other_processes_pct: round(used.foreignPct, 0),
        autocannon: burst,
        capacity_req_per_s: capacity.achieved_rate,
        capacity_p50_ms: capacity.p50_ms,
      });
      log(
        `  ${target.name}: p50 ${result.p50_ms} ms p99 ${result.p99_ms} ms, ${result.requests} requests, ${result.errors} errors, ${result.achieved_rate} req/s` +
          ` | autocannon: p50 ${burst.p50_ms} ms p99 ${burst.p99_ms} ms, ${burst.errors} errors | capacity ${capacity.achieved_rate} req/s`,
      );
    }
    const reads = {
      rate: READ_RATE,
      generator: 'open loop, one request every 5 ms, latency from the scheduled send time (bench/lib/paced-load.mjs); autocannon figures beside',
      duration_s: plan.readsSeconds,
      p50_ms: Math.max(...readResults.map((result) => result.p50_ms)),
      p99_ms: Math.max(...readResults.map((result) => result.p99_ms)),
      errors: readResults.reduce((sum, result) => sum + result.errors, 0),
      endpoints: readResults,
    };
    snapshotMemory('reads');

    // ── 4. scale: open cycles waiting on their timers ──────────────────────────────────────────────────
    log(`\n── 4. Scale: ${plan.scale.join(' / ')} cycles open, step latency on ${plan.scaleCycles} fresh cycles each ──`);
    const scale = [];
    for (const target of plan.scale) {
      ensureAlive();
      const launches = target > openIds.length ? await launchOpen(target - openIds.length) : firstOpen;
      const openInDb = await countOpenCycles(servers.postgres.databaseUrl);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const workerBefore = stack.memoryOf(apps.worker.pid);
      const measured = summariseRuns([await runCycles({ concurrency: 1, cycles: plan.scaleCycles, drive: (options) => oursDrive(options, 1) })]);
      const after = snapshotMemory(`scale ${target} open`);
      scale.push({
        open_cycles: openInDb,
        step_p50_ms: measured.p50_ms,
        step_p95_ms: measured.p95_ms,
        step_p99_ms: measured.p99_ms,
        steps: measured.steps,
        errors: measured.errors,
        worker_rss_mb: after.worker?.rss_mb ?? null,
        worker_rss_idle_mb: workerBefore?.rss_mb ?? null,
        api_rss_mb: after.api?.rss_mb ?? null,
        launch_p50_ms: launches.p50_ms,
        launch_p99_ms: launches.p99_ms,
        launch_errors: launches.errors ?? 0,
        cpu_ms_per_step: measured.cpu.cpu_ms_per_step_total,
      cpu_ms_per_step_by_process: measured.cpu.cpu_ms_per_step,
        other_processes_pct: measured.cpu.other_processes_pct,
      });
      log(
        `  ${String(openInDb).padStart(5)} open: step p50 ${measured.p50_ms} ms p99 ${measured.p99_ms} ms; worker RSS ${after.worker?.rss_mb} MB` +
          ` (launches p50 ${launches.p50_ms} ms) (${elapsed()})`,
      );
    }
    const scaleSlope = slope(scale.map((point) => [point.open_cycles, point.step_p50_ms]));
    const scaleChange = ratio(scale[scale.length - 1].step_p50_ms, scale[0].step_p50_ms, 3);
    const cpuSlope = slope(scale.map((point) => [point.open_cycles, point.cpu_ms_per_step]));
    const cpuChange = ratio(scale[scale.length - 1].cpu_ms_per_step, scale[0].cpu_ms_per_step, 3);
    const memoryEnd = memory[memory.length - 1];

    // ── 6. where a step's time goes: counting proxies in front of PostgreSQL and Temporal ──────────────
    ensureAlive();
    log('\n── 5. Where a step’s time goes (apps restarted behind counting proxies; one cycle at concurrency 1) ──');
    await apps.api.stop();
    await apps.worker.stop();
    const proxies = {
      apiPg: await startCountingProxy({ target: hostPort(servers.postgres.databaseUrl), protocol: 'pg' }),
      workerPg: await startCountingProxy({ target: hostPort(servers.postgres.databaseUrl), protocol: 'pg' }),
      apiTemporal: await startCountingProxy({ target: servers.temporal.address, protocol: 'h2' }),
      workerTemporal: await startCountingProxy({ target: servers.temporal.address, protocol: 'h2' }),
    };
    for (const proxy of Object.values(proxies)) cleanups.add('counting proxy', () => proxy.stop());
    const viaProxy = (databaseUrl, proxy) => Object.assign(new URL(databaseUrl), { host: proxy.address }).toString();
    // The worker and the API get their own proxies; the API also an inspector port, to profile its CPU.
    const inspectorPort = await freePort();
    apps = await startProfiledApps();
    api = new Api(apps.baseUrl);
    const inspector = await connectInspector(inspectorPort);
    // One launch and cancel first, so connections and first-use work do not count against the profiled cycle.
    const { id: warm } = await launchOpenCycle(api, commune);
    await api.expect(200, 'POST', `/api/cycles/${warm}/cancel`, { token: commune.staff.token, body: { reason: 'Khởi động trước khi đo' } });
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

    async function startProfiledApps() {
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
      return { api: apiApp, worker, baseUrl };
    }

    // ── results ────────────────────────────────────────────────────────────────────────────────────────
    const atTarget = levels.find((level) => level.concurrency === TARGET_CONCURRENCY) ?? levels[0];
    const lastScale = scale[scale.length - 1];
    const machine = stack.describeMachine({
      temporal: `${servers.temporal.cli}; dev server with a SQLite file database, dynamic config history.maxInFlightUpdates=500`,
      postgres: `PostgreSQL ${servers.postgres.version} (${servers.postgres.kind})`,
      comparison:
        'ours (HTTP → Nest API → Temporal update → modelMeeting → activity → PostgreSQL) vs a bare workflow (same updates, ' +
        'one no-op activity each, same timers) driven by a Temporal client, on the same dev server and machine',
    });
    const results = {
      machine,
      date: new Date().toISOString(),
      mode: plan.mode,
      cycle: `${INVITED_CELLS} invited cells, ${2 * INVITED_CELLS + 5} steps: launch, plan, ${INVITED_CELLS} RSVPs, meeting, ${INVITED_CELLS} critiques, report, review`,
      step: {
        concurrency: atTarget.concurrency,
        p50_ms: atTarget.p50_ms,
        p95_ms: atTarget.p95_ms,
        p99_ms: atTarget.p99_ms,
        steps_per_s: atTarget.steps_per_s,
        by_kind: atTarget.by_kind,
      },
      floor: {
        concurrency: atTarget.concurrency,
        p50_ms: atTarget.floor.p50_ms,
        p95_ms: atTarget.floor.p95_ms,
        p99_ms: atTarget.floor.p99_ms,
        steps_per_s: atTarget.floor.steps_per_s,
      },
      overhead_p50: atTarget.overhead_p50,
      overhead_p99: atTarget.overhead_p99,
      overhead_cpu: atTarget.overhead_cpu,
      history_events_ratio: ratio(oursHistory.events, floorHistory.events),
      history: { ours: strip(oursHistory, ['updates']), floor: strip(floorHistory, ['updates']) },
      step_by_concurrency: levels.map((level) => strip(level)),
      scale,
      scale_slope: {
        ms_per_1000_open_cycles: round(scaleSlope === null ? null : scaleSlope * 1000, 2),
        p50_change: scaleChange === null ? null : round((scaleChange - 1) * 100, 1),
        p50_change_unit: '% from the fewest to the most open cycles',
        cpu_ms_per_step_per_1000_open_cycles: round(cpuSlope === null ? null : cpuSlope * 1000, 2),
        cpu_per_step_change: cpuChange === null ? null : round((cpuChange - 1) * 100, 1),
        range: `${scale[0].open_cycles} → ${lastScale.open_cycles} open cycles`,
      },
      reads,
      rss_mb: {
        phase: memoryEnd.phase,
        api: memoryEnd.api?.rss_mb ?? null,
        worker: memoryEnd.worker?.rss_mb ?? null,
        floor_worker: memoryEnd.floor_worker?.rss_mb ?? null,
        temporal_dev_server: memoryEnd.temporal?.rss_mb ?? null,
        api_peak: memoryEnd.api?.peak_mb ?? null,
        worker_peak: memoryEnd.worker?.peak_mb ?? null,
      },
      rss_by_phase: memory,
      idle_cpu_pct: Object.fromEntries(Object.entries(idlePerSecond).map(([name, value]) => [name, round(value * 100, 1)])),
      load: {
        note: 'CPU used by processes outside the bench’s stack while it measured, as a share of all cores; the machine is shared',
        other_processes_pct_median: median(foreignLoad.filter((value) => value !== null)),
        other_processes_pct_max: Math.max(...foreignLoad.filter((value) => value !== null)),
        loadavg_at_start: loadAtStart,
        loadavg_at_end: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
      },
      where_time_goes: {
        note:
          'total = client-measured step latency; temporal_span = the update on the server, from the workflow task that accepted it to the ' +
          'update completed (history event times); activity = the activity run; outside_temporal = total − span (HTTP, auth, access ' +
          'checks, reading the answer back, gRPC to the server); medians over up to ' + HISTORIES_PER_LEVEL + ' cycles per level',
        by_concurrency: levels.map((level) => ({ concurrency: level.concurrency, ours: level.temporal, floor: level.floor.temporal })),
        per_step_counts: counts,
        sql_samples: sqlSamples,
        api_cpu_profile: apiProfile,
      },
      settings: {
        api_and_worker: 'NODE_ENV=production, DATABASE_POOL_SIZE=10 (default), request log to a file, no Idempotency-Key',
        windows: 'critique and report windows PT1H (no timer fires during a cycle); meetingAt just ahead of the RSVPs',
        reads:
          `paced open-loop GETs at ${READ_RATE}/s for ${plan.readsSeconds} s per endpoint after 1 s at 50/s; then autocannon ` +
          `(overallRate ${READ_RATE}, 50 connections) for ${plan.autocannonSeconds} s`,
      },
    };
    results.targets = targets(results, plan);
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    const output = join(ROOT, 'bench/results/latest.json');
    writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
    // Also by mode, so a quick run does not hide the last full one.
    writeFileSync(join(ROOT, `bench/results/latest-${plan.mode}.json`), `${JSON.stringify(results, null, 2)}\n`);

    printReport(results, { log, table, output, elapsed });
    log(`overhead_p50=${results.overhead_p50} step_p99_ms=${results.step.p99_ms} reads_p99_ms=${results.reads.p99_ms}`);
    return 0;
  } catch (error) {
    if (String(error?.message).startsWith('stopped by')) log('• Stopped before the end; nothing written.');
    else console.error(`✗ bench failed: ${error.stack ?? error.message}`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanups.run(log);
  }

  /**
   * Per step kind and overall (medians): the client-measured total, the update's span on the server (from
   * the workflow task that accepted it to the update completed, history event times), the run time of its
   * activity, and what is left outside Temporal (HTTP, auth, access checks, reading the answer, gRPC).
   */
  async function spanBreakdown(client, traces) {
    const rows = [];
    for (const trace of traces) {
      const { updates } = await readHistory(client, trace.workflowId);
      if (updates.length !== trace.steps.length) continue;
      trace.steps.forEach((step, index) => rows.push({ kind: step.kind, ms: step.ms, ...updates[index] }));
    }
    const summary = (mine) => {
      const of = (pick) => round(median(mine.map(pick)));
      return {
        total_ms: of((row) => row.ms),
        temporal_span_ms: of((row) => row.spanMs),
        accept_task_ms: of((row) => row.acceptMs),
        activity_dispatch_ms: of((row) => row.dispatchMs),
        activity_ms: of((row) => row.activityMs),
        finish_task_ms: of((row) => row.finishMs),
        outside_temporal_ms: of((row) => row.ms - row.spanMs),
      };
    };
    return {
      cycles: traces.length,
      all: summary(rows),
      by_kind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, summary(rows.filter((row) => row.kind === kind))])),
    };
  }

  function strip(object, keys = ['ids', 'traces']) {
    return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
  }

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
}

/** CPU readings of several stretches as one (shares weighted by wall time). */
function mergeCpu(readings) {
  const wallSeconds = readings.reduce((sum, reading) => sum + reading.wallSeconds, 0);
  const seconds = {};
  for (const reading of readings) for (const [name, value] of Object.entries(reading.seconds)) seconds[name] = (seconds[name] ?? 0) + value;
  const weighted = (pick) => readings.reduce((sum, reading) => sum + (pick(reading) ?? 0) * reading.wallSeconds, 0) / Math.max(1e-9, wallSeconds);
  return {
    wallSeconds,
    seconds,
    oursSeconds: readings.reduce((sum, reading) => sum + reading.oursSeconds, 0),
    machineBusyPct: weighted((reading) => reading.machineBusyPct),
    foreignPct: weighted((reading) => reading.foreignPct),
  };
}

async function writeBundle(bundleWorkflowCode, workflowsPath, output) {
  const { writeFileSync } = await import('node:fs');
  const { code } = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  writeFileSync(output, code);
  return output;
}

const quietLogger = { trace() {}, debug() {}, info() {}, warn: (message) => console.warn(message), error: (message) => console.error(message), log() {} };

function hostPort(databaseUrl) {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || 5432}`;
}

function shorten(sql) {
  return sql.length > 140 ? `${sql.slice(0, 137)}…` : sql;
}

async function countOpenCycles(databaseUrl) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS open FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
    return rows[0].open;
  } finally {
    await client.end();
  }
}

/** autocannon at a fixed overall rate; latencies in ms, errors = transport errors + timeouts + non-2xx. */
async function fire(autocannon, { url, token, rate, seconds, connections = 50 }) {
  const result = await autocannon({
    url,
    // Enough connections to hold the rate even if answers slow down (each carries rate / connections).
    connections,
    ...(rate ? { overallRate: rate } : {}),
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  return {
    p50_ms: result.latency.p50,
    p90_ms: result.latency.p90,
    p99_ms: result.latency.p99,
    max_ms: result.latency.max,
    requests: result.requests.total,
    achieved_rate: Math.round(result.requests.total / seconds),
    bytes_per_response: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

function targets(results, plan) {
  const lastScale = results.scale[results.scale.length - 1];
  const firstScale = results.scale[0];
  const change = results.scale_slope.p50_change;
  const ok = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  const upTo = lastScale.open_cycles;
  const rows = [
    { what: 'overhead p50 (ours / floor), c=10', target: '≤ 1.15', value: results.overhead_p50, ok: ok(results.overhead_p50, 1.15) },
    { what: 'overhead p99 (ours / floor), c=10', target: '≤ 1.3', value: results.overhead_p99, ok: ok(results.overhead_p99, 1.3) },
    { what: 'step p99 at 10 concurrent cycles', target: '≤ 150 ms', value: results.step.p99_ms, ok: ok(results.step.p99_ms, 150) },
    { what: `reads p99 at ${results.reads.rate} req/s`, target: '≤ 50 ms', value: results.reads.p99_ms, ok: ok(results.reads.p99_ms, 50) },
    {
      what: `step p50 flat, ${firstScale.open_cycles} → ${upTo} open${plan.mode === 'quick' ? ' (quick: not 1,000)' : ''}`,
      target: 'within 20%',
      value: change === null ? null : `${change > 0 ? '+' : ''}${change}%`,
      ok: change === null ? null : Math.abs(change) <= 20,
    },
    {
      what: `worker RSS with ${upTo} open${plan.mode === 'quick' ? ' (quick: not 1,000)' : ''}`,
      target: '≤ 300 MB',
      value: lastScale.worker_rss_mb,
      ok: ok(lastScale.worker_rss_mb, 300),
    },
  ];
  return rows;
}

function printReport(results, { log, table, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Temporal: ${m.temporal}`);
  log(`PostgreSQL: ${m.postgres}`);
  log(`Compared: ${m.comparison}`);
  log(`Cycle: ${results.cycle}. Mode: ${results.mode}${results.mode === 'quick' ? ' (50 concurrent cycles and 1,000 open cycles only in the full run)' : ''}.`);

  log('\nStep latency (ms) — ours through the API vs the floor');
  log(
    table(
      ['concurrency', 'side', 'cycles', 'steps', 'errors', 'p50', 'p95', 'p99', 'steps/s', 'overhead p50', 'overhead p99'],
      results.step_by_concurrency.flatMap((level) => [
        [level.concurrency, 'ours', level.completed, level.steps, level.errors, level.p50_ms, level.p95_ms, level.p99_ms, level.steps_per_s, level.overhead_p50, level.overhead_p99],
        [level.concurrency, 'floor', level.floor.completed, level.floor.steps, level.floor.errors, level.floor.p50_ms, level.floor.p95_ms, level.floor.p99_ms, level.floor.steps_per_s, null, null],
      ]),
    ),
  );

  log('\nPer step kind (ms): p50 / p99, ours vs floor');
  const kinds = Object.keys(results.step_by_concurrency[0].by_kind);
  log(
    table(
      ['kind', ...results.step_by_concurrency.flatMap((level) => [`ours c=${level.concurrency}`, `floor c=${level.concurrency}`])],
      kinds.map((kind) => [
        kind,
        ...results.step_by_concurrency.flatMap((level) => [
          `${level.by_kind[kind].p50_ms} / ${level.by_kind[kind].p99_ms}`,
          `${level.floor.by_kind[kind].p50_ms} / ${level.floor.by_kind[kind].p99_ms}`,
        ]),
      ]),
    ),
  );

  const h = results.history;
  log(
    `\nHistory of one cycle: ours ${h.ours.events} events (${Math.round(h.ours.bytes / 1024)} KiB), floor ${h.floor.events} events ` +
      `(${Math.round(h.floor.bytes / 1024)} KiB): ratio ${results.history_events_ratio}`,
  );
  const types = [...new Set([...Object.keys(h.ours.byType), ...Object.keys(h.floor.byType)])].sort();
  log(table(['event type', 'ours', 'floor'], types.map((type) => [type, h.ours.byType[type] ?? 0, h.floor.byType[type] ?? 0])));

  log(`\nReads at ${results.reads.rate} req/s: evenly paced (open loop, ${results.reads.duration_s} s each), and autocannon’s per-second bursts`);
  log(
    table(
      ['endpoint', 'generator', 'rows', 'bytes', 'requests', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors', 'send lag p99', 'API CPU ms/req', 'PG CPU ms/req', 'others %', 'capacity req/s'],
      results.reads.endpoints.flatMap((e) => [
        [
          e.endpoint,
          'paced',
          e.rows,
          e.bytes_per_response,
          e.requests,
          e.achieved_rate,
          e.p50_ms,
          e.p90_ms,
          e.p99_ms,
          e.max_ms,
          e.errors,
          e.send_lag_p99_ms,
          e.cpu_ms_per_request.api,
          e.cpu_ms_per_request.postgres,
          e.other_processes_pct,
          e.capacity_req_per_s,
        ],
        ['', 'autocannon', null, e.autocannon.bytes_per_response, e.autocannon.requests, e.autocannon.achieved_rate, e.autocannon.p50_ms, e.autocannon.p90_ms, e.autocannon.p99_ms, e.autocannon.max_ms, e.autocannon.errors, null, null, null, null, null],
      ]),
    ),
  );

  log('  (capacity: autocannon with 10 connections and no rate limit; send lag: how late the paced generator sent, counted in its latencies)');
  log('\nScale: open cycles waiting on their timers; steps of fresh cycles at concurrency 1');
  log(
    table(
      ['open cycles', 'step p50', 'step p95', 'step p99', 'CPU ms/step', 'worker RSS MB', 'API RSS MB', 'launch p50', 'launch p99', 'others %'],
      results.scale.map((s) => [s.open_cycles, s.step_p50_ms, s.step_p95_ms, s.step_p99_ms, s.cpu_ms_per_step, s.worker_rss_mb, s.api_rss_mb, s.launch_p50_ms, s.launch_p99_ms, s.other_processes_pct]),
    ),
  );
  const ss = results.scale_slope;
  log(
    `Slope: ${ss.ms_per_1000_open_cycles} ms of step p50 per 1,000 open cycles (p50 ${ss.p50_change}% over ${ss.range}); ` +
      `CPU per step ${ss.cpu_ms_per_step_per_1000_open_cycles} ms per 1,000 open cycles (${ss.cpu_per_step_change}%)`,
  );

  log('\nMemory (RSS MB at the end of each phase; peak in brackets)');
  const mem = (entry) => (entry ? `${entry.rss_mb} (${entry.peak_mb})` : '–');
  log(
    table(
      ['phase', 'API', 'worker', 'floor worker', 'Temporal dev server'],
      results.rss_by_phase.map((entry) => [entry.phase, mem(entry.api), mem(entry.worker), mem(entry.floor_worker), mem(entry.temporal)]),
    ),
  );

  const w = results.where_time_goes;
  log('\nWhere a step’s time goes (medians, ms): client total = Temporal span (server side, from history event times) + outside Temporal');
  log(
    table(
      ['concurrency', 'side', 'cycles', 'total', 'Temporal span', '= accept task', '+ dispatch', '+ activity', '+ finish task', 'outside Temporal'],
      w.by_concurrency.flatMap((level) =>
        [
          ['ours', level.ours],
          ['floor', level.floor],
        ].map(([side, part]) => [
          level.concurrency,
          side,
          part.cycles,
          part.all.total_ms,
          part.all.temporal_span_ms,
          part.all.accept_task_ms,
          part.all.activity_dispatch_ms,
          part.all.activity_ms,
          part.all.finish_task_ms,
          part.all.outside_temporal_ms,
        ]),
      ),
    ),
  );
  const first = w.by_concurrency[0];
  log(`\nPer step kind at concurrency ${first.concurrency} (medians, ms) and, from the profiled cycle, calls per step`);
  log(
    table(
      ['kind', 'ours total', 'span', 'activity', 'outside', 'floor total', 'floor span', 'API PG RT', 'worker PG RT', 'API→Temporal', 'worker↔Temporal'],
      Object.keys(first.ours.by_kind).map((kind) => {
        const o = first.ours.by_kind[kind];
        const f = first.floor.by_kind[kind];
        const c = w.per_step_counts[kind];
        return [kind, o.total_ms, o.temporal_span_ms, o.activity_ms, o.outside_temporal_ms, f.total_ms, f.temporal_span_ms, c.api_pg_round_trips, c.worker_pg_round_trips, c.api_temporal_calls, c.worker_temporal_calls];
      }),
    ),
  );
  log('  (RT = PostgreSQL round trips; Temporal calls = gRPC calls opened, the worker’s long polls included)');

  const profile = w.api_cpu_profile;
  for (const [title, part] of [
    ['Where the API’s CPU goes during one cycle’s steps (shares of self time, inspector profile)', profile.steps],
    [
      `Where the API’s CPU goes serving GET /api/cycles/:id (${profile.cycle_reads.pg_round_trips_per_request} PostgreSQL round trips per request)`,
      profile.cycle_reads,
    ],
  ]) {
    log(`\n${title}`);
    const rows = Math.max(part.areas.length, part.functions.length);
    log(
      table(
        ['area', '%', 'hottest functions (self time)', '%'],
        Array.from({ length: rows }, (_, index) => [part.areas[index]?.name, part.areas[index]?.pct, part.functions[index]?.name?.slice(0, 90), part.functions[index]?.pct]),
      ),
    );
  }

  log('\nCPU per step (ms of CPU, all threads, per process) and the machine meanwhile');
  const parts = ['api', 'worker', 'floor_worker', 'temporal', 'postgres', 'bench'];
  log(
    table(
      ['concurrency', 'side', ...parts, 'total', 'ours / floor', 'machine busy %', 'others %'],
      results.step_by_concurrency.flatMap((level) =>
        [
          ['ours', level.cpu, level.overhead_cpu],
          ['floor', level.floor.cpu, null],
        ].map(([side, used, overhead]) => [
          level.concurrency,
          side,
          ...parts.map((part) => used.cpu_ms_per_step?.[part] ?? null),
          used.cpu_ms_per_step_total,
          overhead,
          used.machine_busy_pct,
          used.other_processes_pct,
        ]),
      ),
    ),
  );
  log(
    `  (net of the stack's idle CPU, measured for 2 s before the phases and subtracted per second: ` +
      `${Object.entries(results.idle_cpu_pct)
        .map(([name, pct]) => `${name} ${pct}%`)
        .join(', ')} of one core)`,
  );
  const load = results.load;
  if (load.other_processes_pct_max >= 10) {
    log(
      `\n⚠ Other processes on this machine used up to ${load.other_processes_pct_max}% of the CPU while the bench measured ` +
        `(median ${load.other_processes_pct_median}%; load average ${load.loadavg_at_start} at start): latencies are worse than on an idle machine.`,
    );
  }

  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok === null ? '?' : t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
}

ensureDependencies();
if (!reexecOnPinnedNode()) process.exitCode = await main();
