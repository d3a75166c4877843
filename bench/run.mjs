// npm run bench [-- --quick] [-- --shape=dev|cluster]: performance of the real stack on this machine, against
// a floor, in two shapes one after the other (plan.mjs's SHAPES), each against its own floor:
//   dev      a Temporal dev server with a file database; one API, one worker, one floor worker;
//   cluster  Temporal's services as separate processes on PostgreSQL (scripts/lib/temporal-cluster.mjs); the
//            API twice, the worker three times, three floor workers. Phases 1+2, 3, 4 and 9 only.
// For each shape it starts everything itself on free ports (Temporal, a fresh PostgreSQL database, the
// workers and the APIs as separate production-mode processes, and the floor's workers), runs the phases
// below, one module each under phases/, in this order, and stops it all before the next shape:
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
//   burst         9. a province's burst: 300 cycles × 20 invited cells (quick: 40) in communes of their own,
//                    launched by 20 clients, then all driven to CLOSED at once through 20 clients: launches/s,
//                    steps/s, step latency, answers other than 2xx, storage per closed cycle (both shapes);
//   dashboard    10. the committee's dashboard and year report (issue 18): a 100-cell commune with ten years of
//                    cycles and 29 other communes written with SQL (scripts/lib/commune-history.mjs), then the dashboard,
//                    a cell's record, the overview page and the year report at 20 requests/s, paced, and the
//                    year report's exports timed and weighed (dev shape, after the burst);
//   where-time-goes 5. PostgreSQL round trips, Temporal calls and the API's CPU profile per step and per
//                    read (apps restarted behind counting proxies, API under the inspector).
// report.mjs: what is collected besides (memory at the end of each phase, CPU per step of each process, the
// rest of the machine's load), bench/results/latest.json (the dev shape's figures at the top, both shapes'
// under `shapes`), and the tables, the shapes side by side against issue 17's goals, ending with one line:
//   overhead_p50=<x> step_p99_ms=<y> reads_p99_ms=<z> cluster_overhead_p50=<…> cluster_step_p99_ms=<…> cluster_reads_p99_ms=<…>
// Targets are printed next to the results (✓/✗), never asserted. --quick runs a short version (plan.mjs);
// --pages, --documents, --notifications and --dashboard run the set-up and phase 6, 7, 8 or 10 only; --reads the set-up, one
// closed cycle (as phase 1 leaves them) and phase 3; --steps the set-up and phases 1 + 2 (the dev shape unless
// --shape= names one); --burst the set-up and phase 9 (the full run's size, the
// quick run's with --quick; the dev shape unless --shape= names one); --replay no servers at all: what replaying a
// cycle's history costs (replay.mjs), the price of a step to a cycle evicted from the worker's cache.
import { ensureDependencies, reexecOnPinnedNode } from '../scripts/lib/bootstrap.mjs';
import { planFor, shapesFor } from './plan.mjs';

async function main() {
  // --replay needs no servers: it replays kept histories in processes of its own.
  if (process.argv.includes('--replay')) return (await import('./replay.mjs')).runReplayBench();
  // Loaded once the dependencies are sure to be installed, on the pinned Node.
  const { Cleanups } = await import('./lib/stack.mjs');
  const { Figures, printReport, resultsOf, saveResults, shapeFigures } = await import('./report.mjs');
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
  const { measureBurst } = await import('./phases/burst.mjs');
  const { burstOnlyResults, printBurstReport } = await import('./burst-report.mjs');
  const { printScaleReport, scaleOnlyResults } = await import('./scale-report.mjs');
  const { printStepsReport, stepsOnlyResults } = await import('./steps-report.mjs');
  const { measureDashboard } = await import('./phases/dashboard.mjs');
  const { dashboardOnlyResults, dashboardTargets, printDashboard, printDashboardReport } = await import('./dashboard-report.mjs');

  const plan = planFor(process.argv);
  const shapes = shapesFor(process.argv, plan);
  const runStarted = Date.now();
  const log = (line = '') => console.log(line);
  const elapsed = () => `${Math.round((Date.now() - runStarted) / 1000)} s`;
  // Each shape has its own cleanups, run before the next shape starts; `cleanups` is the current one's.
  let cleanups = new Cleanups();
  let brokenBy = null;
  const onUnexpectedExit = (message) => {
    brokenBy ??= new Error(message);
  };
  const ensureAlive = () => {
    if (brokenBy) throw brokenBy;
  };
  let stopping = false;
  const onSignal = (signal) => {
    stopping = true;
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
    const duration =
      {
        quick: { dev: 'about 11 minutes', cluster: 'about 7 minutes', both: 'about 18 minutes' },
        full: { dev: 'about 30 minutes', cluster: 'about 30 minutes', both: 'about an hour' },
      }[plan.mode]?.[shapes.length > 1 ? 'both' : shapes[0]] ??
      { pages: 'about 2 minutes', documents: 'about 3 minutes', notifications: 'about 3 minutes', reads: 'about 2 minutes', steps: 'about 5 minutes a shape', dashboard: 'about 4 minutes', burst: plan.mode === 'burst' ? burstDuration(plan) : null, scale: plan.mode === 'scale' ? (plan.scale.length > 2 ? 'about 3–4 minutes' : 'about 2 minutes') : null }[plan.mode];
    log(`• npm run bench (${plan.mode}; ${shapes.map((shape) => `${shape} shape`).join(', then ')}) — this takes ${duration}`);
    const shared = {};
    const byShape = {};
    const failed = {};
    let extras = null;
    for (const shape of shapes) {
      log(`\n═══ The ${shape} shape (${elapsed()}) ═══`);
      // A process of the previous shape that died is no reason to stop this one.
      if (!String(brokenBy?.message).startsWith('stopped by')) brokenBy = null;
      try {
        const figures = new Figures();
        const bench = await setUp({ plan, shape, shared, log, elapsed, ensureAlive, onUnexpectedExit, cleanups, figures });
        if (plan.mode !== 'quick' && plan.mode !== 'full') return await onePhase(bench);
        const steps = await measureSteps(bench);
        const { reads, firstOpen } = await measureReads(bench, steps);
        if (shape === 'dev') {
          const pages = await measurePages(bench);
          const documents = await measureDocuments(bench);
          const notifications = await measureNotifications(bench);
          const scale = await measureScale(bench, { firstOpen });
          // Before phase 5, which leaves the apps restarted behind its proxies and under the inspector.
          const burst = await measureBurst(bench);
          // Last before phase 5 (restarted apps, the inspector): its ten years of rows stay out of the phases
          // before it, and an action-item sweep finding their overdue items could only fall in phase 5.
          const dashboard = await measureDashboard(bench);
          const profile = await whereTimeGoes(bench);
          byShape.dev = resultsOf(bench, { steps, reads, scale, profile, burst });
          extras = { pages, documents, notifications, dashboard };
        } else {
          const scale = await measureScale(bench, { firstOpen });
          const burst = await measureBurst(bench);
          byShape[shape] = resultsOf(bench, { steps, reads, scale, burst });
        }
      } catch (error) {
        // One shape failing (a run on a busy machine can time out) still leaves the other's figures; a signal
        // stops the run, whatever the error its requests in flight ended with.
        if (shapes.length === 1 || stopping) throw error;
        console.error(`✗ the ${shape} shape failed: ${error.stack ?? error.message}`);
        failed[shape] = error.message;
      } finally {
        // The shape's processes go before the next shape starts: the next one gets the whole machine.
        log(`• Stopping the ${shape} shape…`);
        await cleanups.run(log);
        cleanups = new Cleanups();
      }
    }
    // The dev shape's results stay at the top of the file, as before the shapes; both shapes under `shapes`.
    const [top, ...others] = Object.values(byShape);
    if (!top) throw new Error(`every shape failed: ${JSON.stringify(failed)}`);
    const results = top;
    if (extras) {
      results.pages = extras.pages;
      results.documents = extras.documents;
      results.notifications = extras.notifications;
      results.dashboard = extras.dashboard;
      results.targets.push(...pagesTargets(extras.pages), ...dashboardTargets(extras.dashboard));
    }
    results.shapes = Object.fromEntries(Object.entries(byShape).map(([shape, shapeResults]) => [shape, shapeFigures(shapeResults, { withDetails: shapeResults !== top })]));
    if (Object.keys(failed).length) results.shapes_failed = failed;
    const output = saveResults(results);
    for (const [shape, message] of Object.entries(failed)) log(`\n✗ the ${shape} shape failed, no figures of its own: ${message}`);
    printReport(results, { log, output, elapsed, extraSections: extras ? [printPages, printDocuments, printNotifications, printDashboard] : [], others });
    return Object.keys(failed).length ? 1 : 0;
  } catch (error) {
    if (String(error?.message).startsWith('stopped by')) log('• Stopped before the end; nothing written.');
    else console.error(`✗ bench failed: ${error.stack ?? error.message}`);
    return 1;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await cleanups.run(log);
  }

  /** --pages, --documents, --notifications, --reads, --dashboard: the dev shape's set-up, then one phase; --burst and --scale: either shape's. */
  async function onePhase(bench) {
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
    if (plan.mode === 'dashboard') {
      const results = dashboardOnlyResults(bench, await measureDashboard(bench));
      printDashboardReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'steps') {
      const results = stepsOnlyResults(bench, await measureSteps(bench));
      printStepsReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'burst') {
      const results = burstOnlyResults(bench, await measureBurst(bench));
      printBurstReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    if (plan.mode === 'scale') {
      const results = scaleOnlyResults(bench, await measureScale(bench, { firstOpen: null }));
      printScaleReport(results, { log, output: saveResults(results), elapsed });
      return 0;
    }
    throw new Error(`no phase for mode ${plan.mode}`);
  }
}

/** A --burst run's length: the set-up and the seeding, then about 45 steps a cycle at the 12–16 steps/s this machine sustains. */
function burstDuration(plan) {
  return `about ${Math.round(2 + (plan.burst.cycles * 45) / 14 / 60)} minutes`;
}

ensureDependencies();
if (!reexecOnPinnedNode()) process.exitCode = await main();
