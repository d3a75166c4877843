// The bench's figures: how they are collected while the phases run (memory at the end of each phase, the
// CPU the rest of the machine used, the stack's idle CPU), put together as bench/results/latest.json, and
// printed as tables, each shape's (plan.mjs's SHAPES) and then both side by side against issue 17's goals.
// The JSON's fields are described in bench/README.md.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/bootstrap.mjs';
import { burstHeadline, burstOutput, burstRows, printBurst } from './burst-report.mjs';
import { describeMachine, memoryOfAll } from './lib/stack.mjs';
import { median, ratio, round, slope, strip, table } from './lib/stats.mjs';
import { HISTORIES_PER_LEVEL, INVITED_CELLS, READ_RATE, TARGET_CONCURRENCY } from './plan.mjs';

export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

/** The rest of the machine's load while a run measured (the `load` of every results file). */
export function loadOf({ foreignLoad, loadAtStart }) {
  const foreign = foreignLoad.filter((value) => value !== null);
  return {
    note: 'CPU used by processes outside the bench’s stack while it measured, as a share of all cores; the machine is shared',
    other_processes_pct_median: median(foreign),
    other_processes_pct_max: foreign.length ? Math.max(...foreign) : null,
    loadavg_at_start: loadAtStart,
    loadavg_at_end: loadAverage(),
  };
}

// ── collected while the phases run ───────────────────────────────────────────────────────────────────────

/** What the phases note besides their own results; made first, so it has the load average at the start. */
export class Figures {
  /**
   * RSS of each kind of process at the end of each phase (results: rss_by_phase, rss_mb): the largest process
   * of the kind (rss_mb, peak_mb) and the sum over its processes (sum_mb, processes).
   */
  memory = [];
  /** CPU the rest of the machine used during each measured stretch, % of all cores (results: load). */
  foreignLoad = [];
  /** The stack's CPU when idle, seconds per second, by process: subtracted from every CPU figure. */
  idlePerSecond = {};
  loadAtStart = loadAverage();
  #processes = () => ({});

  /** `processes()` gives the pids to watch now: { api, worker, floor_worker, temporal }, lists (apps are restarted). */
  watch(processes) {
    this.#processes = processes;
  }

  snapshotMemory(phase) {
    const pids = this.#processes();
    const entry = { phase };
    for (const kind of ['api', 'worker', 'floor_worker', 'temporal']) entry[kind] = memoryOfAll(pids[kind] ?? []);
    this.memory.push(entry);
    return entry;
  }

  /**
   * The stack's CPU when idle (pollers, timers, the dev server's own housekeeping), per second: phases of
   * different lengths would otherwise carry different shares of it.
   */
  async measureIdle(cpu) {
    // The quietest of three 2 s windows, per process: a process just started (three workers, five Temporal
    // services in the cluster shape) may still be settling during one of them, and an idle reading taken
    // then would be subtracted from every later figure.
    const windows = [];
    for (let index = 0; index < 3; index += 1) {
      const stopIdle = await cpu.start();
      await new Promise((resolve) => setTimeout(resolve, 2000));
      windows.push(await stopIdle());
    }
    // (The bench process itself is left as measured: its own start-up work would pollute its idle reading.)
    const names = [...new Set(windows.flatMap((idle) => Object.keys(idle.seconds)))].filter((name) => name !== 'bench');
    this.idlePerSecond = Object.fromEntries(names.map((name) => [name, Math.min(...windows.map((idle) => (idle.seconds[name] ?? 0) / idle.wallSeconds))]));
  }

  /** A cpuMeter reading over `steps` steps: CPU per step by process, net of the idle CPU, and the machine meanwhile. */
  cpuSummary(used, steps) {
    const net = Object.fromEntries(
      Object.entries(used.seconds).map(([name, value]) => [name, Math.max(0, value - (this.idlePerSecond[name] ?? 0) * used.wallSeconds)]),
    );
    const perStep = (seconds) => (steps ? round((seconds * 1000) / steps, 1) : null);
    return {
      wall_s: round(used.wallSeconds, 1),
      machine_busy_pct: round(used.machineBusyPct, 0),
      other_processes_pct: round(used.foreignPct, 0),
      cpu_ms_per_step: steps ? Object.fromEntries(Object.entries(net).map(([name, value]) => [name, perStep(value)])) : null,
      cpu_ms_per_step_total: perStep(Object.values(net).reduce((sum, value) => sum + value, 0)),
    };
  }
}

// ── results/latest.json ──────────────────────────────────────────────────────────────────────────────────

/**
 * The results of one shape's run from what each phase answered: `steps` (levels, history), `reads`, `scale`,
 * `profile` (counts, sqlSamples, apiProfile; phase 5, which only the dev shape runs) and `burst` (phase 9).
 */
export function resultsOf(bench, { steps, reads, scale, profile = null, burst = null }) {
  const { plan, servers, figures } = bench;
  const { levels, history } = steps;
  const { memory, foreignLoad, idlePerSecond, loadAtStart } = figures;
  const oursHistory = history.ours;
  const floorHistory = history.floor;
  const scaleSlope = slope(scale.map((point) => [point.open_cycles, point.step_p50_ms]));
  const scaleChange = ratio(scale[scale.length - 1].step_p50_ms, scale[0].step_p50_ms, 3);
  const cpuSlope = slope(scale.map((point) => [point.open_cycles, point.cpu_ms_per_step]));
  const cpuChange = ratio(scale[scale.length - 1].cpu_ms_per_step, scale[0].cpu_ms_per_step, 3);
  const memoryEnd = memory[memory.length - 1];
  const atTarget = levels.find((level) => level.concurrency === TARGET_CONCURRENCY) ?? levels[0];
  const lastScale = scale[scale.length - 1];
  const count = (apps, one) => `${apps.length} ${one}${apps.length > 1 ? 's' : ''}`;
  const machine = describeMachine({
    shape: servers.shape,
    temporal: servers.temporal.description,
    temporal_details: servers.temporal.details,
    postgres: `PostgreSQL ${servers.postgres.version} (${servers.postgres.kind})`,
    processes: `${count(bench.apps.apis, 'API')}, ${count(bench.apps.workers, 'worker')}, ${count(bench.floorWorkers, 'floor worker')}`,
    comparison:
      'ours (HTTP → Nest API → Temporal update → modelMeeting → activity → PostgreSQL) vs a bare workflow (same updates, ' +
      'one no-op activity each, same timers) driven by a Temporal client, on the same Temporal server with the same dynamic ' +
      'config, as many floor workers as workers, on the same machine',
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
    burst,
    rss_mb: {
      phase: memoryEnd.phase,
      api: memoryEnd.api?.rss_mb ?? null,
      worker: memoryEnd.worker?.rss_mb ?? null,
      floor_worker: memoryEnd.floor_worker?.rss_mb ?? null,
      temporal_dev_server: memoryEnd.temporal?.rss_mb ?? null,
      api_peak: memoryEnd.api?.peak_mb ?? null,
      worker_peak: memoryEnd.worker?.peak_mb ?? null,
      note: 'per kind, the largest process (the cluster shape runs several of each); the sums below',
      api_sum: memoryEnd.api?.sum_mb ?? null,
      worker_sum: memoryEnd.worker?.sum_mb ?? null,
      temporal_sum: memoryEnd.temporal?.sum_mb ?? null,
    },
    rss_by_phase: memory,
    idle_cpu_pct: Object.fromEntries(Object.entries(idlePerSecond).map(([name, value]) => [name, round(value * 100, 1)])),
    load: loadOf({ foreignLoad, loadAtStart }),
    where_time_goes: {
      note:
        'total = client-measured step latency; temporal_span = the update on the server, from the workflow task that accepted it to the ' +
        'update completed (history event times); activity = the activity run; outside_temporal = total − span (HTTP, auth, access ' +
        'checks, reading the answer back, gRPC to the server); medians over up to ' + HISTORIES_PER_LEVEL + ' cycles per level',
      by_concurrency: levels.flatMap((level) => [
        { concurrency: level.concurrency, ours: level.temporal, floor: level.floor.temporal },
        ...(level.spaced ? [{ concurrency: level.concurrency, label: `1 spaced ${level.spaced.pause_ms} ms`, ours: level.spaced.temporal.ours, floor: level.spaced.temporal.floor }] : []),
      ]),
      ...(profile ? { per_step_counts: profile.counts, sql_samples: profile.sqlSamples, api_cpu_profile: profile.apiProfile } : {}),
    },
    settings: {
      api_and_worker:
        'NODE_ENV=production, DATABASE_POOL_SIZE=10 (default), request log to a file, no Idempotency-Key; with several APIs the ' +
        'bench sends each request to the next API in turn (a load balancer’s job)',
      windows: 'critique and report windows PT1H (no timer fires during a cycle); meetingAt just ahead of the RSVPs',
      reads:
        `paced open-loop GETs at ${READ_RATE}/s for ${plan.readsSeconds} s per endpoint after 1 s at 50/s; then autocannon ` +
        `(overallRate ${READ_RATE}, 50 connections) for ${plan.autocannonSeconds} s, against the first API only`,
    },
  };
  results.targets = targets(results, plan);
  return results;
}

/**
 * Writes results/latest.json, and results/latest-<mode>.json so a quick run does not hide the last full one;
 * a --pages, --documents, --notifications, --reads, --steps, --scale or --dashboard run (one phase) writes
 * latest-<mode>.json alone (--steps and --scale on the cluster: latest-<mode>-cluster.json), a --burst run
 * latest-burst.json (dev) or latest-burst-cluster.json.
 */
export function saveResults(results) {
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  if (['scale', 'steps'].includes(results.mode) && results.machine.shape !== 'dev') {
    const shapeFile = join(ROOT, `bench/results/latest-${results.mode}-${results.machine.shape}.json`);
    writeFileSync(shapeFile, `${JSON.stringify(results, null, 2)}\n`);
    return shapeFile;
  }
  if (results.mode === 'burst') {
    const burstFile = burstOutput(results.machine.shape);
    writeFileSync(burstFile, `${JSON.stringify(results, null, 2)}\n`);
    return burstFile;
  }
  // A --shape=cluster run leaves latest.json (the dev shape's figures at the top, as other readers expect) alone.
  if (results.shapes && !results.shapes.dev) {
    const clusterOutput = join(ROOT, 'bench/results/latest-cluster.json');
    writeFileSync(clusterOutput, `${JSON.stringify(results, null, 2)}\n`);
    return clusterOutput;
  }
  const output = join(ROOT, 'bench/results/latest.json');
  if (['pages', 'documents', 'notifications', 'reads', 'steps', 'scale', 'dashboard', 'replay'].includes(results.mode)) {
    const phaseOutput = join(ROOT, `bench/results/latest-${results.mode}.json`);
    writeFileSync(phaseOutput, `${JSON.stringify(results, null, 2)}\n`);
    return phaseOutput;
  }
  writeFileSync(output, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(ROOT, `bench/results/latest-${results.mode}.json`), `${JSON.stringify(results, null, 2)}\n`);
  return output;
}

/** The targets, each with what was measured and whether it is met (null: not measured). */
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

// ── the terminal ─────────────────────────────────────────────────────────────────────────────────────────

/**
 * The tables, in order: those of the shape at the top of `results`, then those of each of `others` (the other
 * shapes' results), both shapes side by side when there are two; then where the results were written, and
 * the one line to grep.
 */
export function printReport(results, { log, output, elapsed, extraSections = [], others = [] }) {
  for (const section of [printMachine, printSteps, printHistory, printReads, ...extraSections, printScale, printBurst, printMemory, printWhereTimeGoes, printCpu, printTargets]) {
    section(results, log);
  }
  for (const other of others) {
    for (const section of [printMachine, printSteps, printReads, printScale, printBurst, printMemory, printWhereTimeGoes, printCpu]) section(other, log);
  }
  if (results.shapes) printShapes(results.shapes, log);
  log(`\nWritten ${output} (${elapsed()} in all)`);
  log(lastLine(results));
}

/** `overhead_p50=… step_p99_ms=… reads_p99_ms=…` for the dev shape, then the same prefixed `cluster_`. */
function lastLine(results) {
  const shapes = results.shapes ?? { dev: { overhead_p50: results.overhead_p50, step: results.step, reads_p99_ms: results.reads.p99_ms } };
  return Object.entries(shapes)
    .map(([name, f]) => {
      const prefix = name === 'dev' ? '' : `${name}_`;
      return `${prefix}overhead_p50=${f.overhead_p50} ${prefix}step_p99_ms=${f.step.p99_ms} ${prefix}reads_p99_ms=${f.reads_p99_ms}`;
    })
    .join(' ');
}

// ── both shapes side by side (issue 17) ─────────────────────────────────────────────────────────────────

/**
 * One shape's headline figures, from its results (resultsOf): what results.shapes holds for it. `withDetails`
 * adds the tables' data of a shape whose results are not the file's top level.
 */
export function shapeFigures(results, { withDetails = false } = {}) {
  const levels = results.step_by_concurrency;
  const one = levels.find((level) => level.concurrency === 1);
  const atTarget = levels.find((level) => level.concurrency === TARGET_CONCURRENCY) ?? levels[levels.length - 1];
  const figures = {
    temporal: results.machine.temporal,
    temporal_details: results.machine.temporal_details,
    postgres: results.machine.postgres,
    processes: results.machine.processes,
    step_c1: one
      ? {
          p50_ms: one.p50_ms,
          p99_ms: one.p99_ms,
          floor_p50_ms: one.floor.p50_ms,
          floor_p99_ms: one.floor.p99_ms,
          with_record_task_pct: one.temporal?.all.with_record_task_pct ?? null,
          spaced: one.spaced
            ? { pause_ms: one.spaced.pause_ms, p50_ms: one.spaced.p50_ms, p99_ms: one.spaced.p99_ms, floor_p50_ms: one.spaced.floor_p50_ms, floor_p99_ms: one.spaced.floor_p99_ms }
            : null,
        }
      : null,
    step: { concurrency: atTarget.concurrency, p50_ms: atTarget.p50_ms, p95_ms: atTarget.p95_ms, p99_ms: atTarget.p99_ms, steps_per_s: atTarget.steps_per_s },
    floor: { concurrency: atTarget.concurrency, p50_ms: atTarget.floor.p50_ms, p95_ms: atTarget.floor.p95_ms, p99_ms: atTarget.floor.p99_ms, steps_per_s: atTarget.floor.steps_per_s },
    overhead_p50: atTarget.overhead_p50,
    overhead_p99: atTarget.overhead_p99,
    overhead_cpu: atTarget.overhead_cpu,
    cpu_ms_per_step: { ours: atTarget.cpu.cpu_ms_per_step_total, floor: atTarget.floor.cpu.cpu_ms_per_step_total, ours_by_process: atTarget.cpu.cpu_ms_per_step },
    reads: Object.fromEntries(
      results.reads.endpoints.map((endpoint) => [
        endpoint.endpoint,
        { p50_ms: endpoint.p50_ms, p99_ms: endpoint.p99_ms, errors: endpoint.errors, achieved_rate: endpoint.achieved_rate, rows: endpoint.rows },
      ]),
    ),
    reads_p99_ms: results.reads.p99_ms,
    scale: results.scale.map((point) => ({
      open_cycles: point.open_cycles,
      step_p50_ms: point.step_p50_ms,
      step_p99_ms: point.step_p99_ms,
      cpu_ms_per_step: point.cpu_ms_per_step,
      worker_rss_max_mb: point.worker_rss_mb,
      worker_rss_sum_mb: point.worker_rss_sum_mb,
      workers: point.workers,
    })),
    scale_p50_change_pct: results.scale_slope.p50_change,
    burst: results.burst ? burstHeadline(results.burst) : null,
    load: results.load,
  };
  figures.goals = goalsOf(figures, results.mode);
  if (withDetails) {
    figures.details = {
      step_by_concurrency: results.step_by_concurrency,
      history_events_ratio: results.history_events_ratio,
      reads: results.reads,
      scale: results.scale,
      burst: results.burst,
      rss_by_phase: results.rss_by_phase,
      idle_cpu_pct: results.idle_cpu_pct,
      where_time_goes: results.where_time_goes,
    };
  }
  return figures;
}

/** Issue 17's step goals for one shape (f: shapeFigures' step_c1, step, floor and overheads). */
export function stepGoals(f) {
  const ok = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  const floorP99Limit = f.floor.p99_ms === null ? null : Math.round(1.3 * f.floor.p99_ms);
  return [
    { id: 'step_p50_c1', what: 'step p50, one at a time (c=1)', goal: '≤ 30 ms', value: f.step_c1?.p50_ms ?? null, unit: 'ms', ok: ok(f.step_c1?.p50_ms, 30) },
    { id: 'overhead_p50', what: `overhead p50 (ours / floor), c=${f.step.concurrency}`, goal: '≤ 1.15', value: f.overhead_p50, ok: ok(f.overhead_p50, 1.15) },
    { id: 'overhead_p99', what: `overhead p99 (ours / floor), c=${f.step.concurrency}`, goal: '≤ 1.3', value: f.overhead_p99, ok: ok(f.overhead_p99, 1.3) },
    {
      id: 'step_p99',
      what: `step p99, c=${f.step.concurrency}: ours (floor's)`,
      goal: '≤ 1.3 × floor p99',
      value: `${f.step.p99_ms} (${f.floor.p99_ms}) ms`,
      limit_ms: floorP99Limit,
      ok: floorP99Limit === null ? null : ok(f.step.p99_ms, floorP99Limit),
    },
  ];
}

/** Issue 17's goals for one shape: what, the goal, the measured value and whether it is met (null: not measured). */
function goalsOf(f, mode) {
  const ok = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  const cycleRead = f.reads['GET /api/cycles/:id'];
  const first = f.scale[0];
  const last = f.scale[f.scale.length - 1];
  const change = f.scale_p50_change_pct;
  const quick = mode === 'quick' ? ' (quick: not 1,000)' : '';
  return [
    ...stepGoals(f),
    { id: 'cycle_read_p99', what: `GET /api/cycles/:id p99 at ${READ_RATE} req/s`, goal: '≤ 50 ms', value: cycleRead?.p99_ms ?? null, unit: 'ms', ok: ok(cycleRead?.p99_ms, 50) },
    {
      id: 'scale_flat',
      what: `step p50 flat, ${first.open_cycles} → ${last.open_cycles} open${quick}`,
      goal: 'within 20%',
      value: change === null ? null : `${change > 0 ? '+' : ''}${change}%`,
      ok: change === null ? null : Math.abs(change) <= 20,
    },
    {
      id: 'worker_rss',
      what: `worker RSS per process, ${last.open_cycles} open${quick}`,
      goal: '≤ 300 MB',
      value: last.worker_rss_max_mb,
      unit: 'MB',
      ok: ok(last.worker_rss_max_mb, 300),
    },
  ];
}

/** Both shapes side by side: issue 17's goals, then a few figures without a goal that explain them. */
function printShapes(shapes, log) {
  const names = Object.keys(shapes);
  const mark = (goal) => (goal.ok === null ? '' : goal.ok ? ' ✓' : ' ✗');
  const show = (goal) => (goal.value === null || goal.value === undefined ? '–' : `${goal.value}${goal.unit ? ` ${goal.unit}` : ''}${mark(goal)}`);
  const first = shapes[names[0]];
  log(`\n══ Shapes side by side (issue 17): ${names.map((name) => `${name} = ${shapes[name].processes}`).join('; ')} ══`);
  for (const name of names) log(`  ${name}: ${shapes[name].temporal}`);
  const goalRows = first.goals.map((goal, index) => [
    // The labels hold the shape's own levels (open cycles): the first shape's stand for both.
    goal.what,
    ...names.map((name) => show(shapes[name].goals[index])),
    goal.id === 'step_p99' ? `${goal.goal} (${names.map((name) => `${name} ≤ ${shapes[name].goals[index].limit_ms ?? '–'}`).join(', ')})` : goal.goal,
  ]);
  const last = (f) => f.scale[f.scale.length - 1];
  const infoRows = [
    ['step p50 c=1: floor', ...names.map((name) => ms(shapes[name].step_c1?.floor_p50_ms)), '–'],
    ['c=1 steps taken by the last record’s task', ...names.map((name) => pct(shapes[name].step_c1?.with_record_task_pct)), '–'],
    [
      'step p50 c=1 spaced: ours (floor\'s)',
      ...names.map((name) => {
        const spaced = shapes[name].step_c1?.spaced;
        return spaced ? `${spaced.p50_ms} (${spaced.floor_p50_ms}) ms, ${spaced.pause_ms} ms apart` : '–';
      }),
      '–',
    ],
    [`step p50 c=${first.step.concurrency}: ours (floor's)`, ...names.map((name) => `${shapes[name].step.p50_ms} (${shapes[name].floor.p50_ms}) ms`), '–'],
    [`steps/s c=${first.step.concurrency}: ours (floor's)`, ...names.map((name) => `${shapes[name].step.steps_per_s} (${shapes[name].floor.steps_per_s})`), '–'],
    [`CPU ms/step c=${first.step.concurrency}: ours (floor's)`, ...names.map((name) => `${shapes[name].cpu_ms_per_step.ours} (${shapes[name].cpu_ms_per_step.floor})`), '–'],
    [`GET /api/me/tasks p99 at ${READ_RATE} req/s`, ...names.map((name) => ms(shapes[name].reads['GET /api/me/tasks']?.p99_ms)), '–'],
    [`worker RSS, all workers, ${last(first).open_cycles} open`, ...names.map((name) => `${last(shapes[name]).worker_rss_sum_mb} MB (${last(shapes[name]).workers})`), '–'],
    ...burstRows(names.map((name) => shapes[name].burst)).map((row) => [...row, '–']),
    ['other processes’ CPU, median / max %', ...names.map((name) => `${shapes[name].load.other_processes_pct_median} / ${shapes[name].load.other_processes_pct_max}`), '–'],
  ];
  log(table(['figure', ...names, 'goal'], [...goalRows, ...infoRows]));
  log('  (each shape against its own floor, on its own Temporal server; the shapes ran one after the other, not at once)');
}

const ms = (value) => (value === null || value === undefined ? '–' : `${value} ms`);
const pct = (value) => (value === null || value === undefined ? '–' : `${value}%`);

/** Machine, servers, what is compared, the cycle and the mode. */
function printMachine(results, log) {
  const m = results.machine;
  log(`\n══ Results${m.shape ? `: the ${m.shape} shape` : ''} ══════════════════════════════════════════════════════════════════════════`);
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Temporal: ${m.temporal}`);
  if (m.processes) log(`Processes: ${m.processes}`);
  log(`PostgreSQL: ${m.postgres}`);
  log(`Compared: ${m.comparison}`);
  log(`Cycle: ${results.cycle}. Mode: ${results.mode}${results.mode === 'quick' ? ' (50 concurrent cycles and 1,000 open cycles only in the full run)' : ''}.`);
}

/** Step latency, ours against the floor, per concurrency and per step kind. */
export function printSteps(results, log) {
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
}

/** Events in the history of one cycle, by type. */
function printHistory(results, log) {
  const h = results.history;
  log(
    `\nHistory of one cycle: ours ${h.ours.events} events (${Math.round(h.ours.bytes / 1024)} KiB), floor ${h.floor.events} events ` +
      `(${Math.round(h.floor.bytes / 1024)} KiB): ratio ${results.history_events_ratio}`,
  );
  const types = [...new Set([...Object.keys(h.ours.byType), ...Object.keys(h.floor.byType)])].sort();
  log(table(['event type', 'ours', 'floor'], types.map((type) => [type, h.ours.byType[type] ?? 0, h.floor.byType[type] ?? 0])));
}

/** Reads at a fixed rate, paced and by autocannon, and each endpoint's capacity. */
export function printReads(results, log) {
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
}

/** Step latency, CPU and memory as open cycles pile up. */
function printScale(results, log) {
  log('\nScale: open cycles waiting on their timers; steps of fresh cycles at concurrency 1 (oldest RSVP: one to each of 5 cycles opened first, evicted from the worker cache once more are open than it holds) (worker RSS: the largest worker process; then all of them and how many)');
  log(
    table(
      ['open cycles', 'step p50', 'step p95', 'step p99', 'oldest RSVP p50', 'CPU ms/step', 'worker RSS MB', 'all workers MB', 'API RSS MB', 'launch p50', 'launch p99', 'others %'],
      results.scale.map((s) => [
        s.open_cycles,
        s.step_p50_ms,
        s.step_p95_ms,
        s.step_p99_ms,
        s.oldest_step_p50_ms,
        s.cpu_ms_per_step,
        s.worker_rss_mb,
        s.worker_rss_sum_mb === undefined ? null : `${s.worker_rss_sum_mb} (${s.workers})`,
        s.api_rss_mb,
        s.launch_p50_ms,
        s.launch_p99_ms,
        s.other_processes_pct,
      ]),
    ),
  );
  const ss = results.scale_slope;
  log(
    `Slope: ${ss.ms_per_1000_open_cycles} ms of step p50 per 1,000 open cycles (p50 ${ss.p50_change}% over ${ss.range}); ` +
      `CPU per step ${ss.cpu_ms_per_step_per_1000_open_cycles} ms per 1,000 open cycles (${ss.cpu_per_step_change}%)`,
  );
}

/** RSS of each process at the end of each phase. */
function printMemory(results, log) {
  log('\nMemory (RSS MB at the end of each phase; peak in brackets; with several processes of a kind, the largest, then Σ the sum over n)');
  const mem = (entry) => (entry ? `${entry.rss_mb} (${entry.peak_mb})${entry.processes > 1 ? ` Σ ${entry.sum_mb}/${entry.processes}` : ''}` : '–');
  log(
    table(
      ['phase', 'API', 'worker', 'floor worker', 'Temporal'],
      results.rss_by_phase.map((entry) => [entry.phase, mem(entry.api), mem(entry.worker), mem(entry.floor_worker), mem(entry.temporal)]),
    ),
  );
}

/** Temporal's share of a step, calls per step, and where the API's CPU goes. */
export function printWhereTimeGoes(results, log) {
  const w = results.where_time_goes;
  log('\nWhere a step’s time goes (medians, ms): client total = Temporal span (server side, from history event times) + outside Temporal');
  log(
    table(
      ['concurrency', 'side', 'cycles', 'total', 'Temporal span', '= accept task', '+ dispatch', '+ activity', '+ finish task', 'outside Temporal', 'with the last record’s task'],
      w.by_concurrency.flatMap((level) =>
        [
          ['ours', level.ours],
          ['floor', level.floor],
        ].map(([side, part]) => [
          level.label ?? level.concurrency,
          side,
          part.cycles,
          part.all.total_ms,
          part.all.temporal_span_ms,
          part.all.accept_task_ms,
          part.all.activity_dispatch_ms,
          part.all.activity_ms,
          part.all.finish_task_ms,
          part.all.outside_temporal_ms,
          pct(part.all.with_record_task_pct),
        ]),
      ),
    ),
  );
  // Phase 5 (calls per step, the API's CPU profile) runs on the dev shape only.
  if (!w.per_step_counts) return;
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
}

/** CPU per step by process, and how busy the rest of the machine was. */
function printCpu(results, log) {
  log('\nCPU per step (ms of CPU, all threads, per process) and the machine meanwhile');
  const parts = ['api', 'worker', 'floor_worker', 'temporal', 'temporal_postgres', 'postgres', 'bench'];
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
    `  (net of the stack's idle CPU, the quietest of three 2 s windows before the phases, subtracted per second: ` +
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
}

/** The targets, measured (never asserted). */
function printTargets(results, log) {
  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok === null ? '?' : t.ok ? '✓' : '✗'])));
}
