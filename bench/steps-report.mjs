// A `--steps` run (issue 17's step latency): the set-up, then phases 1 + 2 alone (one cycle at a time, back to
// back and spaced, and 10 at once), ours against the floor, with where each step's time goes and the machine's
// load beside them (the machine is shared). For trying a change to the step's path without the whole run.
import { describeMachine } from './lib/stack.mjs';
import { table } from './lib/stats.mjs';
import { TARGET_CONCURRENCY } from './plan.mjs';
import { loadOf, printSteps, printWhereTimeGoes, stepGoals } from './report.mjs';

/** Results of a `--steps` run: the machine, each level ours against the floor, where the time went, the goals. */
export function stepsOnlyResults(bench, { levels }) {
  const { servers, figures } = bench;
  const results = {
    machine: describeMachine({
      shape: servers.shape,
      temporal: servers.temporal.description,
      comparison: "phases 1 + 2 alone: the same stack and floor as a full run's, against issue 17's step goals",
    }),
    date: new Date().toISOString(),
    mode: 'steps',
    step_by_concurrency: levels,
    where_time_goes: {
      by_concurrency: levels.flatMap((level) => [
        { concurrency: level.concurrency, ours: level.temporal, floor: level.floor.temporal },
        ...(level.spaced ? [{ concurrency: level.concurrency, label: `1 spaced ${level.spaced.pause_ms} ms`, ours: level.spaced.temporal.ours, floor: level.spaced.temporal.floor }] : []),
      ]),
    },
    load: loadOf(figures),
  };
  const one = levels.find((level) => level.concurrency === 1);
  const atTarget = levels.find((level) => level.concurrency === TARGET_CONCURRENCY) ?? levels[levels.length - 1];
  results.targets = stepGoals({
    step_c1: one ? { p50_ms: one.p50_ms } : null,
    step: { concurrency: atTarget.concurrency, p99_ms: atTarget.p99_ms },
    floor: { p99_ms: atTarget.floor.p99_ms },
    overhead_p50: atTarget.overhead_p50,
    overhead_p99: atTarget.overhead_p99,
  });
  return results;
}

/** The whole report of a `--steps` run. */
export function printStepsReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}; ${m.shape} shape (${m.temporal})`);
  log(`Load average: ${results.load.loadavg_at_start} at start, ${results.load.loadavg_at_end} at the end; other processes ${results.load.other_processes_pct_median}% of the CPU (median)`);
  printSteps(results, log);
  printWhereTimeGoes(results, log);
  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.goal, t.value, t.ok === null ? '–' : t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
}
