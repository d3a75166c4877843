// Phase 4, scale: more and more cycles open at once (waiting on their timers), and at each level the step
// latency of a few fresh cycles at concurrency 1, the CPU per step and the workers' memory (the largest
// worker process, and all of them together when the shape runs several). Answers one point per level; the
// slopes are worked out in report.mjs.
import pg from 'pg';
import { acceptInvitationBody } from '../../scripts/lib/step-bodies.mjs';
import { oursDrive, runCycles, summariseRuns } from '../lib/cycles.mjs';
import { memoryOfAll } from '../lib/stack.mjs';
import { summarise } from '../lib/stats.mjs';

/**
 * RSVPs sent at each level to the cycles opened first, which a worker whose cache holds fewer cycles than are
 * open has evicted: such a step replays its cycle's history first (WORKER_MAX_CACHED_WORKFLOWS trades this for
 * memory). Each goes to a cycle not touched since its launch.
 */
const OLDEST_STEPS = 5;

export async function measureScale(bench, { firstOpen }) {
  const { plan, log, elapsed, servers } = bench;
  log(`\n── 4. Scale: ${plan.scale.join(' / ')} cycles open, step latency on ${plan.scaleCycles} fresh cycles each ──`);
  const scale = [];
  let oldestAnswered = 0;
  for (const target of plan.scale) {
    bench.ensureAlive();
    const opened = bench.openCycles.ids.length;
    const launches = target > opened ? await bench.openCycles.launch(target - opened) : firstOpen;
    const openInDb = await countOpenCycles(servers.postgres.databaseUrl);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const workerBefore = memoryOfAll(bench.apps.workers.map((worker) => worker.pid));
    const measured = summariseRuns(bench, [await runCycles(bench, { concurrency: 1, cycles: plan.scaleCycles, drive: oursDrive(bench, 1) })]);
    const oldest = await stepOldestCycles(bench, bench.openCycles.ids.slice(oldestAnswered, oldestAnswered + OLDEST_STEPS));
    oldestAnswered += OLDEST_STEPS;
    const after = bench.figures.snapshotMemory(`scale ${target} open`);
    scale.push({
      open_cycles: openInDb,
      step_p50_ms: measured.p50_ms,
      step_p95_ms: measured.p95_ms,
      step_p99_ms: measured.p99_ms,
      steps: measured.steps,
      errors: measured.errors,
      worker_rss_mb: after.worker?.rss_mb ?? null,
      worker_rss_sum_mb: after.worker?.sum_mb ?? null,
      workers: after.worker?.processes ?? null,
      worker_rss_idle_mb: workerBefore?.rss_mb ?? null,
      oldest_step_p50_ms: oldest.p50_ms,
      oldest_step_max_ms: oldest.max_ms,
      api_rss_mb: after.api?.rss_mb ?? null,
      launch_p50_ms: launches.p50_ms,
      launch_p99_ms: launches.p99_ms,
      launch_errors: launches.errors ?? 0,
      cpu_ms_per_step: measured.cpu.cpu_ms_per_step_total,
      cpu_ms_per_step_by_process: measured.cpu.cpu_ms_per_step,
      other_processes_pct: measured.cpu.other_processes_pct,
    });
    log(
      `  ${String(openInDb).padStart(5)} open: step p50 ${measured.p50_ms} ms p99 ${measured.p99_ms} ms; worker RSS ${after.worker?.rss_mb} MB` +
        `${(after.worker?.processes ?? 1) > 1 ? ` (largest of ${after.worker.processes}; ${after.worker.sum_mb} MB in all)` : ''}` +
        `; RSVP to the oldest open cycles p50 ${oldest.p50_ms} ms (launches p50 ${launches.p50_ms} ms) (${elapsed()})`,
    );
  }
  return scale;
}

/** One RSVP each to the given open cycles, one after another, by the first invited cell's secretary. */
async function stepOldestCycles(bench, cycleIds) {
  const visitor = bench.commune.cells[1];
  const latencies = [];
  for (const cycleId of cycleIds) {
    const { ms } = await bench.api.expect(200, 'POST', `/api/cycles/${cycleId}/invitations/${visitor.id}/rsvp`, {
      token: visitor.secretary.token,
      body: acceptInvitationBody(),
    });
    latencies.push(ms);
  }
  return summarise(latencies);
}

async function countOpenCycles(databaseUrl) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS open FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
    return rows[0].open;
  } finally {
    await client.end();
  }
}
