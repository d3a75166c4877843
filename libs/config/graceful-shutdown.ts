import type { INestApplicationContext } from '@nestjs/common';

/**
 * SIGTERM / SIGINT close the Nest app (its shutdown hooks drain the worker or stop the HTTP server) and
 * then exit with the process's exit code: 0 after a clean stop, 1 when the app had failed. Nest's own
 * enableShutdownHooks re-raises the signal instead, which makes every clean stop look like a kill.
 */
export function closeOnSignals(app: INestApplicationContext): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    app
      .close()
      .then(() => process.exit(process.exitCode ?? 0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}
