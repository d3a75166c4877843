// The production shape of Temporal on one machine: the server's services as separate processes (frontend,
// matching, worker and one or more history hosts) on 127.0.0.1, all on PostgreSQL, found by each other through
// the membership table in that database, as in a real deployment. Shared by the tests, the bench and
// `npm run cluster`. deploy/temporal-server.yaml documents the configuration written here.
import { spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, portAnswers, waitForPort } from './net.mjs';
import { dropDatabase } from './postgres.mjs';
import { findOrInstallTemporalServer } from './temporal.mjs';

/**
 * Fixed for the life of a cluster's databases (Temporal cannot change it later). 16 rather than the 4 of
 * Temporal's development files: with two history hosts, each then owns some shards whatever the hashing,
 * which a failover test needs.
 */
export const CLUSTER_HISTORY_SHARDS = 16;

const STOP_GRACE_MS = 15000;
/** The server reads <config>/<env>.yaml: deploy/temporal-server.yaml is copied under this name. */
const CONFIG_ENV = 'temporal-server';
const READY_TIMEOUT_MS = 120000;
const NAMESPACE_RETENTION_DAYS = 3;

/** Process groups of service processes alive right now, in any cluster of this process. */
const liveGroups = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A caller that crashes or exits without stop() must not leave Temporal processes behind on the machine.
  process.once('exit', () => {
    for (const pid of liveGroups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
}

/**
 * Starts a cluster on the PostgreSQL server at `adminUrl` (a URL whose user may create databases) and
 * resolves once namespace `namespace` serves requests on every history shard.
 * Databases `${name}_temporal` and `${name}_visibility` are created with Temporal's schema; with
 * `reuseDatabases` they must already exist (their schema is brought up to date, their data kept).
 */
export async function startTemporalCluster({
  root,
  adminUrl,
  name,
  log = console.log,
  historyProcesses = 2,
  dataDir,
  reuseDatabases = false,
  keepDatabases = false,
  namespace = 'default',
  dynamicConfig = {},
  frontendPort,
  sqlMaxConns = 5,
  onServiceExit = () => {},
}) {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`cluster name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  if (historyProcesses < 1) throw new Error('a cluster needs at least one history process');
  installExitHook();
  const started = Date.now();
  if (frontendPort && (await portAnswers(frontendPort))) throw new Error(`port ${frontendPort} is taken: the cluster's frontend cannot listen there`);
  const binaries = await findOrInstallTemporalServer(root, log);
  const ownDataDir = !dataDir;
  const dir = resolve(dataDir ?? mkdtempSync(join(tmpdir(), `temporal-${name}-`)));
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const databases = { temporal: `${name}_temporal`, visibility: `${name}_visibility` };
  const postgres = connectionOf(adminUrl);

  const buildDone = Date.now();
  const created = await createDatabases({ adminUrl, databases, reuse: reuseDatabases });
  let services = [];
  const cleanUp = async ({ failed }) => {
    // The worker service is a client of the frontend (Temporal's own system workflows): stopped after the
    // frontend, it waits out its pollers' timeouts (10 s); stopped first, it ends at once.
    const worker = services.filter((service) => service.layout.service === 'worker');
    await Promise.all(worker.map((service) => service.stop()));
    await Promise.all(services.map((service) => service.stop()));
    // A start that failed drops what it created (half-made databases would be taken up by the next start),
    // and nothing else; a stop drops both unless told to keep them.
    const drop = failed ? created : keepDatabases ? [] : Object.values(databases);
    for (const database of drop) await dropDatabase(adminUrl, database);
    // After a failure the logs are what tells why: the folder stays.
    if (ownDataDir && !failed) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await applySchema({ adminUrl, databases, reuse: reuseDatabases, sqlTool: binaries.sqlTool, schemas: binaries.schemas, postgres, dir });
    const schemaDone = Date.now();
    const layout = await choosePorts(historyProcesses, frontendPort);
    const { dynamicFile } = writeConfig({ dir, root, dynamicConfig });
    services = layout.map((process) =>
      serviceProcess({ server: binaries.server, dir, process, onServiceExit, env: environmentOf({ process, layout, databases, postgres, dynamicFile, sqlMaxConns }) }),
    );
    // The first process on new databases writes the cluster's metadata; two writing it at once collide and
    // one of them exits. So the frontend starts alone, and the others once it listens (its metadata written).
    const [first, ...others] = services;
    first.start();
    await first.waitUntilListening();
    for (const service of others) service.start();
    await Promise.all(others.map((service) => service.waitUntilListening()));
    const listening = Date.now();
    const address = `127.0.0.1:${first.layout.grpcPort}`;
    await ensureNamespace({ address, namespace, services });
    await waitForShards({ adminUrl, databases, services, timeoutMs: READY_TIMEOUT_MS });
    const seconds = (from, to) => ((to - from) / 1000).toFixed(1);
    const ready = Date.now();
    const timing = { databases: seconds(buildDone, schemaDone), processes: seconds(schemaDone, listening), namespaceAndShards: seconds(listening, ready) };
    log(
      `• Temporal cluster ${name}: ${services.map((service) => service.name).join(', ')} on ${address}, ready in ${seconds(started, ready)} s ` +
        `(databases and schema ${timing.databases} s, processes listening ${timing.processes} s, namespace and shards ${timing.namespaceAndShards} s)`,
    );

    let stopped = false;
    return {
      address,
      namespace,
      dataDir: dir,
      databases,
      services: services.map((service) => service.handle),
      service(serviceName) {
        const found = services.find((service) => service.name === serviceName);
        if (!found) throw new Error(`no service ${serviceName} in this cluster (${services.map((service) => service.name).join(', ')})`);
        return found.handle;
      },
      /** Which shards each history process owns now, read from the shards table (see shardOwners). */
      shardOwners: () => shardOwners({ adminUrl, databases, services }),
      async stop() {
        if (stopped) return;
        stopped = true;
        await cleanUp({ failed: false });
      },
    };
  } catch (error) {
    await cleanUp({ failed: true }).catch(() => undefined);
    throw new Error(`Temporal cluster ${name} did not start: ${error.message} (logs in ${join(dir, 'logs')})`);
  }
}

function connectionOf(adminUrl) {
  const url = new URL(adminUrl);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
  };
}

async function withAdmin(url, work) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(adminUrl, database) {
  return Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
}

/** Creates the databases (unless reusing them, when they must exist); returns the names it created. */
async function createDatabases({ adminUrl, databases, reuse }) {
  return withAdmin(adminUrl, async (client) => {
    const created = [];
    for (const database of Object.values(databases)) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (reuse && rowCount === 0) throw new Error(`database ${database} does not exist (reuseDatabases asks for an existing one)`);
      // Never silently take over, nor drop, a database this call did not create.
      if (!reuse && rowCount > 0) throw new Error(`database ${database} already exists: drop it, or pass reuseDatabases to start on it`);
      if (!reuse) {
        await client.query(`CREATE DATABASE "${database}"`);
        created.push(database);
      }
    }
    return created;
  });
}

async function applySchema({ adminUrl, databases, reuse, sqlTool, schemas, postgres, dir }) {
  if (reuse) {
    // The processes of the cluster that last ran on these databases are listed in cluster_membership; those
    // that beat within 20 s are taken as peers to join, and joining the dead ones holds the new processes up
    // for many seconds. None of them runs now (this cluster is the databases' only user), so the list goes.
    await withAdmin(databaseUrl(adminUrl, databases.temporal), (client) => client.query('DELETE FROM cluster_membership'));
  }
  // The two databases side by side (each has its own log).
  await Promise.all(
    Object.entries(databases).map(async ([kind, database]) => {
      const schemaLog = join(dir, 'logs', `schema-${kind}.log`);
      // setup-schema only writes the version table (at 0.0); update-schema then applies every versioned step.
      // On reused databases it only applies the steps a newer server release added.
      if (!reuse) await runSqlTool({ sqlTool, postgres, database, args: ['setup-schema', '-v', '0.0'], schemaLog });
      await runSqlTool({ sqlTool, postgres, database, args: ['update-schema', '--schema-name', schemas[kind]], schemaLog });
    }),
  );
}

function runSqlTool({ sqlTool, postgres, database, args, schemaLog }) {
  const fd = openSync(schemaLog, 'a');
  const child = spawn(
    sqlTool,
    ['--plugin', 'postgres12', '--ep', postgres.host, '-p', String(postgres.port), '-u', postgres.user, '--db', database, ...args],
    // The password goes by the environment, out of the process list.
    { stdio: ['ignore', fd, fd], env: { ...process.env, SQL_PASSWORD: postgres.password } },
  );
  closeSync(fd);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) return resolve();
      const tail = readFileSync(schemaLog, 'utf8').trimEnd().split('\n').slice(-10).join('\n');
      reject(new Error(`temporal-sql-tool ${args[0]} on ${database} failed (exit ${code}):\n${tail}`));
    });
  });
}

async function choosePorts(historyProcesses, frontendPort) {
  // freePort draws below 32768, as Temporal needs: it keeps a process's membership port in a smallint column
  // (cluster_membership.rpc_port), so the kernel's ephemeral ports (32768 and up) could not be used.
  const taken = new Set(frontendPort ? [frontendPort] : []);
  const port = async () => {
    for (;;) {
      const candidate = await freePort();
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  };
  const layout = [{ name: 'frontend', service: 'frontend', grpcPort: frontendPort ?? (await port()), membershipPort: await port(), httpPort: await port() }];
  for (let index = 1; index <= historyProcesses; index++) {
    layout.push({ name: `history-${index}`, service: 'history', grpcPort: await port(), membershipPort: await port() });
  }
  layout.push({ name: 'matching', service: 'matching', grpcPort: await port(), membershipPort: await port() });
  layout.push({ name: 'worker', service: 'worker', grpcPort: await port(), membershipPort: await port() });
  return layout;
}

/**
 * The configuration is deploy/temporal-server.yaml itself, copied into <dataDir>/config (so a restart runs what
 * the first start ran); what differs between processes is their environment (environmentOf).
 */
function writeConfig({ dir, root, dynamicConfig }) {
  const configDir = join(dir, 'config');
  mkdirSync(configDir, { recursive: true });
  copyFileSync(join(root, 'deploy', 'temporal-server.yaml'), join(configDir, `${CONFIG_ENV}.yaml`));
  const dynamicFile = join(configDir, 'dynamic.yaml');
  writeFileSync(dynamicFile, dynamicConfigText(root, dynamicConfig));
  return { dynamicFile };
}

/** The variables deploy/temporal-server.yaml reads, for one process of the cluster. */
function environmentOf({ process, layout, databases, postgres, dynamicFile, sqlMaxConns }) {
  const frontend = layout.find((entry) => entry.service === 'frontend');
  // Every process names every service's ports (each reads its own; the others' are only in its config); a
  // history host gives its own.
  const history = process.service === 'history' ? process : layout.find((entry) => entry.service === 'history');
  const matching = layout.find((entry) => entry.service === 'matching');
  const worker = layout.find((entry) => entry.service === 'worker');
  return {
    DBNAME: databases.temporal,
    VISIBILITY_DBNAME: databases.visibility,
    POSTGRES_SEEDS: postgres.host,
    DB_PORT: String(postgres.port),
    POSTGRES_USER: postgres.user,
    POSTGRES_PWD: postgres.password,
    NUM_HISTORY_SHARDS: String(CLUSTER_HISTORY_SHARDS),
    // Five processes share the machine's PostgreSQL (100 connections by default) with the apps and the
    // tests: 5 + 2 each (the template's production default is 10 + 4).
    SQL_MAX_CONNS: String(sqlMaxConns),
    SQL_VIS_MAX_CONNS: String(Math.max(1, Math.ceil(sqlMaxConns / 2.5))),
    BIND_ON_IP: '127.0.0.1',
    TEMPORAL_BROADCAST_ADDRESS: '127.0.0.1',
    FRONTEND_GRPC_PORT: String(frontend.grpcPort),
    FRONTEND_MEMBERSHIP_PORT: String(frontend.membershipPort),
    FRONTEND_HTTP_PORT: String(frontend.httpPort),
    HISTORY_GRPC_PORT: String(history.grpcPort),
    HISTORY_MEMBERSHIP_PORT: String(history.membershipPort),
    MATCHING_GRPC_PORT: String(matching.grpcPort),
    MATCHING_MEMBERSHIP_PORT: String(matching.membershipPort),
    WORKER_GRPC_PORT: String(worker.grpcPort),
    WORKER_MEMBERSHIP_PORT: String(worker.membershipPort),
    FRONTEND_ADDRESS: `127.0.0.1:${frontend.grpcPort}`,
    DYNAMIC_CONFIG_FILE_PATH: dynamicFile,
    LOG_LEVEL: 'warn',
  };
}

/**
 * deploy/temporal-dynamic-config.yaml (what production runs with), then `extra` settings of the caller's
 * ({ key: value }), which must not repeat a key of that file.
 */
function dynamicConfigText(root, extra) {
  const production = readFileSync(join(root, 'deploy', 'temporal-dynamic-config.yaml'), 'utf8');
  const added = Object.entries(extra).map(([key, value]) => `${key}:\n  - value: ${JSON.stringify(value)}\n`);
  return `${production.trimEnd()}\n${added.join('')}`;
}

function serviceProcess({ server, dir, process: layout, onServiceExit, env }) {
  const logFile = join(dir, 'logs', `${layout.name}.log`);
  let child = null;
  let exited = null;
  // Set when this module signals the process (stop, kill): any other exit is news to the caller.
  let expected = false;

  const alive = () => child !== null && child.exitCode === null && child.signalCode === null;
  const start = () => {
    if (alive()) throw new Error(`${layout.name} is already running (pid ${child.pid})`);
    const fd = openSync(logFile, 'a');
    // --allow-no-auth: only the app's own processes reach the frontend (127.0.0.1 here, a private network in
    // production), as the dev server and the compose file have it.
    const args = ['--root', dir, '--config', 'config', '--env', CONFIG_ENV, '--allow-no-auth', 'start', '--service', layout.service];
    // A process group of its own: a signal sent to the group reaches the process whatever it started, and
    // Ctrl-C on the caller's terminal does not reach it before the caller's orderly stop.
    const current = spawn(server, args, { cwd: dir, stdio: ['ignore', fd, fd], detached: true, env: { ...process.env, ...env } });
    closeSync(fd);
    child = current;
    expected = false;
    liveGroups.add(current.pid);
    exited = new Promise((resolve) => {
      current.once('exit', (code, signal) => {
        liveGroups.delete(current.pid);
        if (!expected) onServiceExit(layout.name, { code, signal, logFile });
        resolve({ code, signal });
      });
      current.once('error', (error) => {
        liveGroups.delete(current.pid);
        resolve({ code: null, signal: null, error });
      });
    });
  };
  const signal = (name) => {
    if (!alive()) return;
    expected = true;
    try {
      process.kill(-child.pid, name);
    } catch {
      // gone in between
    }
  };
  const waitForExit = () => exited ?? Promise.resolve({ code: null, signal: null });
  const stop = async () => {
    if (!alive()) return;
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), STOP_GRACE_MS);
    await waitForExit();
    clearTimeout(timer);
  };
  // The worker service serves no gRPC (it only runs Temporal's system workflows): its membership port, which
  // every service opens, tells that it is up.
  const readyPort = layout.service === 'worker' ? layout.membershipPort : layout.grpcPort;
  const waitUntilListening = () => waitForPort(readyPort, { what: `Temporal ${layout.name} (log: ${logFile})`, timeoutMs: READY_TIMEOUT_MS, isAlive: alive });

  const handle = {
    name: layout.name,
    service: layout.service,
    grpcPort: layout.grpcPort,
    membershipPort: layout.membershipPort,
    logFile,
    get pid() {
      return child?.pid;
    },
    alive,
    /** Sends `name` (SIGKILL unless said) to the process and resolves once it has exited. */
    async kill(name = 'SIGKILL') {
      if (!alive()) return;
      signal(name);
      await waitForExit();
    },
    /** Starts the process again after a kill, with the same ports; resolves once it listens. */
    async start() {
      start();
      await waitUntilListening();
    },
    stop,
  };
  return { name: layout.name, layout, logFile, handle, start, stop, waitUntilListening, alive };
}

async function ensureNamespace({ address, namespace, services }) {
  const { Connection } = await import('@temporalio/client');
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const connection = await connectWhenHealthy({ Connection, address, services, deadline });
  try {
    let lastError = null;
    while (Date.now() < deadline) {
      const dead = services.find((service) => !service.alive());
      if (dead) throw new Error(`${dead.name} exited (log: ${dead.logFile})`);
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: { seconds: NAMESPACE_RETENTION_DAYS * 86400 },
        });
      } catch (error) {
        // ALREADY_EXISTS: a reused database already has it. Anything else is the services still finding each
        // other (UNAVAILABLE, or the cluster metadata not yet written): asked again.
        if (error?.code !== 6) {
          lastError = error;
          await sleep(300);
          continue;
        }
      }
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } catch (error) {
        lastError = error;
        await sleep(300);
      }
    }
    throw new Error(`namespace ${namespace} not usable within ${READY_TIMEOUT_MS / 1000} s: ${lastError?.message ?? 'no answer'}`);
  } finally {
    await connection.close();
  }
}

/** The SDK's connect checks the frontend's health, which says NOT_SERVING until it has found its peers. */
async function connectWhenHealthy({ Connection, address, services, deadline }) {
  for (;;) {
    const dead = services.find((service) => !service.alive());
    if (dead) throw new Error(`${dead.name} exited (log: ${dead.logFile})`);
    try {
      return await Connection.connect({ address, connectTimeout: 5000 });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the frontend on ${address} never became healthy: ${error.message}`);
      await sleep(500);
    }
  }
}

/**
 * Which history process owns each shard, from the shards table: a shard's record names its owner as
 * "<broadcast address>:<gRPC port>-<sequence>-<uuid>" inside its serialized info (a protobuf whose strings are
 * stored as they are), written when a host acquires the shard.
 * Returns { [processName]: shardIds[] } plus `unowned` (shards whose owner is no current process).
 */
async function shardOwners({ adminUrl, databases, services }) {
  const histories = services.filter((service) => service.layout.service === 'history');
  const rows = await withAdmin(databaseUrl(adminUrl, databases.temporal), async (client) => (await client.query('SELECT shard_id, data FROM shards ORDER BY shard_id')).rows);
  const owners = Object.fromEntries(histories.map((service) => [service.name, []]));
  owners.unowned = [];
  for (const row of rows) {
    const data = Buffer.from(row.data).toString('latin1');
    const owner = histories.find((service) => data.includes(`127.0.0.1:${service.layout.grpcPort}-`));
    // Shard ids in the table start at 1, as Temporal numbers them.
    owners[owner && owner.alive() ? owner.name : 'unowned'].push(Number(row.shard_id));
  }
  return owners;
}

/**
 * Ready: every shard is owned by a running history process, and each history process owns some (so the
 * ring has settled over all of them rather than the first one up holding everything).
 */
async function waitForShards({ adminUrl, databases, services, timeoutMs }) {
  const deadline = Date.now() + timeoutMs;
  let owners = null;
  while (Date.now() < deadline) {
    const dead = services.find((service) => !service.alive());
    if (dead) throw new Error(`${dead.name} exited (log: ${dead.logFile})`);
    owners = await shardOwners({ adminUrl, databases, services });
    const owned = Object.entries(owners).filter(([key]) => key !== 'unowned');
    const total = owned.reduce((sum, [, shards]) => sum + shards.length, 0);
    if (total === CLUSTER_HISTORY_SHARDS && owned.every(([, shards]) => shards.length > 0)) return owners;
    await sleep(250);
  }
  throw new Error(`history shards not all owned within ${timeoutMs / 1000} s: ${JSON.stringify(owners)}`);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
