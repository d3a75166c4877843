// npm start: the whole service on one machine. Uses TEMPORAL_ADDRESS / DATABASE_URL when set, otherwise
// runs a local Temporal dev server and an embedded PostgreSQL with their data under .data/.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { ROOT, build, ensureDependencies, reexecOnPinnedNode } from './lib/bootstrap.mjs';
import { WORKER_ENVIRONMENT, WORKER_NODE_FLAGS } from './lib/node-flags.mjs';

ensureDependencies();
if (!reexecOnPinnedNode()) await main();

async function main() {
  const { startDevServer, stopChild } = await import('./lib/temporal.mjs');
  const { startEmbeddedPostgresProcess } = await import('./lib/postgres.mjs');
  const { portAnswers, waitForPort } = await import('./lib/net.mjs');
  const log = (line) => console.log(line);

  const apiPort = Number(process.env.PORT ?? 3000);
  if (await portAnswers(apiPort)) {
    log(`The service already answers on http://localhost:${apiPort}/api (health: /api/health). Nothing to start.`);
    return;
  }

  build(log);
  const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');
  const { orderlyStop } = await import('./lib/orderly-stop.mjs');
  const stopper = orderlyStop({ log });
  const shutdown = stopper.shutdown;

  try {
    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let temporalUi = process.env.TEMPORAL_UI_URL ?? null;
    if (!temporalAddress) {
      const port = Number(process.env.TEMPORAL_DEV_PORT ?? 7233);
      const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? port + 1000);
      const temporal = await startDevServer({ root: ROOT, port, uiPort, dbFile: join(dataDir, 'temporal.db'), log, quiet: true });
      stopper.add(temporal.stop);
      temporalAddress = temporal.address;
      temporalUi = temporal.uiUrl;
    }
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const postgres = await startEmbeddedPostgresProcess(
        { dataDir: join(dataDir, 'postgres'), port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433), database: 'chi_bo_diem' },
        log,
      );
      stopper.add(postgres.stop);
      databaseUrl = postgres.url;
    }
    let smtpUrl = process.env.SMTP_URL;
    let mailPage = null;
    if (!smtpUrl) {
      // No mail server configured: the apps' email goes to a catcher on this machine that the developer can open.
      const { startMailCatcher } = await import('./lib/mail-catcher.mjs');
      const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025);
      const httpPort = Number(process.env.MAIL_CATCHER_PORT ?? 1080);
      try {
        const catcher = await startMailCatcher({ dataDir, smtpPort, httpPort, log });
        stopper.add(catcher.stop);
        smtpUrl = catcher.smtpUrl;
        mailPage = catcher.pageUrl;
      } catch (error) {
        log(`• Email off: ${error.message}. The service starts without email; set MAIL_CATCHER_SMTP_PORT and MAIL_CATCHER_PORT to free ports, or SMTP_URL to a mail server.`);
      }
    }
    const env = {
      ...process.env,
      TEMPORAL_ADDRESS: temporalAddress,
      DATABASE_URL: databaseUrl,
      PORT: String(apiPort),
      ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    };
    await runToEnd(join(ROOT, 'dist/libs/persistence/run-migrations.js'), env, 'migrations');

    const worker = startApp('worker', join(ROOT, 'dist/apps/worker/main.js'), { ...WORKER_ENVIRONMENT, ...env }, shutdown, WORKER_NODE_FLAGS);
    stopper.add(() => stopChild(worker, 30000));
    const api = startApp('api', join(ROOT, 'dist/apps/api/main.js'), env, shutdown);
    stopper.add(() => stopChild(api, 15000));
    await waitForPort(apiPort, { what: 'the API', timeoutMs: 60000, isAlive: () => api.exitCode === null });

    log('');
    log('  Sinh hoạt chi bộ điểm: the service is up');
    log(`  Pages     http://localhost:${apiPort}/   (đăng nhập / log in)`);
    log(`  API       http://localhost:${apiPort}/api   (health: http://localhost:${apiPort}/api/health)`);
    log(`  Swagger   http://localhost:${apiPort}/api/docs`);
    log(`  Temporal  ${temporalAddress}${temporalUi ? `   Web UI: ${temporalUi}` : ''}`);
    if (mailPage) log(`  Thư       ${mailPage}   (thư hệ thống gửi được giữ trên máy này / emails stay on this machine)`);
    log(`  Ctrl-C stops everything; data stays in ${process.env.DATA_DIR ?? '.data'}/ for the next start.`);
    log('');
  } catch (error) {
    log(`✗ ${error.message}`);
    await shutdown(1);
  }

  function startApp(name, entry, env, onExit, nodeFlags = []) {
    // Own process group: Ctrl-C reaches only this launcher, which stops the apps before the servers they use.
    const child = spawn(process.execPath, ['--enable-source-maps', ...nodeFlags, entry], { env, stdio: 'inherit', detached: true });
    child.once('exit', (code, signal) => {
      if (stopper.stopping) return;
      log(`✗ The ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest.`);
      void onExit(1);
    });
    return child;
  }

  function runToEnd(entry, env, what) {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--enable-source-maps', entry], { env, stdio: 'inherit' });
      child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code})`))));
    });
  }
}
