// npm test: lint and type-check, then every suite against a real Temporal dev server and a real
// PostgreSQL that this script provides (the machine's own server when one answers, else an embedded
// one), with a fresh database per run; the browser suites drive Debian's Chromium and the document suite reads
// PDFs with Poppler, both installed here when run as root. Nothing is skipped: if a server, the browser or
// Poppler cannot be had, the run fails.
// A whole run goes in two lanes at once (TEST_LANES=1 for one): each lane is a jest process with a Temporal
// dev server and a database of its own, running its share of the suites one after another (jest --shard, split
// by test/support/lane-sequencer.mjs). The suites spend most of their time waiting on servers and timers, so
// two lanes on 2 cores take about two thirds of the time of one; separate servers and databases keep one
// lane's workers and notification dispatchers away from the other's cycles.
// Extra arguments go to jest (e.g. npm test -- test/cycle.e2e.ts), in one lane.
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, build, ensureDependencies, reexecOnPinnedNode } from './lib/bootstrap.mjs';

ensureDependencies();
if (!reexecOnPinnedNode()) process.exit(await main());

async function main() {
  const { findOrInstallTemporalServer, startDevServer } = await import('./lib/temporal.mjs');
  const { dropDatabase, ensureDatabase, localServerAdminUrl, startEmbeddedPostgres } = await import('./lib/postgres.mjs');
  const { freePort } = await import('./lib/net.mjs');
  const { ensureChromium } = await import('./lib/chromium.mjs');
  const { ensurePoppler } = await import('./lib/poppler.mjs');
  const log = (line) => console.log(line);
  const jestArgs = process.argv.slice(2);
  const cleanups = [];
  const started = Date.now();
  let adminUrl = null;

  try {
    if (!process.env.SKIP_LINT) {
      log('• Type-checking and linting…');
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], 'tsc');
      // The cycle bodies and driver shared by the bench, the demo and the tests: JavaScript checked against its types.
      run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'scripts/lib'], 'tsc scripts/lib');
      run(process.execPath, [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '.'], 'eslint');
    }

    ensureChromium(log);
    ensurePoppler(log);
    // The cluster suite runs Temporal's own server processes: built here, once, not inside a test's timeout.
    await findOrInstallTemporalServer(ROOT, log);
    build(log);
    const laneCount = jestArgs.length > 0 ? 1 : Math.max(1, Number(process.env.TEST_LANES ?? 2));
    const lanes = [];
    for (let lane = 1; lane <= laneCount; lane += 1) {
      const temporalAddress = process.env.TEST_TEMPORAL_ADDRESS ?? (await startTestTemporal());
      const databaseUrl = await freshDatabase(lane);
      log(`• ${laneCount > 1 ? `Lane ${lane}: ` : ''}Temporal ${temporalAddress}; PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`);
      run(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], 'migrations', { DATABASE_URL: databaseUrl });
      lanes.push({ lane, temporalAddress, databaseUrl });
    }
    const statuses = await Promise.all(
      lanes.map(({ lane, temporalAddress, databaseUrl }) =>
        runJest({
          args: laneCount > 1 ? [`--shard=${lane}/${laneCount}`, ...jestArgs] : jestArgs,
          env: { TEST_TEMPORAL_ADDRESS: temporalAddress, TEST_DATABASE_URL: databaseUrl, CBD_PORT_RANGE: portRangeOf(lane, laneCount) },
          prefix: laneCount > 1 ? `${lane}│ ` : null,
        }),
      ),
    );
    if (laneCount > 1) log(`• Lanes: ${statuses.map((status, index) => `${index + 1} ${status === 0 ? 'passed' : 'FAILED'}`).join(', ')}`);
    log(`• npm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
    return statuses.every((status) => status === 0) ? 0 : 1;
  } catch (error) {
    console.error(`✗ ${error.message}`);
    return 1;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error(`  cleanup: ${error.message}`));
  }

  function run(command, args, what, env = {}) {
    const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`${what} failed`);
  }

  async function startTestTemporal() {
    const port = await freePort();
    const server = await startDevServer({ root: ROOT, port, log, quiet: true });
    cleanups.push(server.stop);
    return server.address;
  }

  /** The PostgreSQL server every lane's database is made on: the machine's own, or one embedded for this run. */
  async function postgresServer() {
    const local = await localServerAdminUrl();
    if (local) {
      log('• PostgreSQL: using the local server on 127.0.0.1:5432');
      return local;
    }
    log('• PostgreSQL: no local server answers; starting an embedded one');
    const dataDir = mkdtempSync(join(tmpdir(), 'cbd-pg-'));
    const port = await freePort();
    const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port, database: 'postgres', log });
    cleanups.push(async () => {
      await embedded.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return embedded.url;
  }

  async function freshDatabase(lane) {
    adminUrl ??= await postgresServer();
    const serverUrl = adminUrl;
    const name = `cbd_test_${Date.now().toString(36)}_${process.pid}_${lane}`;
    await ensureDatabase(serverUrl, name);
    cleanups.push(() => dropDatabase(serverUrl, name));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** The lane's share of the ports freePort draws from (scripts/lib/net.mjs), so no two lanes ever pick one alike. */
  function portRangeOf(lane, laneCount) {
    const [low, high] = [20000, 32767];
    const size = Math.floor((high - low + 1) / laneCount);
    return `${low + (lane - 1) * size}-${low + lane * size - 1}`;
  }

  /** One jest process; with a prefix, each line of its output is written with it, so two lanes read apart. */
  function runJest({ args, env, prefix }) {
    const child = spawn(
      process.execPath,
      ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', join(ROOT, 'node_modules/jest/bin/jest.js'), ...args],
      {
        cwd: ROOT,
        stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        env: { ...process.env, NODE_ENV: 'test', ...env },
      },
    );
    if (prefix) {
      for (const [stream, out] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => out.write(`${prefix}${line}\n`));
      }
    }
    return new Promise((resolve) => child.once('close', (code) => resolve(code ?? 1)));
  }
}
