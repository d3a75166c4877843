// What a run measures: the full run (npm run bench) and the short one (--quick), and the sizes both share.

/**
 * One step at a time is measured twice at c=1: back to back (each step sent the moment the last is answered) and
 * spaced, each step this long after the last answer, when the last step's record and the workflow task that
 * takes it back (together about 30 ms here) are long done.
 */
const SPACED_PAUSE_MS = 100;

export const FULL = {
  mode: 'full',
  warmupCycles: 2,
  levels: [
    { concurrency: 1, cycles: 6, rounds: 3 },
    { concurrency: 10, cycles: 30, rounds: 3 },
    { concurrency: 50, cycles: 50, rounds: 1 },
  ],
  spacedPauseMs: SPACED_PAUSE_MS,
  readsSeconds: 20,
  autocannonSeconds: 10,
  scale: [10, 100, 1000],
  scaleCycles: 3,
  pagesSeconds: 20,
  documentsSeconds: 20,
  burst: { cycles: 300, invited: 20 },
  dashboardSeconds: 20,
};

// Quick leaves out 50 concurrent cycles (3,300 steps, most of a full run's time) and 1,000 open cycles.
export const QUICK = {
  mode: 'quick',
  warmupCycles: 1,
  levels: [
    { concurrency: 1, cycles: 2, rounds: 2 },
    { concurrency: 10, cycles: 10, rounds: 1 },
  ],
  spacedPauseMs: SPACED_PAUSE_MS,
  readsSeconds: 8,
  autocannonSeconds: 3,
  scale: [10, 100],
  scaleCycles: 2,
  pagesSeconds: 8,
  documentsSeconds: 8,
  // 40 × 20 is 1,760 steps, about two minutes a shape at the 12–16 steps/s this machine sustains.
  burst: { cycles: 40, invited: 20 },
  dashboardSeconds: 8,
};

// --pages measures the pages alone (issue 14's figures): the set-up, then phase 6 only.
export const PAGES = { mode: 'pages', pagesSeconds: 20 };
// --documents measures the documents alone (issue 15's figures): the set-up, then phase 7 only.
export const DOCUMENTS = { mode: 'documents', documentsSeconds: 20 };
// --notifications measures the channels alone (issue 16's figures): the set-up, then phase 8 only.
export const NOTIFICATIONS = { mode: 'notifications' };
// --reads measures the reads alone (issue 17's figures): the set-up, one closed cycle, then phase 3 only.
export const READS = { mode: 'reads', readsSeconds: 20, autocannonSeconds: 10, scale: [10] };
// --burst measures a province's burst alone (issue 17's figures): the set-up, then phase 9 only, at the full
// run's size, or at the quick run's with --quick; on the dev shape unless --shape= names one.
export const BURST = { mode: 'burst', burst: FULL.burst };
// --dashboard measures the committee's dashboard and year report alone (issue 18's figures): the set-up, then phase 10 only.
export const DASHBOARD = { mode: 'dashboard', dashboardSeconds: 20 };
export const BURST_QUICK = { mode: 'burst', burst: QUICK.burst };
// --steps measures phases 1 + 2 alone (issue 17's step latency): the set-up, then one cycle at a time (back to
// back and spaced) and 10 at once, at the quick run's levels with more cycles one at a time; either shape.
export const STEPS = { mode: 'steps', warmupCycles: 1, levels: [{ concurrency: 1, cycles: 4, rounds: 2 }, QUICK.levels[1]], spacedPauseMs: SPACED_PAUSE_MS };
// --scale measures the open cycles' cost alone (issue 17's worker memory and flat step cost): the set-up, then
// phase 4 only, at the full run's levels (10, 100, 1,000 open), or at the quick run's with --quick.
export const SCALE = { mode: 'scale', scale: FULL.scale, scaleCycles: FULL.scaleCycles };
export const SCALE_QUICK = { mode: 'scale', scale: QUICK.scale, scaleCycles: QUICK.scaleCycles };

/** The plan the command line asks for: the first one-phase flag given, else --quick or the full run. */
export function planFor(argv) {
  const quick = argv.includes('--quick');
  const onePhase = [
    ['--dashboard', DASHBOARD],
    ['--pages', PAGES],
    ['--documents', DOCUMENTS],
    ['--notifications', NOTIFICATIONS],
    ['--reads', READS],
    ['--steps', STEPS],
    ['--burst', quick ? BURST_QUICK : BURST],
    ['--scale', quick ? SCALE_QUICK : SCALE],
  ].find(([flag]) => argv.includes(flag));
  return onePhase ? onePhase[1] : quick ? QUICK : FULL;
}

/** Reads per second, paced, per endpoint. */
export const READ_RATE = 200;
/** Cells invited to each cycle: a cycle is 2 × 14 + 5 = 33 steps. */
export const INVITED_CELLS = 14;
/** The concurrency whose figures are the headline (step, floor, overhead). */
export const TARGET_CONCURRENCY = 10;
/** Cycles per level whose histories are read to split step latency into Temporal and the rest. */
export const HISTORIES_PER_LEVEL = 10;
/** Clients launching the cycles that stay open (reads and scale). */
export const LAUNCH_CONCURRENCY = 20;

/** Page requests per second, paced, for the pages' server time (issue 14: p99 ≤ 50 ms at 50 requests/s). */
export const PAGE_RATE = 50;
/** What a page may weigh on its first load, compressed, with everything it loads (web.md). */
export const PAGE_BUDGET_BYTES = 30 * 1024;
/** The 3G-like connection of issue 14: each step of the walk should land in under 3 s. */
export const SLOW_NETWORK = { latencyMs: 400, kbitPerSecond: 400, stepBudgetMs: 3_000 };
/** Cells invited to, attending and critiquing the documents phase's cycle (issue 15: 100 invitations, 100 critiques). */
export const DOCUMENT_CELLS = 100;
/** Minutes PDFs requested per second, paced (issue 15: p99 at 10 requests/s). */
export const DOCUMENT_RATE = 10;
/** Cells of the notifications phase's commune: one hosts, the other 99 are invited (issue 16: a 100-cell cycle). */
export const NOTIFICATION_CELLS = 100;
/** How long phase 8 waits for the last delivery before it reports the rest as pending. */
export const DELIVERY_TIMEOUT_MS = 180_000;

/**
 * Phase 9, a province's burst: cells per commune of the province. Each cell hosts one of the burst's cycles
 * (a cell never hosts two open cycles) and is invited to others of its commune, so a burst of N cycles
 * seeds ⌈N / 30⌉ communes (300 cycles: 10 communes, 300 cells), each of a merged commune's size (domain.md).
 */
export const BURST_COMMUNE_CELLS = 30;
/** Clients sending the burst's requests: this many launches, then steps, in flight at any moment. */
export const BURST_CLIENTS = 20;
/**
 * meetingAt this long after each launch is sent: in the future when the API checks it, and long past when the
 * cycle's RSVPs are done (RSVPs are taken until the meeting is recorded, whatever the hour).
 */
export const BURST_MEETING_LEAD_MS = 15_000;

/**
 * Phase 10, the committee's dashboard (issue 18): the commune measured, 100 cells (a merged commune's size,
 * domain.md) in clusters of 25. Each cluster holds one model meeting a quarter, hosted by its cells in turn and
 * inviting the other 24: 16 cycles a year, each cell hosting about once in six years and invited to four
 * meetings a year. (One meeting a quarter for the whole commune would be 4 a year with 99 invitations each;
 * one per cell per quarter, 400 a year, is more than any committee could follow.)
 */
export const DASHBOARD_COMMUNE = { cells: 100, clusterSize: 25 };
/** Years of closed cycles before this one (this year's are there too, up to now). */
export const DASHBOARD_YEARS = 10;
/** The other communes written beside it, each one cluster holding one meeting a quarter: indexes must keep them out of its reads. */
export const DASHBOARD_OTHER_COMMUNES = { count: 29, cells: 30, clusterSize: 30 };
/** Dashboard requests per second, paced, and issue 18's goal for them. */
export const DASHBOARD_RATE = 20;
export const DASHBOARD_GOAL_P99_MS = 100;
/** Downloads of each year-report export, one after another (the first is reported apart). */
export const EXPORT_DOWNLOADS = 5;

/**
 * The two shapes a quick or full run measures, in this order, each against its own floor (issue 17):
 *   dev      the Temporal CLI's dev server on a SQLite file; one API, one worker, one floor worker;
 *   cluster  the production shape: Temporal's services as separate processes on PostgreSQL
 *            (scripts/lib/temporal-cluster.mjs); the API twice, the worker three times, and as many floor
 *            workers as workers, so the floor has the same worker count.
 * The cluster runs phases 1+2, 3, 4 and 9 only; pages, documents, notifications and where-the-time-goes are
 * the dev shape's (--pages, --documents and --notifications run on the dev shape alone).
 */
export const SHAPES = {
  dev: { apis: 1, workers: 1, floorWorkers: 1 },
  cluster: { apis: 2, workers: 3, floorWorkers: 3 },
};

/**
 * The shapes the command line asks for: both unless --shape=dev or --shape=cluster. A one-phase run is the
 * dev shape's, but for --steps, --burst and --scale, which take --shape= (one shape a run).
 */
export function shapesFor(argv, plan) {
  const asked = argv.find((argument) => argument.startsWith('--shape='))?.slice('--shape='.length);
  if (!plan.levels && (!['burst', 'scale'].includes(plan.mode) || asked === undefined)) return ['dev'];
  if (plan.mode === 'steps' && asked === undefined) return ['dev'];
  if (asked === undefined) return Object.keys(SHAPES);
  if (!SHAPES[asked]) throw new Error(`--shape=${asked}: use --shape=dev or --shape=cluster (or neither, for both)`);
  return [asked];
}
