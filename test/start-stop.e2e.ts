/**
 * `npm start` stopped with Ctrl-C as a terminal sends it: SIGINT to the whole foreground process group, so
 * the launcher gets it more than once. The launcher is started by the machine's own Node, as on a fresh
 * clone's first start, so it re-runs itself on the pinned Node 24; and a cycle's launch is being retried by
 * the worker (PostgreSQL answers its write with a serialization failure, which is worth retrying) when
 * Ctrl-C comes. Every process the launcher started stops, in order, and it says "Stopped.".
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '../libs/persistence/data-source.js';
import { freePort, portAnswers, ROOT } from './support/server-control.js';

const STARTED = 'the service is up';

/** The machine's Node (not the pinned one jest runs on), when there is one. */
function systemNode(): { path: string; major: number } | null {
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => !entry.includes('node_modules'))
    .join(delimiter);
  const found = spawnSync('sh', ['-c', 'command -v node'], { encoding: 'utf8', env: { ...process.env, PATH: path } }).stdout.trim();
  if (!found) return null;
  const version = spawnSync(found, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return { path: found, major: Number(version.replace(/^v/, '').split('.')[0]) };
}

/** Every process below `pid` (children, theirs, …), from ps. */
function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of rows) {
      if (ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'cbd-start-'));
let launcher: ChildProcess | undefined;
let started: number[] = [];

afterAll(() => {
  // A test that failed before it counted the processes leaves them to be found here: the apps run in process
  // groups of their own, and one left alive would hold this process's pipes open and jest with them.
  const leftover = launcher?.pid && alive(launcher.pid) ? descendants(launcher.pid) : [];
  for (const pid of new Set([...started, ...leftover])) if (alive(pid)) process.kill(pid, 'SIGKILL');
  if (launcher?.pid && alive(launcher.pid)) process.kill(-launcher.pid, 'SIGKILL');
  launcher?.stdout?.destroy();
  launcher?.stderr?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start and Ctrl-C', () => {
  it('stops the API, the worker, PostgreSQL and Temporal, in order, while a step is being retried', async () => {
    const node = systemNode();
    const [apiPort, temporalPort, uiPort, postgresPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      TEMPORAL_DEV_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
      EMBEDDED_POSTGRES_PORT: String(postgresPort),
    };
    for (const name of ['TEMPORAL_ADDRESS', 'DATABASE_URL', 'TEST_TEMPORAL_ADDRESS', 'TEST_DATABASE_URL', 'JWT_SECRET']) delete env[name];
    // A process group of its own, like a terminal's foreground job.
    launcher = spawn(node?.path ?? process.execPath, [join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => launcher!.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 180_000;
    while (!output.includes(STARTED)) {
      if (Date.now() > deadline || launcher.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    if (node && node.major < 24) expect(descendants(launcher.pid!).length).toBeGreaterThan(0);

    // A launch whose first write PostgreSQL keeps answering with a serialization failure: the worker retries it.
    const database = await createDataSource({
      url: `postgres://postgres:postgres@127.0.0.1:${postgresPort}/chi_bo_diem`,
      poolSize: 1,
      applicationName: 'start-stop test',
    }).initialize();
    await database.query(`
      CREATE FUNCTION refuse_for_now() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'thử lại sau' USING ERRCODE = '40001'; END $$`);
    await database.query(`CREATE TRIGGER refuse_for_now BEFORE INSERT ON cycle_events FOR EACH ROW EXECUTE FUNCTION refuse_for_now()`);
    await database.destroy();
    const api = `http://127.0.0.1:${apiPort}/api`;
    const post = async (path: string, token: string | null, body: unknown) => {
      const response = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const admin = (await post('/auth/login', null, { username: 'admin', password: 'admin' })).body.accessToken as string;
    const committee = (await post('/committees', admin, { name: 'Đảng ủy xã Thử nghiệm' })).body.id as string;
    const cells = [];
    for (const name of ['Chi bộ thôn Một', 'Chi bộ thôn Hai']) cells.push((await post(`/committees/${committee}/cells`, admin, { name, memberCount: 20 })).body.id);
    const launch = await post('/cycles', admin, {
      committeeId: committee,
      title: 'Sinh hoạt chi bộ điểm',
      topic: 'Chuyên đề',
      kind: 'regular',
      hostCellId: cells[0],
      invitedCellIds: [cells[1]],
      meetingAt: new Date(Date.now() + 86_400_000).toISOString(),
      location: 'Nhà văn hóa',
    });
    expect(launch.status).toBe(503);

    started = descendants(launcher.pid!);
    expect(started.length).toBeGreaterThanOrEqual(5);
    process.kill(-launcher.pid!, 'SIGINT');
    const code = await Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 120_000).unref())]);

    expect({ code, stopping: output.includes('Stopping…'), stopped: output.includes('• Stopped.') }).toEqual({ code: 0, stopping: true, stopped: true });
    expect(started.filter(alive)).toEqual([]);
    expect([await portAnswers(apiPort), await portAnswers(temporalPort), await portAnswers(postgresPort)]).toEqual([false, false, false]);
  }, 300_000);
});
