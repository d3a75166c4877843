// Cycles as the phases run them: whole cycles by N concurrent clients (ours through the API, or the floor
// straight to Temporal), summarised per side and concurrency; and cycles launched to stay open.
import { performance } from 'node:perf_hooks';
import { LAUNCH_CONCURRENCY } from '../plan.mjs';
import { STEP_KINDS, driveApiCycle, launchOpenCycle } from './api.mjs';
import { driveFloorCycle } from './floor.mjs';
import { median, round, summarise } from './stats.mjs';

/** Drives ours: one full cycle through the API at `concurrency`, each step `pauseMs` after the last answer. */
export const oursDrive =
  (bench, concurrency, pauseMs = 0) =>
  ({ record, estimateMs }) => {
    // meetingAt far enough ahead for launch, plan and 14 RSVPs at the latency seen so far; the rest is waited.
    const guess = (estimateMs ?? 15 + 8 * concurrency) + pauseMs;
    const leadMs = Math.max(800, Math.round(16 * guess * 1.3 + 200));
    return driveApiCycle(bench.api, bench.commune, { leadMs, record, pauseMs });
  };

/** Drives the floor: the same cycle straight to the bare workflow. */
export const floorDrive =
  (bench, pauseMs = 0) =>
  ({ record }) =>
    driveFloorCycle(bench.client, bench.floorQueue, bench.commune, { record, pauseMs });

/** Runs `cycles` full cycles with `concurrency` clients; returns the raw samples, CPU and outcomes. */
export async function runCycles(bench, { concurrency, cycles, drive }) {
  const run = { concurrency, byKind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, []])), all: [], errors: [], ids: [], traces: [] };
  let waitMs = 0;
  let timersFired = 0;
  let next = 0;
  const record = (kind, ms) => {
    run.byKind[kind].push(ms);
    run.all.push(ms);
  };
  const stopMeter = await bench.cpu.start();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, cycles) }, async () => {
      while (next < cycles) {
        next += 1;
        bench.ensureAlive();
        // Each cycle's steps in order, to set against its history (steps of one cycle never overlap).
        const trace = [];
        const traced = (kind, ms) => {
          trace.push({ kind, ms });
          record(kind, ms);
        };
        try {
          const outcome = await drive({ record: traced, estimateMs: median(run.all.slice(-100)) });
          run.ids.push(outcome.cycleId ?? outcome.workflowId);
          run.traces.push({ workflowId: outcome.workflowId ?? `model-meeting-${outcome.cycleId}`, steps: trace });
          waitMs += outcome.waitMs;
          timersFired += outcome.timersFired;
        } catch (error) {
          run.errors.push(error.message);
        }
      }
    }),
  );
  run.wallMs = performance.now() - started;
  run.cpu = await stopMeter();
  run.cycles = cycles;
  run.waitMs = waitMs;
  run.timersFired = timersFired;
  // Time clients spent waiting for meetingAt is not the system's: steps/s counts the time they were sending.
  run.sendingMs = run.wallMs - waitMs / Math.min(concurrency, cycles);
  return run;
}

/** Several runs of one side at one concurrency, as one result (its CPU reading counts in the machine's load). */
export function summariseRuns(bench, runs) {
  const all = runs.flatMap((run) => run.all);
  const cpuUsed = mergeCpu(runs.map((run) => run.cpu));
  const used = bench.figures.cpuSummary(cpuUsed, all.length);
  bench.figures.foreignLoad.push(used.other_processes_pct);
  const errors = runs.flatMap((run) => run.errors);
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    concurrency: runs[0].concurrency,
    cycles: sum((run) => run.cycles),
    rounds: runs.length,
    completed: sum((run) => run.ids.length),
    ids: runs.flatMap((run) => run.ids),
    traces: runs.flatMap((run) => run.traces),
    steps: all.length,
    errors: errors.length,
    error_samples: [...new Set(errors)].slice(0, 3),
    ...summarise(all),
    steps_per_s: round((all.length / sum((run) => run.sendingMs)) * 1000, 1),
    wall_s: round(sum((run) => run.wallMs) / 1000, 1),
    meeting_wait_s: round(sum((run) => run.waitMs) / 1000, 1),
    timers_fired: sum((run) => run.timersFired),
    by_kind: Object.fromEntries(STEP_KINDS.map((kind) => [kind, summarise(runs.flatMap((run) => run.byKind[kind]))])),
    cpu: used,
  };
}

/** CPU readings of several stretches as one (shares weighted by wall time). */
function mergeCpu(readings) {
  const wallSeconds = readings.reduce((sum, reading) => sum + reading.wallSeconds, 0);
  const seconds = {};
  for (const reading of readings) for (const [name, value] of Object.entries(reading.seconds)) seconds[name] = (seconds[name] ?? 0) + value;
  const weighted = (pick) => readings.reduce((sum, reading) => sum + (pick(reading) ?? 0) * reading.wallSeconds, 0) / Math.max(1e-9, wallSeconds);
  return {
    wallSeconds,
    seconds,
    oursSeconds: readings.reduce((sum, reading) => sum + reading.oursSeconds, 0),
    machineBusyPct: weighted((reading) => reading.machineBusyPct),
    foreignPct: weighted((reading) => reading.foreignPct),
  };
}

/**
 * Cycles launched to stay open (reads need a secretary with open invitations, scale needs many open
 * cycles): `ids` so far, and `launch(count)` by LAUNCH_CONCURRENCY clients, answering the launches' latency.
 */
export function openCycles(bench) {
  const ids = [];
  const launch = async (count) => {
    const latencies = [];
    let launched = 0;
    let errors = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(LAUNCH_CONCURRENCY, count) }, async () => {
        while (launched < count) {
          launched += 1;
          bench.ensureAlive();
          try {
            const opened = await launchOpenCycle(bench.api, bench.commune);
            ids.push(opened.id);
            latencies.push(opened.ms);
          } catch (error) {
            errors += 1;
            launched -= 1;
            if (errors > Math.max(20, count / 5)) throw new Error(`too many failed launches (${errors}); last: ${error.message}`);
          }
        }
      }),
    );
    return { ...summarise(latencies), errors, seconds: round((performance.now() - started) / 1000, 1) };
  };
  return { ids, launch };
}
