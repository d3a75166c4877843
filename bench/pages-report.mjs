// The pages' figures (phase 6) on the terminal and in the results: weight per page, server time at a paced
// rate, the 3G walk, and issue 14's targets beside them (printed with ✓/✗, never asserted).
import { describeMachine } from './lib/stack.mjs';
import { table } from './lib/stats.mjs';
import { PAGE_BUDGET_BYTES, SLOW_NETWORK } from './plan.mjs';

const ok = (value, limit) => (value === null || value === undefined ? null : value <= limit);

/** Issue 14's three targets, as measured. */
export function pagesTargets(pages) {
  const heaviest = Math.max(...pages.weights.map((weight) => weight.transferred_bytes));
  const mostBlocking = Math.max(...pages.weights.map((weight) => weight.blocking_requests));
  const serverP99 = Math.max(...pages.server_time.pages.map((page) => page.p99_ms));
  const slowest = pages.slow_network.slowest_ms ?? null;
  return [
    { what: `heaviest page's first load (${pages.weights.length} pages), gzip`, target: `≤ ${PAGE_BUDGET_BYTES} B`, value: heaviest, ok: ok(heaviest, PAGE_BUDGET_BYTES) },
    { what: 'requests that block rendering, worst page', target: '≤ 1', value: mostBlocking, ok: ok(mostBlocking, 1) },
    { what: `pages' server time p99 at ${pages.server_time.rate} req/s`, target: '≤ 50 ms', value: serverP99, ok: ok(serverP99, 50) },
    {
      what: `slowest step on ${SLOW_NETWORK.latencyMs} ms / ${SLOW_NETWORK.kbitPerSecond} kbit/s`,
      target: `< ${SLOW_NETWORK.stepBudgetMs} ms`,
      value: slowest,
      ok: slowest === null ? null : slowest < SLOW_NETWORK.stepBudgetMs,
    },
  ];
}

/** Results of a `--pages` run: the machine, the pages' figures and their targets. */
export function pagesOnlyResults(bench, pages) {
  const machine = describeMachine({ comparison: 'the pages against issue 14\'s budgets (30 KB first load, p99 ≤ 50 ms at 50 req/s, < 3 s a step on 3G)' });
  return { machine, date: new Date().toISOString(), mode: 'pages', pages, targets: pagesTargets(pages) };
}

export function printPages(results, log) {
  const { pages } = results;
  if (!pages) return;
  log(`\nPages — first load on an empty cache (gzip; bytes include headers and whatever the page loads; budget ${pages.budget_bytes} B)`);
  log(
    table(
      ['page', 'as', 'status', 'transferred B', 'HTML B', 'requests', 'blocking'],
      pages.weights.map((weight) => [weight.page, weight.as, weight.status, weight.transferred_bytes, weight.html_bytes, weight.requests, weight.blocking_requests]),
    ),
  );
  log(`\nPages — server time, paced open loop at ${pages.server_time.rate} req/s for ${pages.server_time.seconds} s each (a phone's Accept-Encoding: gzip)`);
  log(
    table(
      ['page', 'p50 ms', 'p99 ms', 'max ms', 'requests', 'errors', 'what'],
      pages.server_time.pages.map((page) => [page.page, page.p50_ms, page.p99_ms, page.max_ms, page.requests, page.errors, page.note]),
    ),
  );
  const walk = pages.slow_network;
  if (walk.skipped) log(`\nPages — no 3G walk: ${walk.skipped}`);
  else {
    log(`\nPages — a walk in Chromium at 360×740 on ${walk.profile.latencyMs} ms latency, ${walk.profile.kbitPerSecond} kbit/s each way (tap → next page loaded, redirects included)`);
    log(table(['who', 'step', 'ms', 'landed on'], walk.steps.map((step) => [step.who, step.step, step.ms, step.landed_on])));
  }
}

/** The whole report of a `--pages` run. */
export function printPagesReport(results, { log, output, elapsed }) {
  const m = results.machine;
  log('\n══ Results ══════════════════════════════════════════════════════════════════════════════════════');
  log(`Machine: ${m.cores} cores, ${m.cpu_model}, ${m.memory_gb} GB, Node ${m.node}, ${m.os}`);
  log(`Compared: ${m.comparison}`);
  printPages(results, log);
  log('\nTargets (measured, not asserted)');
  log(table(['', 'target', 'measured', ''], results.targets.map((t) => [t.what, t.target, t.value, t.ok === null ? '?' : t.ok ? '✓' : '✗'])));
  log(`\nWritten ${output} (${elapsed()} in all)`);
  const [weight, , server, walk] = results.targets;
  log(`page_max_bytes=${weight.value} pages_p99_ms=${server.value} slow_step_max_ms=${walk.value}`);
}
