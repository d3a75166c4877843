// npm run cluster: Temporal in its production shape on this machine: frontend, two history hosts, matching
// and worker as separate processes on 127.0.0.1, on PostgreSQL (the server of DATABASE_URL when set, else the
// machine's own on 127.0.0.1:5432, else the embedded one npm start uses). Its databases (cbd_cluster_temporal,
// cbd_cluster_visibility) are kept for the next start; `npm run cluster -- --fresh` drops them first.
// Then `TEMPORAL_ADDRESS=127.0.0.1:7233 npm start` runs the service on it. Ctrl-C stops every process.
import { join, resolve } from 'node:path';
import { ROOT, ensureDependencies, reexecOnPinnedNode } from './lib/bootstrap.mjs';

ensureDependencies();
if (!reexecOnPinnedNode()) await main();

async function main() {
  const { startTemporalCluster } = await import('./lib/temporal-cluster.mjs');
  const { dropDatabase, localServerAdminUrl, startEmbeddedPostgresProcess } = await import('./lib/postgres.mjs');
  const log = (line) => console.log(line);
  const fresh = process.argv.includes('--fresh');
  const name = process.env.TEMPORAL_CLUSTER_NAME ?? 'cbd_cluster';
  const port = Number(process.env.TEMPORAL_CLUSTER_PORT ?? 7233);
  const historyProcesses = Number(process.env.TEMPORAL_HISTORY_PROCESSES ?? 2);
  const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');

  const { orderlyStop } = await import('./lib/orderly-stop.mjs');
  const stopper = orderlyStop({ log, what: 'the cluster' });
  const shutdown = stopper.shutdown;

  try {
    let adminUrl = process.env.DATABASE_URL ? Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString() : await localServerAdminUrl();
    let where = process.env.DATABASE_URL ? `the server of DATABASE_URL (${new URL(process.env.DATABASE_URL).host})` : 'the local server on 127.0.0.1:5432';
    if (!adminUrl) {
      const postgres = await startEmbeddedPostgresProcess(
        { dataDir: join(dataDir, 'postgres'), port: Number(process.env.EMBEDDED_POSTGRES_PORT ?? 5433), database: 'postgres' },
        log,
      );
      stopper.add(postgres.stop);
      adminUrl = postgres.url;
      where = `the embedded server on ${new URL(postgres.url).host} (data in ${join(dataDir, 'postgres')})`;
    }
    const databases = [`${name}_temporal`, `${name}_visibility`];
    if (fresh) {
      for (const database of databases) await dropDatabase(adminUrl, database);
      log(`• --fresh: dropped ${databases.join(' and ')}`);
    }
    const reuse = await databasesExist(adminUrl, databases);
    log(`• PostgreSQL: ${where}; ${reuse ? 'reusing' : 'creating'} ${databases.join(' and ')}`);
    const cluster = await startTemporalCluster({
      root: ROOT,
      adminUrl,
      name,
      log,
      historyProcesses,
      dataDir: join(dataDir, 'temporal-cluster'),
      reuseDatabases: reuse,
      keepDatabases: true,
      frontendPort: port,
      onServiceExit: (service, { code, signal, logFile }) => {
        if (stopper.stopping) return;
        log(`✗ ${service} stopped (${signal ?? `exit ${code}`}); its log: ${logFile}. Stopping the rest.`);
        void shutdown(1);
      },
    });
    stopper.add(cluster.stop);

    log('');
    log('  Temporal cluster: up');
    log(`  Frontend   ${cluster.address}   namespace ${cluster.namespace}`);
    for (const service of cluster.services) {
      // The worker service serves no gRPC: only its membership port is open.
      const ports = service.service === 'worker' ? `membership 127.0.0.1:${service.membershipPort}` : `gRPC 127.0.0.1:${service.grpcPort}`;
      log(`  ${service.name.padEnd(10)} pid ${service.pid}, ${ports}`);
    }
    log(`  Databases  ${cluster.databases.temporal}, ${cluster.databases.visibility} (kept for the next start)`);
    log(`  Logs       ${join(cluster.dataDir, 'logs')}`);
    log(`  The service on it: TEMPORAL_ADDRESS=${cluster.address} npm start`);
    log('  Ctrl-C stops every process.');
    log('');
  } catch (error) {
    log(`✗ ${error.message}`);
    await shutdown(1);
  }
}

async function databasesExist(adminUrl, databases) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1)', [databases]);
    if (rows.length !== 0 && rows.length !== databases.length) {
      throw new Error(`only ${rows.map((row) => row.datname).join()} exists of ${databases.join(' and ')}: run npm run cluster -- --fresh to start over`);
    }
    return rows.length === databases.length;
  } finally {
    await client.end();
  }
}
