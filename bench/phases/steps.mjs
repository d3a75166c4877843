// Phases 1 + 2, steps through the API and the floor: full cycles (14 invited cells, 33 steps) by 1, 10 (and
// 50) concurrent clients, ours and the floor taking turns round by round; each step's latency set against
// its update's span in the workflow history. Answers `levels` (one entry per concurrency, ours with the
// floor beside it) and the `history` of one cycle of each side.
import { cancelBody } from '../../scripts/lib/step-bodies.mjs';
import { STEP_KINDS } from '../lib/api.mjs';
import { floorDrive, oursDrive, runCycles, summariseRuns } from '../lib/cycles.mjs';
import { readHistory } from '../lib/history.mjs';
import { median, ratio, round, strip } from '../lib/stats.mjs';
import { HISTORIES_PER_LEVEL } from '../plan.mjs';

export async function measureSteps(bench) {
  const { plan, log, elapsed, client, commune } = bench;
  log(`\n── 1+2. Steps through the API vs the floor (${plan.levels.map((level) => `${level.cycles} cycles at ${level.concurrency}`).join(', ')}) ──`);
  await runCycles(bench, { concurrency: 1, cycles: plan.warmupCycles, drive: oursDrive(bench, 1) });
  await runCycles(bench, { concurrency: 1, cycles: plan.warmupCycles, drive: floorDrive(bench) });
  const levels = [];
  let firstTraces = null;
  for (const level of plan.levels) {
    bench.ensureAlive();
    // Ours and the floor take turns, round by round, so both see the same background on a shared machine.
    const oursRuns = [];
    const floorRuns = [];
    for (let round = 0; round < level.rounds; round += 1) {
      const cycles = Math.round(level.cycles / level.rounds);
      oursRuns.push(await runCycles(bench, { concurrency: level.concurrency, cycles, drive: oursDrive(bench, level.concurrency) }));
      floorRuns.push(await runCycles(bench, { concurrency: level.concurrency, cycles, drive: floorDrive(bench) }));
    }
    const ours = summariseRuns(bench, oursRuns);
    const floor = summariseRuns(bench, floorRuns);
    // Where the time went at this concurrency: each step against its update's span in the history.
    ours.temporal = await spanBreakdown(client, ours.traces.slice(0, HISTORIES_PER_LEVEL));
    floor.temporal = await spanBreakdown(client, floor.traces.slice(0, HISTORIES_PER_LEVEL));
    firstTraces ??= { ours: ours.traces[0], floor: floor.traces[0] };
    const entry = {
      ...ours,
      floor: strip(floor),
      overhead_p50: ratio(ours.p50_ms, floor.p50_ms),
      overhead_p99: ratio(ours.p99_ms, floor.p99_ms),
      overhead_cpu: ratio(ours.cpu.cpu_ms_per_step_total, floor.cpu.cpu_ms_per_step_total),
    };
    if (level.concurrency === 1 && plan.spacedPauseMs) entry.spaced = await measureSpaced(bench, level, plan.spacedPauseMs);
    levels.push(entry);
    log(
      `  c=${String(level.concurrency).padStart(2)}: ours p50 ${ours.p50_ms} ms p99 ${ours.p99_ms} ms ${ours.steps_per_s} steps/s` +
        ` | floor p50 ${floor.p50_ms} ms p99 ${floor.p99_ms} ms ${floor.steps_per_s} steps/s` +
        ` | errors ${ours.errors}/${floor.errors} (${elapsed()})`,
    );
    for (const sample of ours.error_samples) log(`    ours error: ${sample}`);
    for (const sample of floor.error_samples) log(`    floor error: ${sample}`);
  }
  bench.figures.snapshotMemory('steps + floor');
  // Cycles cut short by an error stay open; cancel them so the scale phase counts only its own.
  const leftovers = await bench.pgMonitor.query(`SELECT id FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')`);
  for (const { id } of leftovers.rows) {
    await bench.api.request('POST', `/api/cycles/${id}/cancel`, { token: commune.staff.token, body: cancelBody('Dừng sau lỗi trong lúc đo') });
  }
  if (leftovers.rows.length) log(`  (cancelled ${leftovers.rows.length} cycles left open by errors)`);

  // History of one full cycle of each (concurrency 1).
  const history = {
    ours: await readHistory(client, firstTraces.ours.workflowId),
    floor: await readHistory(client, firstTraces.floor.workflowId),
  };
  return { levels, history };
}

/**
 * One step at a time with nothing else of the cycle's in flight: the same cycles as the level at c=1, each
 * step sent `pauseMs` after the last one was answered, ours and the floor taking turns. Back to back (the
 * level itself), a step can reach its workflow while the last step's record is still being taken back by a
 * workflow task, and waits for that task; a person's next step on the same cycle rarely comes that soon.
 */
async function measureSpaced(bench, level, pauseMs) {
  const { log, client, elapsed } = bench;
  const oursRuns = [];
  const floorRuns = [];
  for (let round = 0; round < level.rounds; round += 1) {
    const cycles = Math.round(level.cycles / level.rounds);
    oursRuns.push(await runCycles(bench, { concurrency: 1, cycles, drive: oursDrive(bench, 1, pauseMs) }));
    floorRuns.push(await runCycles(bench, { concurrency: 1, cycles, drive: floorDrive(bench, pauseMs) }));
  }
  const ours = summariseRuns(bench, oursRuns);
  const floor = summariseRuns(bench, floorRuns);
  const spaced = {
    pause_ms: pauseMs,
    cycles: ours.cycles,
    steps: ours.steps,
    errors: ours.errors + floor.errors,
    p50_ms: ours.p50_ms,
    p99_ms: ours.p99_ms,
    floor_p50_ms: floor.p50_ms,
    floor_p99_ms: floor.p99_ms,
    overhead_p50: ratio(ours.p50_ms, floor.p50_ms),
    by_kind: Object.fromEntries(Object.entries(ours.by_kind).map(([kind, figures]) => [kind, { p50_ms: figures.p50_ms, floor_p50_ms: floor.by_kind[kind]?.p50_ms ?? null }])),
    temporal: {
      ours: await spanBreakdown(client, ours.traces.slice(0, HISTORIES_PER_LEVEL)),
      floor: await spanBreakdown(client, floor.traces.slice(0, HISTORIES_PER_LEVEL)),
    },
  };
  log(`  c= 1 spaced (${pauseMs} ms between steps): ours p50 ${spaced.p50_ms} ms p99 ${spaced.p99_ms} ms | floor p50 ${spaced.floor_p50_ms} ms p99 ${spaced.floor_p99_ms} ms | errors ${ours.errors}/${floor.errors} (${elapsed()})`);
  return spaced;
}

/**
 * Per step kind and overall (medians): the client-measured total, the update's span on the server (from
 * the workflow task that accepted it to the update completed, history event times), the run time of its
 * activity, what is left outside Temporal (HTTP, auth, access checks, reading the answer, gRPC), and the
 * share of updates taken by the workflow task scheduled for the last record's completion (the update came
 * while that task waited for the worker: its span starts before it arrived, so outside Temporal is understated).
 */
async function spanBreakdown(client, traces) {
  const rows = [];
  for (const trace of traces) {
    const { updates } = await readHistory(client, trace.workflowId);
    if (updates.length !== trace.steps.length) continue;
    trace.steps.forEach((step, index) => rows.push({ kind: step.kind, ms: step.ms, ...updates[index] }));
  }
  const summary = (mine) => {
    const of = (pick) => round(median(mine.map(pick)));
    return {
      total_ms: of((row) => row.ms),
      temporal_span_ms: of((row) => row.spanMs),
      accept_task_ms: of((row) => row.acceptMs),
      activity_dispatch_ms: of((row) => row.dispatchMs),
      activity_ms: of((row) => row.activityMs),
      finish_task_ms: of((row) => row.finishMs),
      outside_temporal_ms: of((row) => row.ms - row.spanMs),
      with_record_task_pct: mine.length ? round((100 * mine.filter((row) => row.withRecordTask).length) / mine.length) : null,
    };
  };
  return {
    cycles: traces.length,
    all: summary(rows),
    by_kind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, summary(rows.filter((row) => row.kind === kind))])),
  };
}
