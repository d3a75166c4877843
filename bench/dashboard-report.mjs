// The dashboard's figures (phase 10, issue 18) on the terminal and in the results: what was written, each read's
// server time at a paced rate, the year report's exports, and the goal beside them (✓/✗, never asserted).
import { describeMachine } from './lib/stack.mjs';
import { round, table } from './lib/stats.mjs';
import { loadOf } from './report.mjs';

/** Results of a `--dashboard` run: the machine, the phase's figures, its goal and the load meanwhile. */
export function dashboardOnlyResults(bench, dashboard) {
  const machine = describeMachine({ comparison: "the committee's dashboard against issue 18's goal (p99 ≤ 100 ms) for a 100-cell commune with ten years of cycles" });
  return { machine, date: new Date().toISOString(), mode: 'dashboard', dashboard, load: loadOf(bench.figures), targets: [dashboard.goal] };
}

/** Issue 18's goal as a row of the full run's targets. */
export const dashboardTargets = (dashboard) => [dashboard.goal];

export function printDashboard(results, log) {
  const d = results.dashboard;
  if (!d) return;
  const g = d.generated;
  const measured = g.communes[0];
  log(
    `\nDashboard — written in ${g.write_s} s with SQL (+ ANALYZE ${g.analyze_s} s): ${g.communes.length} communes, ${g.cells} cells, ${g.cycles} cycles ` +
      `(${g.closed} closed), ${g.invitations} invitations, ${g.critiques} critiques (${g.missed} missed), ${g.action_items} action items; ` +
      `database ${round(g.database.bytes / 1024 / 1024, 0)} MiB with ${g.database.cycles} cycles in all`,
  );
  log(
    `  the commune measured: ${measured.cells} cells, ${measured.cycles} cycles from ${d.this_year - d.years} to ${d.this_year} (${measured.closed} closed), ` +
      `${measured.invitations} invitations, ${measured.critiques} critiques, ${measured.missed} missed, ${measured.late_reports} reports filed late`,
  );
  log(`\nDashboard — server time at ${d.rate} req/s, paced, ${d.seconds} s each, as the commune's office (${d.timing})`);
  log(
    table(
      ['read', 'bytes', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'API CPU ms/req', 'PG CPU ms/req', 'others %', 'what'],
      d.endpoints.map((e) => [e.endpoint, e.bytes, e.requests, e.p50_ms, e.p95_ms, e.p99_ms, e.max_ms, e.errors, e.cpu_ms_per_request.api, e.cpu_ms_per_request.postgres, e.other_processes_pct, e.note]),
    ),
  );
  if (d.exports.length) {
    log(`\nYear report exports, each downloaded ${d.exports[0].downloads} times one after another`);
    log(table(['format', 'span', 'bytes', 'first ms', 'then median ms', 'max ms'], d.exports.map((e) => [e.format, e.span, e.bytes, e.first_ms, e.median_ms, e.max_ms])));
  }
  for (const skipped of d.skipped) log(`  not measured: ${skipped.endpoint} (${skipped.path}): ${skipped.reason}`);
}

/** The whole report of a `--dashboard` run. */
export function printDashboardReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Load average: ${results.load.loadavg_at_start} at start, ${results.load.loadavg_at_end} at the end; other processes ${results.load.other_processes_pct_median}% of the CPU (median, max ${results.load.other_processes_pct_max}%)`);
  printDashboard(results, log);
  log('\nGoal (measured, not asserted)');
  log(table(['', 'goal', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok === null ? '?' : t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const of = (name) => results.dashboard.endpoints.find((e) => e.endpoint === name)?.p99_ms ?? null;
  log(`dashboard_p99_ms=${results.dashboard.goal.value} cell_record_p99_ms=${of("GET a cell's record")} year_report_p99_ms=${of('GET year report (JSON)')}`);
}
