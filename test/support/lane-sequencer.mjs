// npm test runs the suites in two lanes at once, each a jest process with its own Temporal dev server and
// its own database (scripts/test.mjs), and each lane runs its suites one after another as before. jest's
// --shard=<lane>/<lanes> asks this sequencer which suites a lane takes: the slowest first, each to the lane
// with the least work so far (by suite-weights.mjs), so both lanes end near the same time. Every lane works
// out the same split from the same list, so each suite runs in exactly one lane.
import { relative } from 'node:path';
import TestSequencer from '@jest/test-sequencer';
import { DEFAULT_SECONDS, SUITE_SECONDS } from './suite-weights.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
const BaseSequencer = TestSequencer.default ?? TestSequencer;

/** A unit spec takes a fraction of a second; the e2e suites are what the lanes share. */
const secondsOf = (path) => {
  const name = relative(ROOT, path);
  return SUITE_SECONDS[name] ?? (name.endsWith('.spec.ts') ? 0.2 : DEFAULT_SECONDS);
};

export default class LaneSequencer extends BaseSequencer {
  shard(tests, { shardIndex, shardCount }) {
    const lanes = Array.from({ length: shardCount }, () => ({ seconds: 0, tests: [] }));
    const heaviestFirst = [...tests].sort((a, b) => secondsOf(b.path) - secondsOf(a.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const test of heaviestFirst) {
      const lightest = lanes.reduce((best, lane) => (lane.seconds < best.seconds ? lane : best));
      lightest.seconds += secondsOf(test.path);
      lightest.tests.push(test);
    }
    return lanes[shardIndex - 1].tests;
  }
}
