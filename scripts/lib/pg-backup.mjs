// Backups that restore: Temporal's two databases and the application's, dumped with pg_dump -Fc while the
// workers are stopped, so that the three copies agree; and their restore into fresh databases. Used by
// `npm run backup` and `npm run restore` (scripts/backup.mjs, scripts/restore.mjs); README "Backups" says
// why the workers are stopped. Only Node's own modules and PostgreSQL's client tools: an operator's machine
// needs nothing installed from npm to run it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** @typedef {'temporal' | 'visibility' | 'app'} Role */
/**
 * @typedef {object} DatabaseSpec
 * @property {Role} role
 * @property {string} label
 * @property {string} file
 * @property {string[]} tables
 * @property {string} urlOption
 * @property {string} urlVariable
 * @property {string | null} composeName
 */
/** @typedef {Record<Role, string>} DatabaseUrls */
/** @typedef {{ via?: string, pgBin?: string }} Tools */
/** @typedef {{ database: string, dsn: string, env: Record<string, string>, shown: string }} PgConnection */
/** @typedef {(line: string) => void} Log */
/** @typedef {Record<string, string | number | null>} Contents */

export const MANIFEST = 'manifest.json';
const MANIFEST_FORMAT = 1;

/**
 * The three databases, in the order they are dumped. While the workers are stopped the API may still write
 * Temporal (a launch starts its workflow; a forced cancel terminates one) and the application's database
 * (accounts, cells, idempotency records, audit, a forced cancel's record). Temporal first, the application
 * last: what happens between the dumps can then only make the application's copy newer than Temporal's,
 * which the records are built to take (a forced cancel moves last_seq past anything its workflow could still
 * write; the rest is data no workflow has decided), never the other way round.
 */
/** @type {DatabaseSpec[]} */
export const DATABASES = [
  {
    role: 'temporal',
    label: "Temporal's persistence",
    file: 'temporal.dump',
    // Tables that tell one database from the others: a swapped URL is refused before anything is dumped or restored.
    tables: ['executions', 'history_node', 'shards', 'schema_version'],
    urlOption: 'temporal-url',
    urlVariable: 'TEMPORAL_DATABASE_URL',
    composeName: 'temporal',
  },
  {
    role: 'visibility',
    label: "Temporal's visibility",
    file: 'temporal_visibility.dump',
    tables: ['executions_visibility', 'schema_version'],
    urlOption: 'visibility-url',
    urlVariable: 'TEMPORAL_VISIBILITY_DATABASE_URL',
    composeName: 'temporal_visibility',
  },
  {
    role: 'app',
    label: "the application's records",
    file: 'app.dump',
    tables: ['migrations', 'cycles', 'cycle_events', 'idempotency_records'],
    urlOption: 'app-url',
    urlVariable: 'DATABASE_URL',
    composeName: null,
  },
];

/** What the worker calls itself to PostgreSQL (libs/config/app-config.ts): none may be connected during a dump. */
export const WORKER_APPLICATION_NAME = 'chi-bo-diem-worker';

/**
 * The three URLs from flags, then the environment; Temporal's, when neither names them, on the server and
 * with the credentials of the application's URL, under the names docker-compose.yml's Temporal gives them.
 */
/**
 * @param {Record<string, string | boolean | undefined>} flags
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ urls: DatabaseUrls, derived: Role[] }}
 */
export function databaseUrls(flags, env = process.env) {
  /** @type {Partial<DatabaseUrls>} */
  const given = {};
  for (const database of DATABASES) {
    const value = flags[database.urlOption] ?? env[database.urlVariable];
    if (typeof value === 'string' && value) given[database.role] = value;
  }
  const app = given.app;
  if (!app) throw new Error('no database URL for the application: give --app-url or DATABASE_URL');
  /** @type {Role[]} */
  const derived = [];
  const urlFor = (/** @type {DatabaseSpec} */ database) => {
    const url = given[database.role];
    if (url) return url;
    derived.push(database.role);
    return Object.assign(new URL(app), { pathname: `/${database.composeName}` }).toString();
  };
  const [temporal, visibility] = [DATABASES[0], DATABASES[1]].map(urlFor);
  return { urls: { temporal, visibility, app }, derived };
}

/**
 * A URL as it may be shown or stored: without its password.
 * @param {string} url
 */
export function shownUrl(url) {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * How a client tool reaches a database: without `via`, the password leaves the URL for PGPASSWORD (out of
 * the process list); with `via` (a command prefix such as `docker compose exec -T postgres`) the URL is
 * passed as it is, since the environment does not cross into the container.
 */
/**
 * @param {string} url
 * @param {string | undefined} via
 * @returns {PgConnection}
 */
function connectionOf(url, via) {
  const parsed = new URL(url);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') throw new Error(`${shownUrl(url)}: not a postgres:// URL`);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) throw new Error(`${shownUrl(url)}: names no database`);
  const password = decodeURIComponent(parsed.password);
  if (!via) parsed.password = '';
  return { database, dsn: parsed.toString(), env: !via && password ? { PGPASSWORD: password } : {}, shown: shownUrl(url) };
}

/**
 * The same server and user, on its maintenance database: where a database is created.
 * @param {string} url
 * @param {string | undefined} via
 */
function maintenanceOf(url, via) {
  return connectionOf(Object.assign(new URL(url), { pathname: '/postgres' }).toString(), via);
}

const shellQuote = (/** @type {string} */ word) => `'${String(word).replace(/'/g, `'\\''`)}'`;

/**
 * Runs one of PostgreSQL's client tools (from `pgBin` when given, else the PATH; through `via` when given).
 * stdout goes to `stdoutFile` or is returned; `stdinFile` is fed to stdin. Rejects with the tool's own words.
 */
/**
 * @param {string} tool
 * @param {string[]} args
 * @param {Tools & { env?: Record<string, string>, stdinFile?: string, stdoutFile?: string }} [options]
 * @returns {Promise<string>}
 */
function runTool(tool, args, { via, pgBin, env = {}, stdinFile, stdoutFile } = {}) {
  const command = via ? 'sh' : pgBin ? join(pgBin, tool) : tool;
  const argv = via ? ['-c', `${via} ${[tool, ...args].map(shellQuote).join(' ')}`] : args;
  const child = spawn(command, argv, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  /** @type {Buffer[]} */
  const stderr = [];
  child.stderr.on('data', (chunk) => stderr.push(chunk));
  /** @type {Buffer[]} */
  const stdout = [];
  const output = stdoutFile ? pipeline(child.stdout, createWriteStream(stdoutFile)) : (child.stdout.on('data', (chunk) => stdout.push(chunk)), Promise.resolve());
  const input = stdinFile ? pipeline(createReadStream(stdinFile), child.stdin) : (child.stdin.end(), Promise.resolve());
  /** @type {Promise<{ code: number | null, signal: NodeJS.Signals | null }>} */
  const exited = new Promise((resolvePromise, reject) => {
    child.once('error', (/** @type {NodeJS.ErrnoException} */ error) =>
      reject(
        error.code === 'ENOENT'
          ? new Error(`${command} not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client), or name their folder with --pg-bin`)
          : error,
      ),
    );
    child.once('exit', (code, signal) => resolvePromise({ code, signal }));
  });
  return Promise.all([exited, output, input.catch(() => undefined)]).then(([{ code, signal }]) => {
    if (code !== 0) {
      const said = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-8).join('\n');
      throw new Error(`${tool} failed (${signal ?? `exit ${code}`})${said ? `:\n${said}` : ''}`);
    }
    return Buffer.concat(stdout).toString('utf8');
  });
}

/**
 * One SQL query through psql, answering its single value (a JSON text where the query builds one).
 * @param {PgConnection} connection
 * @param {string} sql
 * @param {Tools} tools
 */
async function query(connection, sql, tools) {
  const out = await runTool('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', connection.dsn, '-c', sql], { ...tools, env: connection.env });
  return out.trim();
}

/**
 * @param {PgConnection} connection
 * @param {string} sql
 * @param {Tools} tools
 * @returns {Promise<any>} the parsed JSON the query built
 */
async function queryJson(connection, sql, tools) {
  return JSON.parse(await query(connection, sql, tools));
}

/**
 * The major version in `pg_dump (PostgreSQL) 15.20 (Debian …)`.
 * @param {string} versionLine
 */
function majorOf(versionLine) {
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine);
  if (!match) throw new Error(`cannot read a version in ${JSON.stringify(versionLine)}`);
  return Number(match[1]);
}

/**
 * @param {string} tool
 * @param {Tools} tools
 */
async function toolVersion(tool, tools) {
  const line = (await runTool(tool, ['--version'], tools)).trim();
  return { line, major: majorOf(line) };
}

const quotedList = (/** @type {string[]} */ names) => names.map((name) => `'${name}'`).join(', ');

/**
 * The server's version, which of the database's telling tables it has, and its size.
 * @param {PgConnection} connection
 * @param {DatabaseSpec} database
 * @param {Tools} tools
 * @returns {Promise<{ server: string, serverMajor: number, tables: string[], bytes: number }>}
 */
async function describeDatabase(connection, database, tools) {
  const found = await queryJson(
    connection,
    `SELECT json_build_object(
       'server', current_setting('server_version'),
       'serverMajor', current_setting('server_version_num')::int / 10000,
       'tables', (SELECT coalesce(json_agg(table_name ORDER BY table_name), '[]'::json) FROM information_schema.tables
                   WHERE table_schema = 'public' AND table_name IN (${quotedList(database.tables)})),
       'bytes', pg_database_size(current_database()))`,
    tools,
  );
  const missing = database.tables.filter((table) => !found.tables.includes(table));
  if (missing.length > 0) {
    throw new Error(`${connection.shown} does not look like ${database.label}: no table ${missing.join(', ')}`);
  }
  return found;
}

/**
 * What the manifest keeps of each database's contents: schema versions, and counts a restore must find again.
 * @param {Role} role
 * @param {PgConnection} connection
 * @param {Tools} tools
 * @returns {Promise<Contents>}
 */
async function contentsOf(role, connection, tools) {
  if (role === 'app') {
    return queryJson(
      connection,
      `SELECT json_build_object(
         'migrations', (SELECT count(*) FROM migrations),
         'lastMigration', (SELECT name FROM migrations ORDER BY "timestamp" DESC LIMIT 1),
         'cycles', (SELECT count(*) FROM cycles),
         'openCycles', (SELECT count(*) FROM cycles WHERE status NOT IN ('CLOSED', 'CANCELLED')),
         'timelineRows', (SELECT count(*) FROM cycle_events),
         'users', (SELECT count(*) FROM users))`,
      tools,
    );
  }
  // Temporal keys its version row by the database's name (schema_version.db_name).
  const schema = await queryJson(
    connection,
    `SELECT json_build_object('schemaVersion', (SELECT curr_version FROM schema_version WHERE db_name = current_database()))`,
    tools,
  );
  if (role !== 'temporal') return schema;
  // The shard count is fixed for the life of the databases: the servers that start on a restore must be given the same.
  return {
    ...schema,
    ...(await queryJson(
      connection,
      `SELECT json_build_object('historyShards', (SELECT count(*) FROM shards), 'workflowExecutions', (SELECT count(*) FROM current_executions))`,
      tools,
    )),
  };
}

/**
 * A short fingerprint of the payload key: a restore can tell the right key from a wrong one without storing it.
 * @param {string} base64Key
 */
export function payloadKeyFingerprint(base64Key) {
  return createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 16);
}

/**
 * @param {string} file
 * @returns {Promise<string>}
 */
function sha256Of(file) {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .once('error', reject)
      .once('end', () => resolvePromise(hash.digest('hex')));
  });
}

/**
 * @param {string} command
 * @param {string} what
 * @param {Log} log
 * @returns {Promise<void>}
 */
function runShell(command, what, log) {
  log(`• ${what}: ${command}`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn('sh', ['-c', command], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolvePromise(undefined) : reject(new Error(`${what} failed (exit ${code}): ${command}`))));
  });
}

const sleep = (/** @type {number} */ ms) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms));

/**
 * Waits until no worker is connected to the application's database; throws, naming them, if one stays.
 * @param {PgConnection} connection
 * @param {Tools} tools
 * @param {number} waitMs
 */
async function requireNoWorker(connection, tools, waitMs) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const connected = Number(
      await query(connection, `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = '${WORKER_APPLICATION_NAME}'`, tools),
    );
    if (connected === 0) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `${connected} connection(s) of a running worker (${WORKER_APPLICATION_NAME}) to ${connection.database}: stop the workers first ` +
          '(docker compose stop worker), or give --pause-command; a dump taken while a worker writes may not agree with Temporal’s',
      );
    }
    await sleep(500);
  }
}

/**
 * 2026-05-03T10-20-30Z: sorts by time, and is a valid folder name everywhere.
 * @param {Date} date
 */
function folderName(date) {
  return date.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

/**
 * Dumps the three databases into a new folder under `outDir`, with a manifest. With `pauseCommand` it stops
 * the workers first and always runs `resumeCommand` after the dumps (also after a failure); without it, the
 * workers must already be stopped. Either way it refuses to dump while a worker is connected.
 * @param {Tools & { urls: DatabaseUrls, outDir: string, pauseCommand?: string, resumeCommand?: string, payloadKey?: string, workerWaitMs?: number, log?: Log }} options
 */
export async function backup({ urls, outDir, via, pgBin, pauseCommand, resumeCommand, payloadKey, workerWaitMs = 30000, log = console.log }) {
  const tools = { via, pgBin };
  /** @type {Record<string, PgConnection>} */
  const connections = Object.fromEntries(DATABASES.map((database) => [database.role, connectionOf(urls[database.role], via)]));
  const pgDump = await toolVersion('pg_dump', tools);
  const pgRestore = await toolVersion('pg_restore', tools);
  /** @type {Record<string, Awaited<ReturnType<typeof describeDatabase>>>} */
  const described = {};
  for (const database of DATABASES) {
    described[database.role] = await describeDatabase(connections[database.role], database, tools);
    if (described[database.role].serverMajor > pgDump.major) {
      throw new Error(
        `${pgDump.line} cannot dump ${connections[database.role].shown} (server ${described[database.role].server}): use the client tools of version ${described[database.role].serverMajor} or later (--pg-bin)`,
      );
    }
  }
  const startedAt = new Date();
  const dir = resolve(outDir, folderName(startedAt));
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  mkdirSync(dir, { recursive: true });

  /** @type {Record<string, { ms: number }>} */
  const dumps = {};
  /** @type {Record<string, Contents>} */
  const contents = {};
  let paused = 0;
  let resumed = 0;
  /** @type {unknown} */
  let failure = null;
  try {
    if (pauseCommand) {
      paused = Date.now();
      await runShell(pauseCommand, 'Stopping the workers', log);
    } else {
      log('• The workers must be stopped now (docker compose stop worker); checking that none is connected…');
    }
    await requireNoWorker(connections.app, tools, workerWaitMs);
    paused ||= Date.now();
    for (const database of DATABASES) {
      const connection = connections[database.role];
      const file = join(dir, database.file);
      const began = Date.now();
      contents[database.role] = await contentsOf(database.role, connection, tools);
      await runTool('pg_dump', ['--format=custom', '--dbname', connection.dsn], { ...tools, env: connection.env, stdoutFile: file });
      dumps[database.role] = { ms: Date.now() - began };
      log(`• Dumped ${database.label} (${connection.database}) in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    }
  } catch (error) {
    failure = error;
  } finally {
    if (pauseCommand) {
      try {
        await runShell(resumeCommand ?? '', 'Starting the workers again', log);
      } catch (error) {
        failure ??= error;
      }
    }
    resumed = Date.now();
  }
  if (failure) {
    // Nothing that looks like a backup is left behind.
    rmSync(dir, { recursive: true, force: true });
    throw failure;
  }

  // Checked after the workers are back: reading the archives back takes time the workers need not wait for.
  try {
    /** @type {Record<string, object>} */
    const databases = {};
    for (const database of DATABASES) {
      const file = join(dir, database.file);
      const listing = await runTool('pg_restore', ['--list'], { ...tools, stdinFile: file });
      databases[database.role] = {
        database: connections[database.role].database,
        url: connections[database.role].shown,
        server: described[database.role].server,
        serverMajor: described[database.role].serverMajor,
        databaseBytes: Number(described[database.role].bytes),
        file: database.file,
        fileBytes: statSync(file).size,
        sha256: await sha256Of(file),
        tableData: listing.split('\n').filter((line) => / TABLE DATA /.test(line)).length,
        dumpMs: dumps[database.role].ms,
        ...contents[database.role],
      };
    }
    const manifest = {
      format: MANIFEST_FORMAT,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      workersStoppedMs: resumed - paused,
      workers: pauseCommand ? { pauseCommand, resumeCommand } : 'stopped by the operator',
      tools: { pgDump: pgDump.line, pgRestore: pgRestore.line, via: via ?? null },
      app: appVersion(),
      payloadKeyFingerprint: payloadKey ? payloadKeyFingerprint(payloadKey) : null,
      databases,
    };
    // Written last: a folder with a manifest is a whole backup.
    writeFileSync(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return { dir, manifest };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function appVersion() {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    return { name: pkg.name, version: pkg.version };
  } catch {
    return null;
  }
}

/**
 * @param {string} dir
 * @returns {any} the manifest as backup() wrote it
 */
export function readManifest(dir) {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new Error(`${file} does not exist: --from names a folder written by npm run backup`);
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  if (manifest.format !== MANIFEST_FORMAT) throw new Error(`${file}: manifest format ${manifest.format}, this script reads ${MANIFEST_FORMAT}`);
  return manifest;
}

/**
 * Creates the database, or takes it when it exists and holds no table (as docker compose's postgres makes its own).
 * @param {PgConnection} connection
 * @param {string} url
 * @param {DatabaseSpec} database
 * @param {Tools} tools
 */
async function prepareTarget(connection, url, database, tools) {
  const maintenance = maintenanceOf(url, tools.via);
  const exists = (await query(maintenance, `SELECT count(*) FROM pg_database WHERE datname = '${connection.database.replace(/'/g, "''")}'`, tools)) === '1';
  if (exists) {
    const tables = Number(await query(connection, `SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`, tools));
    if (tables > 0) throw new Error(`${connection.shown} already holds ${tables} table(s): restore ${database.label} into a new database, or an empty one`);
    return 'existing, empty';
  }
  await query(maintenance, `CREATE DATABASE "${connection.database.replace(/"/g, '""')}"`, tools);
  return 'created';
}

/**
 * Restores a backup folder into fresh databases: every archive checked against its checksum, the tools and
 * the servers against the versions that made it, each target created (or found empty), restored in one
 * transaction, and its schema versions and counts compared with the manifest's.
 * @param {Tools & { from: string, urls: DatabaseUrls, payloadKey?: string, payloadOldKeys?: string[], log?: Log }} options
 */
export async function restore({ from, urls, via, pgBin, payloadKey, payloadOldKeys = [], log = console.log }) {
  const tools = { via, pgBin };
  const dir = resolve(from);
  const manifest = readManifest(dir);
  for (const database of DATABASES) {
    const kept = manifest.databases[database.role];
    const file = join(dir, kept.file);
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    if ((await sha256Of(file)) !== kept.sha256) throw new Error(`${file} does not match its checksum in the manifest: the copy is damaged`);
  }
  if (manifest.payloadKeyFingerprint) {
    const keys = [payloadKey, ...payloadOldKeys].filter(/** @returns {key is string} */ (key) => typeof key === 'string' && key.length > 0);
    if (keys.length === 0) {
      log(`• PAYLOAD_KEY is not set here: the apps must run with the key whose fingerprint is ${manifest.payloadKeyFingerprint} (Temporal's copy is sealed with it)`);
    } else if (!keys.some((key) => payloadKeyFingerprint(key) === manifest.payloadKeyFingerprint)) {
      throw new Error(
        `neither PAYLOAD_KEY nor PAYLOAD_OLD_KEYS is the key this backup's workflows were sealed with (fingerprint ${manifest.payloadKeyFingerprint}): the restored cycles could not be read`,
      );
    }
  }
  const pgRestore = await toolVersion('pg_restore', tools);
  const made = Math.max(...Object.values(manifest.databases).map((kept) => kept.serverMajor));
  const dumpedWith = majorOf(manifest.tools.pgDump);
  if (pgRestore.major < dumpedWith) throw new Error(`${pgRestore.line} cannot read archives of pg_dump ${dumpedWith}: use client tools of version ${dumpedWith} or later (--pg-bin)`);

  /** @type {Record<string, PgConnection>} */
  const connections = Object.fromEntries(DATABASES.map((database) => [database.role, connectionOf(urls[database.role], via)]));
  const names = DATABASES.map((database) => connections[database.role]);
  for (const [index, connection] of names.entries()) {
    const other = names.findIndex((candidate, at) => at !== index && candidate.database === connection.database && new URL(candidate.dsn).host === new URL(connection.dsn).host);
    if (other >= 0) throw new Error(`two of the three targets are the same database (${connection.shown})`);
  }
  /** @type {Record<string, object>} */
  const report = {};
  for (const database of DATABASES) {
    const connection = connections[database.role];
    const kept = manifest.databases[database.role];
    const maintenance = maintenanceOf(urls[database.role], via);
    const serverMajor = Number(await query(maintenance, `SELECT current_setting('server_version_num')::int / 10000`, tools));
    if (serverMajor < made) throw new Error(`${connection.shown}: server ${serverMajor} is older than the one the backup came from (${made}); restore into ${made} or later`);
    const target = await prepareTarget(connection, urls[database.role], database, tools);
    const began = Date.now();
    // --no-owner: the objects belong to the user of the target URL, the one the apps and Temporal connect as.
    // One transaction: a restore that fails leaves an empty database, never half of one.
    await runTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', connection.dsn], {
      ...tools,
      env: connection.env,
      stdinFile: join(dir, kept.file),
    });
    if (database.role !== 'app') {
      // Temporal finds its schema version by the database's name: the server and temporal-sql-tool refuse a
      // database whose row names the one it was dumped from ("no rows in result set"). The row follows the new name.
      await query(
        connection,
        `UPDATE schema_version SET db_name = current_database()
          WHERE db_name <> current_database() AND NOT EXISTS (SELECT 1 FROM schema_version WHERE db_name = current_database())`,
        tools,
      );
    }
    if (database.role === 'temporal') {
      // The hosts that were running when the dump was taken: runtime state each server writes for itself when
      // it starts. Forgotten, so that servers started on the copy (beside a live cluster, for a rehearsal)
      // never take the live cluster's hosts for their peers.
      await query(connection, 'DELETE FROM cluster_membership', tools);
    }
    const restoredMs = Date.now() - began;
    await describeDatabase(connection, database, tools);
    const contents = await contentsOf(database.role, connection, tools);
    const differences = Object.entries(contents).filter(([key, value]) => JSON.stringify(kept[key]) !== JSON.stringify(value));
    if (differences.length > 0) {
      throw new Error(
        `${connection.shown} after the restore: ${differences.map(([key, value]) => `${key} ${JSON.stringify(value)}, the backup had ${JSON.stringify(kept[key])}`).join('; ')}`,
      );
    }
    report[database.role] = { database: connection.database, target, ms: restoredMs, ...contents };
    log(`• Restored ${database.label} into ${connection.database} (${target}) in ${(restoredMs / 1000).toFixed(1)} s`);
  }
  return { manifest, report };
}
