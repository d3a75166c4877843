import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { goInstall, goInstallSync, onPath } from './go-build.mjs';
import { portAnswers, waitForPort } from './net.mjs';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

/** The server release of the production shape: docker-compose.yml runs the same version's image. */
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';

/** The schemas the SQL tool carries inside it (its --schema-name), for PostgreSQL 12 and later. */
export const TEMPORAL_POSTGRES_SCHEMAS = { temporal: 'postgresql/v12/temporal', visibility: 'postgresql/v12/visibility' };

/**
 * Server settings the product relies on (deploy/temporal-dynamic-config.yaml holds the same for
 * docker-compose):
 * - a cycle's visiting cells can all submit critiques at the same moment, and each update stays in flight
 *   until its record is written, so the default of 10 in-flight updates per workflow would turn a burst
 *   into retries;
 * - eager activities: the worker that schedules a step's record activity gets it back in the answer to its
 *   workflow task, instead of through the task queue's matching (about half of a step's time on 2 cores,
 *   measured in bench/README). Off by default on the server; the SDK asks for it whenever it has a free slot.
 */
export const TEMPORAL_DYNAMIC_CONFIG = ['history.maxInFlightUpdates=500', 'system.enableActivityEagerExecution=true'];

/**
 * The Temporal CLI (it holds the dev server): TEMPORAL_CLI_PATH, then .tools/bin/temporal, then `temporal`
 * on PATH; otherwise built into .tools/bin with Go (quietly, see go-build.mjs). Returns null when none can be
 * had, so the caller can fall back to the SDK's own download. Synchronous for callers that cannot wait; the
 * build then shows no running time, only a start line and a result line.
 */
export function findOrInstallTemporalCli(root, log = console.log) {
  const found = findTemporalCli(root);
  if (found !== undefined) return found;
  goInstallSync(cliBuild(root, log));
  return builtCli(root);
}

/** findOrInstallTemporalCli, with the build's running time shown while it lasts. */
export async function ensureTemporalCli(root, log = console.log) {
  const found = findTemporalCli(root);
  if (found !== undefined) return found;
  await goInstall(cliBuild(root, log));
  return builtCli(root);
}

/** The CLI's path when one is at hand, null when none can be built (no Go), undefined when it must be built. */
function findTemporalCli(root) {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const local = join(root, '.tools', 'bin', 'temporal');
  if (existsSync(local)) return local;
  const global = onPath('temporal');
  if (global) return global;
  return onPath('go') ? undefined : null;
}

function cliBuild(root, log) {
  return { root, name: 'temporal-cli', what: `the Temporal CLI (${TEMPORAL_CLI_MODULE})`, packages: [TEMPORAL_CLI_MODULE], binDir: join(root, '.tools', 'bin'), log };
}

function builtCli(root) {
  const local = join(root, '.tools', 'bin', 'temporal');
  if (!existsSync(local)) throw new Error(`go install ${TEMPORAL_CLI_MODULE} left no ${local}; set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS`);
  return local;
}

/**
 * The Temporal server and its SQL schema tool, for the multi-process cluster (temporal-cluster.mjs): the same
 * release as docker-compose.yml's image. TEMPORAL_SERVER_PATH and TEMPORAL_SQL_TOOL_PATH name prebuilt ones;
 * otherwise they are built once into .tools/bin as temporal-server and temporal-sql-tool (the names Temporal's
 * own images give them). The schemas are embedded in the SQL tool, so no source folder is needed at run time.
 */
export async function findOrInstallTemporalServer(root, log = console.log) {
  const bin = join(root, '.tools', 'bin');
  const server = process.env.TEMPORAL_SERVER_PATH ?? join(bin, 'temporal-server');
  const sqlTool = process.env.TEMPORAL_SQL_TOOL_PATH ?? join(bin, 'temporal-sql-tool');
  for (const [variable, path] of [
    ['TEMPORAL_SERVER_PATH', server],
    ['TEMPORAL_SQL_TOOL_PATH', sqlTool],
  ]) {
    if (process.env[variable] && !existsSync(path)) throw new Error(`${variable}=${path} does not exist`);
  }
  if (!existsSync(server) || !existsSync(sqlTool)) {
    // `go install` names the binaries after their folders (server, sql): they are built into a folder of their
    // own and then given their distinctive names.
    const staging = join(root, '.tools', 'temporal-server-build');
    await goInstall({
      root,
      name: 'temporal-server',
      what: `the Temporal server and SQL tool (go.temporal.io/server@${TEMPORAL_SERVER_VERSION})`,
      packages: [`${TEMPORAL_SERVER_MODULE}/cmd/server@${TEMPORAL_SERVER_VERSION}`, `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`],
      binDir: staging,
      shownDestination: '.tools/bin as temporal-server and temporal-sql-tool',
      log,
    });
    mkdirSync(bin, { recursive: true });
    if (!existsSync(server)) renameSync(join(staging, 'server'), server);
    if (!existsSync(sqlTool)) renameSync(join(staging, 'sql'), sqlTool);
    rmSync(staging, { recursive: true, force: true });
  }
  return { server, sqlTool, schemas: TEMPORAL_POSTGRES_SCHEMAS };
}

/**
 * A Temporal dev server on 127.0.0.1:port. When one already answers there it is reused (stop() then does
 * nothing). `dbFile` keeps its state across restarts; without it the server is in memory.
 */
export async function startDevServer({ root, port, uiPort, dbFile, log = console.log, quiet = false }) {
  const address = `127.0.0.1:${port}`;
  if (await portAnswers(port)) {
    log(`• Temporal: reusing the server already answering on ${address}`);
    return { address, uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null, stop: async () => {}, reused: true };
  }
  const cli = await ensureTemporalCli(root, log);
  if (!cli) return startDownloadedDevServer({ port, uiPort, dbFile, log });
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'error'];
  for (const setting of TEMPORAL_DYNAMIC_CONFIG) args.push('--dynamic-config-value', setting);
  if (uiPort) args.push('--ui-port', String(uiPort));
  else args.push('--headless');
  if (dbFile) {
    mkdirSync(dirname(resolve(dbFile)), { recursive: true });
    args.push('--db-filename', resolve(dbFile));
  }
  const child = spawn(cli, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], detached: true });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  await waitForPort(port, { what: 'Temporal dev server', timeoutMs: 120000, isAlive: () => !exited });
  await waitForNamespace(cli, address);
  return {
    address,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    reused: false,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}

async function waitForNamespace(cli, address) {
  const deadline = Date.now() + 60000;
  while (Date.now() < deadline) {
    const described = spawnSync(cli, ['operator', 'namespace', 'describe', '--namespace', 'default', '--address', address], {
      stdio: 'ignore',
      timeout: 10000,
    });
    if (described.status === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Temporal dev server on ${address} never served the default namespace`);
}

async function startDownloadedDevServer({ port, uiPort, dbFile, log }) {
  log('• Temporal CLI unavailable (no Go): asking the Temporal SDK to download the dev server…');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const environment = await TestWorkflowEnvironment.createLocal({
    server: { ip: '127.0.0.1', port, uiPort, ui: Boolean(uiPort), dbFilename: dbFile ? resolve(dbFile) : undefined },
  });
  return {
    address: `127.0.0.1:${port}`,
    uiUrl: uiPort ? `http://127.0.0.1:${uiPort}` : null,
    reused: false,
    stop: () => environment.teardown(),
  };
}

export function stopChild(child, timeoutMs = 15000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
