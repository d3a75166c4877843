// A `--reads` run (issue 17's figures): the set-up, one closed cycle driven as phase 1 drives them, then phase 3
// alone; its results and tables, with the machine's load beside them (the machine is shared).
import { driveApiCycle } from './lib/api.mjs';
import { describeMachine } from './lib/stack.mjs';
import { table } from './lib/stats.mjs';
import { loadOf, printReads } from './report.mjs';

/** One closed cycle (14 invitations, 14 critiques, a full timeline), in the shape phase 3 takes phase 1's levels. */
export async function closedCycleForReads(bench) {
  const closed = await driveApiCycle(bench.api, bench.commune, { leadMs: 2_000, record: () => {} });
  bench.log(`• One cycle driven to its close (${bench.elapsed()})`);
  return { levels: [{ ids: [closed.cycleId] }] };
}

/** Results of a `--reads` run: the machine, phase 3's figures, issue 17's target and the load meanwhile. */
export function readsOnlyResults(bench, reads) {
  const { figures } = bench;
  const machine = describeMachine({ comparison: "the reads against issue 17's target (p99 ≤ 50 ms at 200 req/s)" });
  return {
    machine,
    date: new Date().toISOString(),
    mode: 'reads',
    reads,
    load: loadOf(figures),
    targets: reads.endpoints.map((endpoint) => ({
      what: `${endpoint.endpoint} p99 at ${reads.rate} req/s, paced`,
      target: '≤ 50 ms',
      value: endpoint.p99_ms,
      ok: endpoint.p99_ms <= 50,
    })),
  };
}

/** The whole report of a `--reads` run. */
export function printReadsReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Load average: ${results.load.loadavg_at_start} at start, ${results.load.loadavg_at_end} at the end; other processes ${results.load.other_processes_pct_median}% of the CPU (median)`);
  printReads(results, log);
  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
  log(`reads_p99_ms=${results.reads.p99_ms} ${results.reads.endpoints.map((e) => `${e.endpoint.replace(/\W+/g, '_')}=${e.p99_ms}`).join(' ')}`);
}
