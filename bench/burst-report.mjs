// A province's burst (phase 9, issue 17) on the terminal and in the results: its tables for one shape, its
// headline figures for the shapes side by side, and a whole `--burst` run (one shape a run, set beside the
// other shape's last --burst run when there is one).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../scripts/lib/bootstrap.mjs';
import { describeMachine } from './lib/stack.mjs';
import { round, table } from './lib/stats.mjs';
import { loadOf } from './report.mjs';

const kib = (bytes) => (bytes === null || bytes === undefined ? null : round(bytes / 1024, 1));

/** The burst's headline figures, as `shapes.<shape>.burst` holds them. */
export function burstHeadline(burst) {
  const { launches, steps, storage } = burst;
  return {
    size: `${burst.cycles} cycles × ${burst.invited} invited cells`,
    clients: burst.clients,
    launches_per_s: launches.launches_per_s,
    launch_p50_ms: launches.p50_ms,
    launch_p99_ms: launches.p99_ms,
    steps_per_s: steps.steps_per_s,
    steps_per_s_10_s_median: steps.steps_per_s_10_s_median,
    step_p50_ms: steps.p50_ms,
    step_p99_ms: steps.p99_ms,
    launched: launches.launched,
    closed: steps.closed,
    not_2xx: burst.answers.not_2xx,
    cpu_ms_per_step: steps.cpu.cpu_ms_per_step_total,
    app_bytes_per_closed_cycle: storage.app.bytes_per_closed_cycle,
    temporal_bytes_per_closed_cycle: storage.temporal.bytes_per_closed_cycle,
    temporal_storage: storage.temporal.kind,
    other_processes_pct: { launches: launches.cpu.other_processes_pct, steps: steps.cpu.other_processes_pct },
  };
}

/** Rows of the side-by-side table for the burst's headline figures (`headlines`: one per shape, null when it has none). */
export function burstRows(headlines) {
  const any = headlines.find(Boolean);
  if (!any) return [];
  const of = (pick) => headlines.map((h) => (h ? pick(h) : '–'));
  return [
    [`burst (${any.size}, ${any.clients} clients): launches/s`, ...of((h) => `${h.launches_per_s}`)],
    ['burst: steps/s (median per 10 s)', ...of((h) => `${h.steps_per_s} (${h.steps_per_s_10_s_median})`)],
    ['burst: step p50 / p99', ...of((h) => `${h.step_p50_ms} / ${h.step_p99_ms} ms`)],
    ['burst: launch p50 / p99', ...of((h) => `${h.launch_p50_ms} / ${h.launch_p99_ms} ms`)],
    ['burst: cycles launched, closed; answers not 2xx', ...of((h) => `${h.launched}, ${h.closed}; ${h.not_2xx}`)],
    ['burst: CPU ms per step', ...of((h) => `${h.cpu_ms_per_step}`)],
    ['burst: app database per closed cycle', ...of((h) => `${kib(h.app_bytes_per_closed_cycle)} KiB`)],
    ['burst: Temporal’s storage per closed cycle', ...of((h) => `${kib(h.temporal_bytes_per_closed_cycle)} KiB`)],
    ['burst: other processes’ CPU, launches / steps %', ...of((h) => `${h.other_processes_pct.launches} / ${h.other_processes_pct.steps}`)],
  ];
}

/** One shape's burst: the two stretches, per step kind, steps per 10 s, the answers and the storage. */
export function printBurst(results, log) {
  const b = results.burst;
  if (!b) return;
  const { launches: l, steps: s, storage } = b;
  log(
    `\nA province's burst (phase 9): ${b.cycles} cycles × ${b.invited} invited cells (${b.cycle}) in ${b.communes} communes of ${b.commune_cells} cells, ` +
      `seeded in ${b.seed_s} s; ${b.clients} clients; ${b.open_cycles_before} other cycles open meanwhile`,
  );
  const parts = ['api', 'worker', 'temporal', 'temporal_postgres', 'postgres', 'bench'];
  const row = (name, count, stretch, perSecond) => [
    name,
    count,
    stretch.wall_s,
    perSecond,
    stretch.p50_ms,
    stretch.p95_ms,
    stretch.p99_ms,
    stretch.max_ms,
    stretch.cpu.cpu_ms_per_step_total,
    ...parts.map((part) => stretch.cpu.cpu_ms_per_step?.[part] ?? null),
    stretch.cpu.machine_busy_pct,
    stretch.cpu.other_processes_pct,
  ];
  log(
    table(
      ['stretch', 'count', 'wall s', 'per s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU ms each', ...parts, 'machine busy %', 'others %'],
      [row('launches', l.launched, l, l.launches_per_s), row('steps to CLOSED', s.steps, s, s.steps_per_s)],
    ),
  );
  log(`  Steps/s per 10 s: ${s.steps_per_s_by_10_s.join(', ') || '–'}; ${s.closed} of ${s.cycles} cycles closed; meeting waits ${s.meeting_wait_s} s in all`);
  log(`  Per step kind, p50 / p99 ms: ${Object.entries(s.by_kind).map(([kind, k]) => `${kind} ${k.p50_ms} / ${k.p99_ms}`).join(', ')}`);
  const statuses = Object.entries(b.answers.by_status).map(([status, count]) => `${count} × ${status}`);
  log(`  Answers: ${b.answers.requests} requests, ${b.answers.not_2xx} not the expected 2xx${statuses.length ? ` (${statuses.join(', ')})` : ''}${b.cancelled_after ? `; ${b.cancelled_after} cycles left open, cancelled` : ''}`);
  for (const sample of b.failure_samples) log(`    ${sample}`);
  const a = storage.app;
  const t = storage.temporal;
  log(
    `  Storage per closed cycle (${storage.closed_cycles} closed): app database ${kib(a.bytes_per_closed_cycle)} KiB (${kib(a.before_bytes)} → ${kib(a.after_bytes)} KiB; ` +
      `its tables ${kib(a.all_tables_bytes_per_closed_cycle)} KiB: ${a.tables_bytes_per_closed_cycle.map((entry) => `${entry.table} ${kib(entry.bytes_per_closed_cycle)}`).join(', ')}); ` +
      `Temporal ${kib(t.bytes_per_closed_cycle)} KiB (${t.kind}: ${Object.keys(t.after)
        .map((part) => `${part} ${kib(t.before[part] ?? 0)} → ${kib(t.after[part])} KiB`)
        .join(', ')}); besides, the answers kept for repeated keys ${kib(a.idempotency_bytes_per_closed_cycle)} KiB (purged after 24 h)`,
  );
  log(`  (${b.settings}; CPU in ms per launch or step, net of the stack's idle CPU)`);
}

/** Results of a `--burst` run: the machine and the shape, the burst, the memory and the load meanwhile. */
export function burstOnlyResults(bench, burst) {
  const { servers, figures } = bench;
  const count = (apps, one) => `${apps.length} ${one}${apps.length > 1 ? 's' : ''}`;
  const machine = describeMachine({
    shape: servers.shape,
    temporal: servers.temporal.description,
    temporal_details: servers.temporal.details,
    postgres: `PostgreSQL ${servers.postgres.version} (${servers.postgres.kind})`,
    processes: `${count(bench.apps.apis, 'API')}, ${count(bench.apps.workers, 'worker')}`,
    comparison: 'a province’s burst through the API: cycles launched by a fixed number of clients, then all driven to CLOSED at once',
  });
  return {
    machine,
    date: new Date().toISOString(),
    mode: 'burst',
    burst,
    rss_by_phase: figures.memory,
    idle_cpu_pct: Object.fromEntries(Object.entries(figures.idlePerSecond).map(([name, value]) => [name, round(value * 100, 1)])),
    load: loadOf(figures),
  };
}

/** Where a `--burst` run of `shape` is written. */
export const burstOutput = (shape) => join(ROOT, `bench/results/latest-burst${shape === 'dev' ? '' : `-${shape}`}.json`);

/** The whole report of a `--burst` run, with the other shape's last --burst run beside it when there is one. */
export function printBurstReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log(`\n══ Results: the ${m.shape} shape ══════════════════════════════════════════════════════════════════════════`);
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Temporal: ${m.temporal}`);
  log(`Processes: ${m.processes}`);
  log(`PostgreSQL: ${m.postgres}`);
  log(`Load average: ${results.load.loadavg_at_start} at start, ${results.load.loadavg_at_end} at the end; other processes ${results.load.other_processes_pct_median}% of the CPU (median)`);
  printBurst(results, log);
  const memory = results.rss_by_phase.find((entry) => entry.phase === 'burst');
  if (memory) log(`  Memory after the burst: worker ${memory.worker?.rss_mb} MB (largest of ${memory.worker?.processes}), API ${memory.api?.rss_mb} MB, Temporal ${memory.temporal?.rss_mb} MB (largest process)`);

  const otherShape = m.shape === 'dev' ? 'cluster' : 'dev';
  const otherFile = burstOutput(otherShape);
  const other = existsSync(otherFile) ? JSON.parse(readFileSync(otherFile, 'utf8')) : null;
  const columns = [[m.shape, results]];
  if (other?.burst) {
    const earlier = [`${otherShape} (run of ${other.date.slice(0, 16).replace('T', ' ')} UTC)`, other];
    // The dev shape first, as in the runs of both shapes.
    if (m.shape === 'dev') columns.push(earlier);
    else columns.unshift(earlier);
  }
  log(`\nThe burst, shape by shape${other?.burst ? ` (the ${otherShape} shape from its own last --burst run)` : ''}`);
  log(
    table(
      ['figure', ...columns.map(([name]) => name)],
      [
        ...burstRows(columns.map(([, r]) => burstHeadline(r.burst))),
        ['load average at start', ...columns.map(([, r]) => r.load.loadavg_at_start)],
      ],
    ),
  );
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const h = burstHeadline(results.burst);
  log(
    `burst_shape=${m.shape} burst_launches_per_s=${h.launches_per_s} burst_steps_per_s=${h.steps_per_s} burst_step_p99_ms=${h.step_p99_ms} ` +
      `burst_not_2xx=${h.not_2xx} burst_app_bytes_per_cycle=${h.app_bytes_per_closed_cycle} burst_temporal_bytes_per_cycle=${h.temporal_bytes_per_closed_cycle}`,
  );
}
