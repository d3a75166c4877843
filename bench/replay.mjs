// `npm run bench -- --replay`: what a replay costs, the price of a step to a cycle the worker's cache no longer
// holds (WORKER_MAX_CACHED_WORKFLOWS; phase 9's burst with more cycles in motion than the cache holds pays it on
// every step). No servers: each kept model-meeting history of the newest workflow version (test/histories) is
// replayed by lib/replay-child.mjs in a process of its own, as the SDK ships and then without the promise hook
// it installs for its stack-trace query, alternating, and the figures are printed against each other.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, build } from '../scripts/lib/bootstrap.mjs';
import { describeMachine } from './lib/stack.mjs';
import { median, round, table } from './lib/stats.mjs';
import { saveResults } from './report.mjs';

const REPLAYS = 20;
const WARMUP = 5;
const ROUNDS = 2;
const VARIANTS = ['with-hook', 'without-hook'];

export async function runReplayBench(log = console.log) {
  const started = Date.now();
  build(log);
  const bundlePath = prebuiltBundle();
  const histories = newestModelMeetingHistories();
  log(`• Replaying ${histories.length} kept histories ${REPLAYS} times each (after ${WARMUP} not counted), ${ROUNDS} rounds, with and without the SDK's promise hook`);
  const rows = [];
  for (const file of histories) {
    const samples = Object.fromEntries(VARIANTS.map((variant) => [variant, { wall: [], cpu: [] }]));
    let events = 0;
    for (let pass = 0; pass < ROUNDS; pass += 1) {
      for (const variant of VARIANTS) {
        const result = await replayInChild(variant, join(ROOT, 'test', 'histories', file), bundlePath);
        events = result.events;
        samples[variant].wall.push(...result.wall_ms);
        samples[variant].cpu.push(result.cpu_ms / result.wall_ms.length);
      }
    }
    const figure = (variant) => ({ p50_ms: round(median(samples[variant].wall), 1), cpu_ms: round(median(samples[variant].cpu), 1) });
    const row = { history: file.replace(/\.json$/, ''), events, with_hook: figure('with-hook'), without_hook: figure('without-hook') };
    row.cpu_saved_pct = round((1 - row.without_hook.cpu_ms / row.with_hook.cpu_ms) * 100, 0);
    row.cpu_us_per_event = round((row.with_hook.cpu_ms / events) * 1000, 0);
    rows.push(row);
    log(`  ${row.history}: ${events} events, ${row.with_hook.p50_ms} ms (CPU ${row.with_hook.cpu_ms}) as shipped, ${row.without_hook.p50_ms} ms (CPU ${row.without_hook.cpu_ms}) without the hook`);
  }
  const results = {
    machine: describeMachine({
      comparison: "each kept history replayed in one thread (the SDK's debugMode) by @temporalio/worker as shipped, against the same with its stack-trace promise hook never installed; no servers",
    }),
    date: new Date().toISOString(),
    mode: 'replay',
    replays_per_round: REPLAYS,
    rounds: ROUNDS,
    histories: rows,
  };
  const output = saveResults(results);
  log('');
  log(`Machine: ${results.machine.cores} cores, ${results.machine.cpu_model}, Node ${results.machine.node}`);
  log(
    table(
      ['history', 'events', 'replay p50 ms', 'CPU ms', 'CPU µs/event', 'without hook: p50 ms', 'CPU ms', 'CPU saved'],
      rows.map((row) => [row.history, row.events, row.with_hook.p50_ms, row.with_hook.cpu_ms, row.cpu_us_per_event, row.without_hook.p50_ms, row.without_hook.cpu_ms, `${row.cpu_saved_pct}%`]),
    ),
  );
  log(`\nWritten ${output} (${Math.round((Date.now() - started) / 1000)} s in all)`);
  const heaviest = rows.reduce((a, b) => (b.events > a.events ? b : a));
  log(`replay_events=${heaviest.events} replay_cpu_ms=${heaviest.with_hook.cpu_ms} replay_cpu_ms_without_hook=${heaviest.without_hook.cpu_ms}`);
  return 0;
}

/** The model-meeting histories recorded by the newest workflow version kept (test/histories/model-meeting-v<N>-…). */
function newestModelMeetingHistories() {
  const files = readdirSync(join(ROOT, 'test', 'histories')).filter((file) => /^model-meeting-v\d+-.*\.json$/.test(file));
  const newest = Math.max(...files.map((file) => Number(/^model-meeting-v(\d+)-/.exec(file)[1])));
  return files.filter((file) => file.startsWith(`model-meeting-v${newest}-`)).sort();
}

/** The workflow bundle production workers load (WORKFLOW_BUNDLE_PATH), made once by scripts/bundle-workflows.mjs. */
function prebuiltBundle() {
  const made = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle-workflows.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (made.status !== 0) throw new Error('scripts/bundle-workflows.mjs failed: see above');
  return join(ROOT, 'dist', 'workflow-bundle.js');
}

function replayInChild(variant, file, bundlePath) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'lib', 'replay-child.mjs'), variant, file, String(REPLAYS), String(WARMUP), ROOT, bundlePath], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.once('exit', (code) => {
      const line = out.split('\n').find((each) => each.startsWith('{"variant"'));
      if (code !== 0 || !line) reject(new Error(`replay of ${file} (${variant}) failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(JSON.parse(line));
    });
  });
}
