// npm test: lint and type-check, then every suite against a real Temporal dev server and a real
// PostgreSQL that this script provides (the machine's own server when one answers, else an embedded
// one), with a fresh database per run; the browser suites drive Debian's Chromium and the document suite reads
// PDFs with Poppler, both installed here when run as root. Nothing is skipped: if a server, the browser or
// Poppler cannot be had, the run fails.
// Extra arguments go to jest (e.g. npm test -- test/cycle.e2e.ts).
import { spawnSync } from 'node:child_process';
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
    const temporalAddress = process.env.TEST_TEMPORAL_ADDRESS ?? (await startTestTemporal());
    // The cluster suite runs Temporal's own server processes: built here, once, not inside a test's timeout.
    await findOrInstallTemporalServer(ROOT, log);
    const databaseUrl = await freshDatabase();
    log(`• Temporal ${temporalAddress}; PostgreSQL database ${new URL(databaseUrl).pathname.slice(1)}`);
    build(log);
    run(process.execPath, [join(ROOT, 'dist/libs/persistence/run-migrations.js')], 'migrations', { DATABASE_URL: databaseUrl });

    const jest = spawnSync(
      process.execPath,
      ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', join(ROOT, 'node_modules/jest/bin/jest.js'), ...jestArgs],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'test', TEST_TEMPORAL_ADDRESS: temporalAddress, TEST_DATABASE_URL: databaseUrl },
      },
    );
    log(`• npm test finished in ${Math.round((Date.now() - started) / 1000)} s`);
    return jest.status ?? 1;
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

  async function freshDatabase() {
    const name = `cbd_test_${Date.now().toString(36)}_${process.pid}`;
    let adminUrl = await localServerAdminUrl();
    if (adminUrl) {
      log('• PostgreSQL: using the local server on 127.0.0.1:5432');
    } else {
      log('• PostgreSQL: no local server answers; starting an embedded one');
      const dataDir = mkdtempSync(join(tmpdir(), 'cbd-pg-'));
      const port = await freePort();
      const embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'data'), port, database: 'postgres', log });
      cleanups.push(async () => {
        await embedded.stop();
        rmSync(dataDir, { recursive: true, force: true });
      });
      adminUrl = embedded.url;
    }
    await ensureDatabase(adminUrl, name);
    cleanups.push(() => dropDatabase(adminUrl, name));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }
}
