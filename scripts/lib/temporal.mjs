import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { portAnswers, waitForPort } from './net.mjs';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

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

function onPath(command) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * The Temporal CLI (it holds the dev server): TEMPORAL_CLI_PATH, then .tools/bin/temporal, then `temporal`
 * on PATH; otherwise built into .tools/bin with Go. Returns null when none can be had, so the caller can
 * fall back to the SDK's own download.
 */
export function findOrInstallTemporalCli(root, log = console.log) {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} does not exist`);
    return fromEnv;
  }
  const local = join(root, '.tools', 'bin', 'temporal');
  if (existsSync(local)) return local;
  const global = onPath('temporal');
  if (global) return global;
  const go = onPath('go');
  if (!go) return null;
  log(`• Temporal CLI not found: building ${TEMPORAL_CLI_MODULE} with Go into .tools/bin (the first build takes several minutes on 2 cores)…`);
  mkdirSync(dirname(local), { recursive: true });
  const started = Date.now();
  const build = spawnSync(go, ['install', '-v', TEMPORAL_CLI_MODULE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: dirname(local), GOFLAGS: process.env.GOFLAGS ?? '' },
  });
  if (build.status !== 0 || !existsSync(local)) {
    throw new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${build.status}); set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS`);
  }
  log(`• Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${local}`);
  return local;
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
  const cli = findOrInstallTemporalCli(root, log);
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
