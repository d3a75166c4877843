// Suites that stop and start Temporal or PostgreSQL for real need servers of their own, on free ports, which must not outlive the suite.
import { fileURLToPath } from 'node:url';
import { sleep } from './eventually.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// scripts/lib is plain JavaScript: what is used of it, typed here.

interface NetLib {
  freePort: () => Promise<number>;
  portAnswers: (port: number, host?: string, timeoutMs?: number) => Promise<boolean>;
}
export interface DevServer {
  address: string;
  reused: boolean;
  pid?: number;
  stop(): Promise<void>;
}
interface TemporalLib {
  startDevServer: (options: { root: string; port: number; dbFile?: string; log?: (line: string) => void; quiet?: boolean }) => Promise<DevServer>;
}
export interface EmbeddedPostgres {
  url: string;
  reused: boolean;
  stop(): Promise<void>;
}
interface PostgresLib {
  startEmbeddedPostgresProcess: (options: { dataDir: string; port: number; database: string }, log?: (line: string) => void) => Promise<EmbeddedPostgres>;
}

// Specifiers held in variables: TypeScript leaves these .mjs imports untyped instead of looking for declarations.
const NET_LIB = '../../scripts/lib/net.mjs';
const TEMPORAL_LIB = '../../scripts/lib/temporal.mjs';
const POSTGRES_LIB = '../../scripts/lib/postgres.mjs';

export async function freePort(): Promise<number> {
  return ((await import(NET_LIB)) as NetLib).freePort();
}

export async function portAnswers(port: number): Promise<boolean> {
  return ((await import(NET_LIB)) as NetLib).portAnswers(port);
}

const liveDevServers = new Set<number>();

// Should a suite end without stopping its dev server (or the test process exit early), the server does not survive it.
process.once('exit', () => {
  for (const pid of liveDevServers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * A Temporal dev server of the suite's own (scripts/lib/temporal.mjs); with `dbFile` it keeps its state
 * across restarts. It runs in a process group of its own: should the suite end without stopping it, the
 * test process's exit hook kills it.
 */
export async function startOwnDevServer(port: number, dbFile: string): Promise<DevServer> {
  const { startDevServer } = (await import(TEMPORAL_LIB)) as TemporalLib;
  const server = await startDevServer({ root: ROOT, port, dbFile, quiet: true, log: () => undefined });
  if (server.reused) throw new Error(`port ${port} was already taken: this suite must own its Temporal dev server`);
  const pid = server.pid;
  if (pid) liveDevServers.add(pid);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      if (pid) liveDevServers.delete(pid);
    },
  };
}

/**
 * An embedded PostgreSQL of the suite's own (scripts/lib/postgres.mjs), held by a forked process of its own
 * group: stop() shuts the cluster down and, should the test process die, the holder stops it too.
 */
export async function startOwnPostgres(dataDir: string, port: number, database: string): Promise<EmbeddedPostgres> {
  const { startEmbeddedPostgresProcess } = (await import(POSTGRES_LIB)) as PostgresLib;
  const postgres = await startEmbeddedPostgresProcess({ dataDir, port, database }, () => undefined);
  if (postgres.reused) throw new Error(`port ${port} was already taken: this suite must own its PostgreSQL`);
  return postgres;
}

export async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}
