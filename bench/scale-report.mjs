// A `--scale` run (issue 17's figures): the set-up, then phase 4 alone (10, 100 and 1,000 open cycles; 10 and
// 100 with --quick): step latency of fresh cycles and the workers' memory as the open cycles pile up, with the
// machine's load beside them (the machine is shared).
import { describeMachine } from './lib/stack.mjs';
import { ratio, round, table } from './lib/stats.mjs';
import { loadOf } from './report.mjs';

/** Results of a `--scale` run: the machine, phase 4's points, memory per phase, issue 17's goals and the load meanwhile. */
export function scaleOnlyResults(bench, scale) {
  const { servers, figures } = bench;
  const first = scale[0];
  const last = scale[scale.length - 1];
  const change = ratio(last.step_p50_ms, first.step_p50_ms, 3);
  const p50Change = change === null ? null : round((change - 1) * 100, 1);
  return {
    machine: describeMachine({
      shape: servers.shape,
      temporal: servers.temporal.description,
      comparison: "phase 4 alone: the same stack as a full run's, its figures against issue 17's goals (worker RSS ≤ 300 MB, step p50 flat within 20%)",
    }),
    date: new Date().toISOString(),
    mode: 'scale',
    scale,
    rss_by_phase: figures.memory,
    load: loadOf(figures),
    targets: [
      {
        what: `worker RSS per process, ${last.open_cycles} open`,
        target: '≤ 300 MB',
        value: last.worker_rss_mb,
        ok: last.worker_rss_mb === null ? null : last.worker_rss_mb <= 300,
      },
      {
        what: `step p50 flat, ${first.open_cycles} → ${last.open_cycles} open`,
        target: 'within 20%',
        value: p50Change === null ? null : `${p50Change > 0 ? '+' : ''}${p50Change}%`,
        ok: p50Change === null ? null : Math.abs(p50Change) <= 20,
      },
    ],
  };
}

/** The whole report of a `--scale` run. */
export function printScaleReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}; ${m.shape} shape (${m.temporal})`);
  log(`Load average: ${results.load.loadavg_at_start} at start, ${results.load.loadavg_at_end} at the end; other processes ${results.load.other_processes_pct_median}% of the CPU (median)`);
  log(
    table(
      ['open cycles', 'step p50', 'step p99', 'oldest cycles RSVP p50 (max)', 'CPU ms/step', 'worker RSS MB (idle before)', 'all workers MB', 'API RSS MB', 'others %'],
      results.scale.map((s) => [
        s.open_cycles,
        s.step_p50_ms,
        s.step_p99_ms,
        `${s.oldest_step_p50_ms} (${s.oldest_step_max_ms})`,
        s.cpu_ms_per_step,
        `${s.worker_rss_mb} (${s.worker_rss_idle_mb})`,
        s.workers > 1 ? `${s.worker_rss_sum_mb} (${s.workers})` : s.worker_rss_sum_mb,
        s.api_rss_mb,
        s.other_processes_pct,
      ]),
    ),
  );
  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok === null ? '–' : t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const last = results.scale[results.scale.length - 1];
  log('(oldest cycles: an RSVP to each of the cycles opened first, evicted from the worker\'s cache once more are open than it holds)');
  log(`worker_rss_mb=${last.worker_rss_mb} open_cycles=${last.open_cycles} step_p50_ms=${last.step_p50_ms}`);
}
