// One process of `npm run bench -- --replay` (../replay.mjs): replays one kept history `count` times, from the
// prebuilt bundle production workers load, in this thread (the SDK's debugMode: the workflow runs here, not in a
// worker thread), after `warmup` replays that are not counted, and prints one JSON line. With `without-hook`, the
// promise hook that @temporalio/worker installs for its stack-trace query (lib/workflow/vm-shared.js,
// setPromiseHook) is never installed: createHook is made a no-op before the SDK loads. That is a measurement
// only; the product runs the SDK as shipped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';

const [variant, historyFile, countArg, warmupArg, root, bundlePath] = process.argv.slice(2);
if (variant === 'without-hook') v8.promiseHooks.createHook = () => () => {};

const { Worker } = await import('@temporalio/worker');
const { historyFromJSON } = await import('@temporalio/common/lib/proto-utils.js');
const { dataConverterOf } = await import(join(root, 'dist/libs/temporal/data-converter.js'));

// The kept histories are sealed with the test suites' key (test/support/test-stack.ts).
const TEST_PAYLOAD_KEY = Buffer.from('test-only-payload-key-32-bytes!!');
const history = historyFromJSON(JSON.parse(readFileSync(historyFile, 'utf8')));
const count = Number(countArg);
const warmup = Number(warmupArg);
const histories = Array.from({ length: warmup + count }, (_, index) => ({ workflowId: `replay-${index}`, history }));

const wallMs = [];
let cpuBefore = process.cpuUsage();
let replayed = 0;
let last = performance.now();
for await (const outcome of Worker.runReplayHistories(
  { workflowBundle: { codePath: bundlePath }, dataConverter: dataConverterOf({ payloadKey: TEST_PAYLOAD_KEY, payloadOldKeys: [] }, true), debugMode: true },
  histories,
)) {
  if (outcome.error) throw new Error(`replay failed: ${String(outcome.error)}`);
  const now = performance.now();
  replayed += 1;
  if (replayed > warmup) wallMs.push(now - last);
  else if (replayed === warmup) cpuBefore = process.cpuUsage();
  last = now;
}
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ variant, events: history.events.length, wall_ms: wallMs, cpu_ms: (cpu.user + cpu.system) / 1000 }));
