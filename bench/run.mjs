// npm run bench [-- --quick]: performance of the real stack on this machine, against a floor.
//
// Starts everything itself on free ports (a Temporal dev server with a file database, a fresh PostgreSQL
// database, the worker and the API as separate production-mode processes, and a worker for the floor),
// then runs the phases below, one module each under phases/, in this order:
//   setup            the stack, the apps, the floor's worker, a commune seeded through the API;
//   steps       1+2. step latency through the API: full cycles (14 invited cells, 33 steps) by 1, 10 and 50
//                    concurrent clients, against the floor (a bare workflow with the same updates, activities
//                    and timers, driven straight through a Temporal client): overhead = ours / floor;
//   reads         3. GET /api/cycles/:id and GET /api/me/tasks at a fixed 200 requests/s, evenly paced
//                    (open loop), then with autocannon (whose rate limit sends bursts) and its capacity;
//   scale         4. step latency and worker memory with 10, 100 and 1,000 cycles open at once;
//   pages         6. the pages: first-load weight, server time at 50 requests/s, a walk on a 3G-like
//                    connection in Chromium (run after reads, so "Việc của tôi" lists the open invitations);
//   documents     7. each document of a 100-invitation, 100-critique cycle in both formats through the API,
//                    and the minutes PDF at 10 requests/s;
//   notifications 8. a 100-cell cycle's invitations delivered by email, Zalo ZNS and SMS to the bench's own
//                    providers (lib/providers.mjs): launch to last delivery, and RSVP latency meanwhile
//                    against a like cycle with channels off;
//   where-time-goes 5. PostgreSQL round trips, Temporal calls and the API's CPU profile per step and per
//                    read (apps restarted behind counting proxies, API under the inspector).
// report.mjs: what is collected besides (memory at the end of each phase, CPU per step of each process, the
// rest of the machine's load), bench/results/latest.json, and the tables, ending with one line:
//   overhead_p50=<x> step_p99_ms=<y> reads_p99_ms=<z>
// Targets are printed next to the results (✓/✗), never asserted. --quick runs a short version (plan.mjs);
// --pages, --documents and --notifications run the set-up and phase 6, 7 or 8 only; --reads the set-up, one
// closed cycle (as phase 1 leaves them) and phase 3.
import { ensureDependencies, reexecOnPinnedNode } from '../scripts/lib/bootstrap.mjs';
import { planFor } from './plan.mjs';

async function main() {
  // Loaded once the dependencies are sure to be installed, on the pinned Node.
  const { Cleanups } = await import('./lib/stack.mjs');
  const { Figures, printReport, resultsOf, saveResults } = await import('./report.mjs');
  const { setUp } = await import('./phases/setup.mjs');
  const { measureSteps } = await import('./phases/steps.mjs');
  const { measureReads } = await import('./phases/reads.mjs');
  const { measureScale } = await import('./phases/scale.mjs');
  const { whereTimeGoes } = await import('./phases/where-time-goes.mjs');
  const { measurePages } = await import('./phases/pages.mjs');
  const { pagesOnlyResults, pagesTargets, printPages, printPagesReport } = await import('./pages-report.mjs');
  const { measureDocuments } = await import('./phases/documents.mjs');
  const { documentsOnlyResults, printDocuments, printDocumentsReport } = await import('./documents-report.mjs');
  const { measureNotifications } = await import('./phases/notifications.mjs');
  const { notificationsOnlyResults, printNotifications, printNotificationsReport } = await import('./notifications-report.mjs');
  const { closedCycleForReads, printReadsReport, readsOnlyResults } = await import('./reads-report.mjs');

  const plan = planFor(process.argv);
  const runStarted = Date.now();
  const figures = new Figures();
  const log = (line = '') => console.log(line);
  const elapsed = () => `${Math.round((Date.now() - runStarted) / 1000)} s`;
  const cleanups = new Cleanups();
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
    const duration = { quick: 'about 7 minutes', pages: 'about 2 minutes', documents: 'about 3 minutes', notifications: 'about 3 minutes', reads: 'about 2 minutes', full: 'about 16 minutes' }[plan.mode];
    log(`• npm run bench (${plan.mode}) — this takes ${duration}`);
    const bench = await setUp({ plan, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures });
    if (plan.mode === 'pages') {
      const results = pagesOnlyResults(bench, await measurePages(bench));
      printPagesReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'documents') {
      const results = documentsOnlyResults(await measureDocuments(bench));
      printDocumentsReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'notifications') {
      const results = notificationsOnlyResults(bench, await measureNotifications(bench));
      printNotificationsReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'reads') {
      const { reads } = await measureReads(bench, await closedCycleForReads(bench));
      const results = readsOnlyResults(bench, reads);
      printReadsReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    const steps = await measureSteps(bench);
    const { reads, firstOpen } = await measureReads(bench, steps);
    const pages = await measurePages(bench);
    const documents = await measureDocuments(bench);
    const notifications = await measureNotifications(bench);
    const scale = await measureScale(bench, { firstOpen });
    const profile = await whereTimeGoes(bench);
    const results = resultsOf(bench, { steps, reads, scale, profile });
    results.pages = pages;
    results.documents = documents;
    results.notifications = notifications;
    results.targets.push(...pagesTargets(pages));
    const output = saveResults(results);
    printReport(results, { log, output, elapsed, extraSections: [printPages, printDocuments, printNotifications] });
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
}

ensureDependencies();
if (!reexecOnPinnedNode()) process.exitCode = await main();
