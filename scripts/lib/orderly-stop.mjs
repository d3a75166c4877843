// The orderly stop of a launcher (npm start, npm run cluster): what it started is stopped in the reverse
// order, each given its own stop function, then the launcher exits with the code it was asked for.

/**
 * Ctrl-C reaches a launcher more than once (from the terminal, and forwarded by npm and by the launcher that
 * re-ran it on the pinned Node): the first signal starts the orderly stop, the others must not cut it short.
 * @param {{ log: (line: string) => void, what?: string }} options what is stopping, in the "• Stopping…" line
 */
export function orderlyStop({ log, what = '' }) {
  /** @type {Array<() => Promise<unknown>>} */
  const stops = [];
  let stopping = false;

  /** @param {number} code */
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    log(`\n• Stopping${what ? ` ${what}` : ''}…`);
    for (const stop of stops.reverse()) await stop().catch((error) => log(`  ${error.message}`));
    log('• Stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  return {
    /** @param {() => Promise<unknown>} stop run at the stop, before everything added earlier */
    add: (stop) => void stops.push(stop),
    shutdown,
    /** Whether the stop has begun: a child exiting after that is part of it, not a failure. */
    get stopping() {
      return stopping;
    },
  };
}
