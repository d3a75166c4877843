/**
 * Fault injection with real processes: the API (`node dist/apps/api/main.js`) and the worker
 * (`node dist/apps/worker/main.js`) run as child processes of the test, so a suite can SIGKILL or SIGTERM
 * them and start them again; a Temporal dev server and an embedded PostgreSQL of the suite's own can be
 * stopped and started too. Also here, for the suites under test/faults: a fetch-based HTTP client, a
 * commune built over HTTP by an admin of the suite's own, a full cycle as a list of steps each sent with its
 * own Idempotency-Key, and the checks that nothing an API accepted was lost or doubled; and what proves
 * where a fault landed: holds on a step's write (WriteHolds: before its timeline row, or inside its COMMIT)
 * and on rows, probes that count only the backends waiting on the suite's own hold, and the step's update
 * and record activity as the workflow's history shows them (HistoryReader).
 *
 * Every child is tracked: stopAllProcesses() (call it in afterAll) and the jest process's exit hook kill
 * whatever is still running, so no process outlives the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hash } from '@node-rs/argon2';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { DataSource, QueryRunner } from 'typeorm';
import { CONFIG_VARIABLES } from '../../libs/config/app-config.js';
import { createDataSource } from '../../libs/persistence/data-source.js';
import { SealingCodec } from '../../libs/temporal/sealing-codec.js';
import { modelMeetingWorkflowId } from '../../workflows/model-meeting/model-meeting.contract.js';
import { RELAXED_LIMITS } from './api-stack.js';
import { TEST_JWT_SECRET, TEST_PAYLOAD_KEY } from './test-stack.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FAULTS_FULL = process.env.FAULTS_FULL === '1';
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ── scripts/lib (plain JavaScript, typed here) ─────────────────────────────────────────────────────────

interface NetLib {
  freePort: () => Promise<number>;
  portAnswers: (port: number, host?: string, timeoutMs?: number) => Promise<boolean>;
}
export interface DevServer {
  address: string;
  reused: boolean;
  pid?: number;
  stop(): Promise<void>;
}
interface TemporalLib {
  startDevServer: (options: { root: string; port: number; dbFile?: string; log?: (line: string) => void; quiet?: boolean }) => Promise<DevServer>;
}
export interface EmbeddedPostgres {
  url: string;
  reused: boolean;
  stop(): Promise<void>;
}
interface PostgresLib {
  startEmbeddedPostgresProcess: (options: { dataDir: string; port: number; database: string }, log?: (line: string) => void) => Promise<EmbeddedPostgres>;
}

// Specifiers held in variables: TypeScript leaves these .mjs imports untyped instead of looking for declarations.
const NET_LIB = '../../scripts/lib/net.mjs';
const TEMPORAL_LIB = '../../scripts/lib/temporal.mjs';
const POSTGRES_LIB = '../../scripts/lib/postgres.mjs';

export async function freePort(): Promise<number> {
  return ((await import(NET_LIB)) as NetLib).freePort();
}

export async function portAnswers(port: number): Promise<boolean> {
  return ((await import(NET_LIB)) as NetLib).portAnswers(port);
}

const liveDevServers = new Set<number>();
const liveChildren = new Set<ChildProcess>();
const leftovers = new Set<string>();

// Should a suite end without its afterAll (or the test process exit early), nothing it started survives it.
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
  for (const pid of liveDevServers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const path of leftovers) rmSync(path, { recursive: true, force: true });
});

/**
 * A Temporal dev server of the suite's own (scripts/lib/temporal.mjs); with `dbFile` it keeps its state
 * across restarts. It runs in a process group of its own: should the suite end without stopping it, the
 * test process's exit hook kills it.
 */
export async function startOwnDevServer(port: number, dbFile: string): Promise<DevServer> {
  const { startDevServer } = (await import(TEMPORAL_LIB)) as TemporalLib;
  const server = await startDevServer({ root: ROOT, port, dbFile, quiet: true, log: () => undefined });
  if (server.reused) throw new Error(`port ${port} was already taken: this suite must own its Temporal dev server`);
  const pid = server.pid;
  if (pid) liveDevServers.add(pid);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      if (pid) liveDevServers.delete(pid);
    },
  };
}

/**
 * An embedded PostgreSQL of the suite's own (scripts/lib/postgres.mjs), held by a forked process of its own
 * group: stop() shuts the cluster down and, should the test process die, the holder stops it too.
 */
export async function startOwnPostgres(dataDir: string, port: number, database: string): Promise<EmbeddedPostgres> {
  const { startEmbeddedPostgresProcess } = (await import(POSTGRES_LIB)) as PostgresLib;
  const postgres = await startEmbeddedPostgresProcess({ dataDir, port, database }, () => undefined);
  if (postgres.reused) throw new Error(`port ${port} was already taken: this suite must own its PostgreSQL`);
  return postgres;
}

export async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs = 30000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(intervalMs);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

// ── child processes ────────────────────────────────────────────────────────────────────────────────────

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export type AppKind = 'api' | 'worker';

/** One app process (API or worker) that can be started, killed and started again with the same settings. */
export class AppProcess {
  private child?: ChildProcess;
  private exit?: Promise<ExitStatus>;
  private readonly lines: string[] = [];
  /** How many times this app has been started. */
  starts = 0;

  constructor(
    readonly kind: AppKind,
    readonly env: Record<string, string>,
  ) {}

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  logTail(count = 40): string {
    return this.lines.slice(-count).join('\n');
  }

  /** Starts the process and waits until it serves: the API answers /api/health with 200, the worker polls its task queue. */
  async start(timeoutMs = 60000): Promise<void> {
    if (this.running) throw new Error(`${this.kind} is already running (pid ${this.child?.pid})`);
    const entry = this.kind === 'api' ? 'dist/apps/api/main.js' : 'dist/apps/worker/main.js';
    const child = spawn(process.execPath, [entry], { cwd: ROOT, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts += 1;
    liveChildren.add(child);
    let polling = false;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
        if (plain.includes('Polling task queue')) polling = true;
        this.lines.push(`[${this.kind} ${child.pid}] ${plain}`);
        if (this.lines.length > 400) this.lines.splice(0, this.lines.length - 400);
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exit = new Promise<ExitStatus>((resolve) => {
      child.once('exit', (code, signal) => {
        liveChildren.delete(child);
        resolve({ code, signal });
      });
    });
    try {
      await waitUntil(
        `${this.kind} to start`,
        async () => {
          if (!this.running) throw new Error(`${this.kind} exited while starting`);
          if (this.kind === 'worker') return polling;
          return (await this.health()).status === 200;
        },
        timeoutMs,
        100,
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${this.logTail()}`);
    }
  }

  /** The API's GET /api/health: status and body (status 0 when nothing answers). */
  async health(): Promise<HttpAnswer> {
    return request(`http://127.0.0.1:${this.env.PORT}`, 'GET', '/api/health', { timeoutMs: 5000 });
  }

  /**
   * Sends a signal and returns at once (SIGSTOP freezes the process: it runs no code, answers nothing, until
   * SIGCONT or SIGKILL).
   */
  signal(signal: NodeJS.Signals): void {
    if (!this.running) throw new Error(`${this.kind} is not running`);
    this.child?.kill(signal);
  }

  /** Sends a signal; resolves with how the process ended (at once if it was not running). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitStatus> {
    if (!this.child || !this.exit) throw new Error(`${this.kind} was never started`);
    if (this.running) this.child.kill(signal);
    return this.exit;
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (this.running) await this.kill(signal);
    await this.start();
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs = 15000): Promise<void> {
    if (!this.running || !this.exit) return;
    this.child?.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}

let bundle: Promise<string> | undefined;
let bundleDir: string | undefined;

/**
 * The workflows of dist/ bundled once per suite, as production workers load them (WORKFLOW_BUNDLE_PATH):
 * a restarted worker then polls in a second or two instead of running webpack again.
 */
export function workflowBundle(): Promise<string> {
  bundle ??= (async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: join(ROOT, 'dist/workflows/index.js'), logger: quietBundlerLogger });
    const dir = mkdtempSync(join(tmpdir(), 'faults-bundle-'));
    bundleDir = dir;
    leftovers.add(dir);
    const file = join(dir, 'workflow-bundle.js');
    writeFileSync(file, code);
    return file;
  })();
  return bundle;
}

const quietBundlerLogger = {
  log: () => undefined,
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message: string) => console.error(message),
};

export interface StackOptions {
  databaseUrl?: string;
  temporalAddress?: string;
  /** Extra settings for both apps (e.g. TEMPORAL_UPDATE_TIMEOUT_MS). */
  env?: Record<string, string>;
  apiEnv?: Record<string, string>;
  workerEnv?: Record<string, string>;
}

/** An API and a worker as separate processes on the servers npm test provides (or the suite's own), with a task queue of their own. */
export class ProcessStack {
  readonly taskQueue = `faults-${randomUUID()}`;
  readonly api: AppProcess;
  readonly worker: AppProcess;
  readonly baseUrl: string;

  private constructor(port: number, bundlePath: string, options: StackOptions) {
    const databaseUrl = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
    const temporalAddress = options.temporalAddress ?? process.env.TEST_TEMPORAL_ADDRESS;
    if (!databaseUrl || !temporalAddress) {
      throw new Error('The fault suites need a real Temporal and PostgreSQL: run them with `npm test`, which provides both.');
    }
    // The parent's own settings (a developer's DATABASE_URL, a bundle path…) must not leak into the children.
    const inherited: Record<string, string> = {};
    const known = new Set<string>(CONFIG_VARIABLES);
    for (const [name, value] of Object.entries(process.env)) if (value !== undefined && !known.has(name)) inherited[name] = value;
    const common = {
      ...inherited,
      NODE_ENV: 'test',
      NO_COLOR: '1',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '5',
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      JWT_SECRET: TEST_JWT_SECRET,
      PAYLOAD_KEY: TEST_PAYLOAD_KEY,
      ...RELAXED_LIMITS,
      PORT: String(port),
      WORKFLOW_BUNDLE_PATH: bundlePath,
      ...options.env,
    };
    this.api = new AppProcess('api', { ...common, ...options.apiEnv });
    this.worker = new AppProcess('worker', { ...common, ...options.workerEnv });
    this.baseUrl = `http://127.0.0.1:${port}`;
  }

  /** Starts the worker and the API (in parallel) and waits until both serve. */
  static async start(options: StackOptions = {}): Promise<ProcessStack> {
    const stack = new ProcessStack(await freePort(), await workflowBundle(), options);
    allStacks.add(stack);
    await Promise.all([stack.worker.start(), stack.api.start()]);
    return stack;
  }

  get http(): ApiClient {
    return new ApiClient(this.baseUrl);
  }

  logTail(): string {
    return `${this.api.logTail(25)}\n${this.worker.logTail(25)}`;
  }

  async stopAll(): Promise<void> {
    allStacks.delete(this);
    await Promise.all([this.api.stop(5000), this.worker.stop(5000)]);
  }
}

const allStacks = new Set<ProcessStack>();

/** Stops every stack still running, kills any child left and removes the bundle (afterAll, even after a failure). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...allStacks].map((stack) => stack.stopAll().catch(() => undefined)));
  for (const child of liveChildren) child.kill('SIGKILL');
  if (bundleDir) {
    rmSync(bundleDir, { recursive: true, force: true });
    leftovers.delete(bundleDir);
  }
  bundle = undefined;
  bundleDir = undefined;
}

// ── HTTP ───────────────────────────────────────────────────────────────────────────────────────────────

export interface HttpAnswer {
  /** 0 when no answer came (connection refused or reset, the API was killed). */
  status: number;
  // The parsed JSON of any endpoint: suites read the fields they know.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  error?: string;
}

export async function request(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string; timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.key) headers['Idempotency-Key'] = options.key;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60000),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, body: null, error: `${(error as Error).message}${cause ? `: ${cause.code ?? cause.message}` : ''}` };
  }
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  send(method: string, path: string, options: { token?: string; body?: unknown; key?: string; timeoutMs?: number } = {}) {
    return request(this.baseUrl, method, path, options);
  }

  get(path: string, token: string) {
    return this.send('GET', path, { token });
  }

  async login(username: string, password: string): Promise<string> {
    const answer = await this.send('POST', '/api/auth/login', { body: { username, password } });
    if (answer.status !== 200) throw new Error(`login ${username} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body.accessToken as string;
  }
}

/** Polls `send` until it answers 200 (e.g. a GET while a dependency is coming back). */
export async function until200(what: string, send: () => Promise<HttpAnswer>, timeoutMs = 60000): Promise<HttpAnswer> {
  let last: HttpAnswer = { status: 0, body: null };
  await waitUntil(
    what,
    async () => {
      last = await send();
      return last.status === 200;
    },
    timeoutMs,
    250,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last answer ${last.status} ${JSON.stringify(last.body)}`);
  });
  return last;
}

// ── a commune, built over HTTP ─────────────────────────────────────────────────────────────────────────

export const TEST_PASSWORD = 'mat-khau-thu-nghiem-2026';

export interface Person {
  userId: string;
  username: string;
  token: string;
}

export interface Commune {
  committeeId: string;
  staff: Person;
  cells: { id: string; name: string; secretary: Person }[];
}

export interface Credentials {
  username: string;
  password: string;
}

/**
 * An admin account of the suite's own, written straight into its database (as an installation's first admin
 * is): the suite depends on no other suite having created one, nor on the first-start `admin`/`admin` (which
 * the API makes only in a database without any user).
 */
export async function createSuiteAdmin(db: DataSource): Promise<Credentials> {
  const credentials = { username: `faults.admin.${randomUUID().slice(0, 8)}`, password: TEST_PASSWORD };
  await db.query(`INSERT INTO users (username, password_hash, full_name, role) VALUES ($1, $2, 'Quản trị kiểm thử sự cố', 'admin')`, [
    credentials.username,
    await hash(credentials.password),
  ]);
  return credentials;
}

/** A committee of the suite's own with its staff, and cells with their secretaries, as an admin and the staff would make them. */
export async function createCommune(api: ApiClient, admin: Credentials, cellCount: number): Promise<Commune> {
  const adminToken = await api.login(admin.username, admin.password);
  const suffix = randomUUID().slice(0, 8);
  const created = async (path: string, token: string, body: unknown) => {
    const answer = await api.send('POST', path, { token, body });
    if (answer.status !== 201) throw new Error(`POST ${path} → ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const committee = await created('/api/committees', adminToken, { name: `Đảng ủy xã Tà Xùa ${suffix}` });
  const staffUser = await created('/api/users', adminToken, {
    username: `vanphong.${suffix}`,
    password: TEST_PASSWORD,
    fullName: 'Giàng Thị Văn Phòng',
    role: 'committee',
    committeeId: committee.id,
  });
  const staff = { userId: staffUser.id, username: staffUser.username, token: await api.login(staffUser.username, TEST_PASSWORD) };
  const cells: Commune['cells'] = [];
  for (let index = 1; index <= cellCount; index += 1) {
    const cell = await created(`/api/committees/${committee.id}/cells`, staff.token, { name: `Chi bộ bản ${index} ${suffix}`, memberCount: 12 + index });
    const user = await created('/api/users', staff.token, {
      username: `bithu${index}.${suffix}`,
      password: TEST_PASSWORD,
      fullName: `Bí thư bản ${index}`,
      role: 'secretary',
      cellId: cell.id,
    });
    cells.push({ id: cell.id, name: cell.name, secretary: { userId: user.id, username: user.username, token: await api.login(user.username, TEST_PASSWORD) } });
  }
  return { committeeId: committee.id, staff, cells };
}

// ── a full cycle as steps ──────────────────────────────────────────────────────────────────────────────

export interface CycleStep {
  /** Position in the cycle, from 0. */
  index: number;
  label: string;
  /** The timeline event this step writes. */
  event: string;
  /** The 2xx it answers when it succeeds. */
  expected: 200 | 201;
  key: string;
  /** Sends the step once (the same path, body and key every time). */
  send(api: ApiClient): Promise<HttpAnswer>;
  /** Not before this moment (epoch ms): recording the meeting waits for the meeting. */
  notBefore(): number;
  /** Records what later steps need from the answer. */
  done(answer: HttpAnswer): void;
}

/** The user steps of the cycle in order: launch, host, three RSVPs, plan, meeting, two critiques, report, revision, report, acceptance. */
export const CYCLE_EVENTS = [
  'CYCLE_LAUNCHED',
  'HOST_SELECTED',
  'RSVP_ACCEPTED',
  'RSVP_ACCEPTED',
  'RSVP_DECLINED',
  'PLAN_POSTED',
  'MEETING_RECORDED',
  'CRITIQUE_SUBMITTED',
  'CRITIQUE_SUBMITTED',
  'REPORT_FILED',
  'REVISION_REQUESTED',
  'REPORT_FILED',
  'CYCLE_CLOSED',
] as const;

/** Notifications the cycle's user steps send: reason → how many (one staff member, one secretary per cell). */
export const CYCLE_NOTIFICATIONS: Record<string, number> = {
  HOST_SELECTION_NEEDED: 1,
  INVITED: 3,
  CHOSEN_AS_HOST: 1,
  PLAN_POSTED: 3,
  CRITIQUE_OPEN: 2,
  REPORT_NEEDED: 1,
  REVIEW_NEEDED: 2,
  REVISION_REQUESTED: 1,
  LESSONS_SHARED: 3,
  RATED: 1,
};

/**
 * Events without an actor that a cycle under faults may also carry, each at most once, with the
 * notifications they send: the host candidates the system ranked while the cycle waited for its host (not
 * there when the host was picked first); the plan is due one second before the meeting, and a plan delayed
 * by a fault may miss that (then the host is reminded and the committee alerted); under ruleset 2 the host
 * is due halfway between the launch and the plan's due time (the launch is that close to the meeting), and
 * a host picked late by a fault may miss that (then the committee is reminded). The other windows are 30
 * minutes or more: their reminders cannot fire during a test, and reminders due before the launch are never
 * sent.
 */
export const TOLERATED_SYSTEM_EVENTS: Record<string, Record<string, number>> = {
  HOST_CANDIDATES_RANKED: {},
  HOST_SELECTION_OVERDUE: { HOST_SELECTION_REMINDER: 1 },
  PLAN_OVERDUE: { PLAN_REMINDER: 1, PLAN_OVERDUE_ALERT: 1 },
};

/**
 * A cycle of a commune of four cells (host, two visitors who attend and critique, one who declines), driven
 * over HTTP by committee staff and secretaries; every step carries an Idempotency-Key of its own.
 */
export class CycleScript {
  cycleId = '';
  readonly steps: CycleStep[];
  private meetingAt = 0;
  private readonly points: { weakness?: string; suggestion?: string } = {};
  private readonly nonce = randomUUID().slice(0, 8);
  readonly title = `Sinh hoạt chi bộ điểm ${this.nonce}`;

  /** `meetingInMs`: how long after the launch is sent the meeting is (the steps before it must fit). */
  constructor(
    readonly commune: Commune,
    private readonly meetingInMs: number,
  ) {
    const [host, visitorA, visitorB, declining] = commune.cells;
    const staff = commune.staff.token;
    const cycle = () => `/api/cycles/${this.cycleId}`;
    const responses = () => [
      { pointId: this.points.weakness, stance: 'accept', text: 'Tiếp thu, rút gọn phần điều hành' },
      { pointId: this.points.suggestion, stance: 'partly', text: 'Ghi ý kiến chính của từng đảng viên' },
    ];
    // Recorded just after meetingAt: a 95-minute meeting (at least 90 for a regular one) that ended 5 minutes
    // before it was sent, so it started 100 minutes earlier; the launch allows a start up to 3 h before meetingAt.
    const meetingStartedAt = () => Date.now() - 100 * 60_000;
    const specs: Omit<CycleStep, 'index' | 'key' | 'send' | 'notBefore' | 'done'>[] = [];
    const senders: { token: string; path: () => string; body: () => unknown; after?: (answer: HttpAnswer) => void; notBefore?: () => number }[] = [];
    const add = (
      label: string,
      expected: 200 | 201,
      token: string,
      path: () => string,
      body: () => unknown,
      extra: { after?: (answer: HttpAnswer) => void; notBefore?: () => number } = {},
    ) => {
      specs.push({ label, event: CYCLE_EVENTS[specs.length], expected });
      senders.push({ token, path, body, ...extra });
    };

    add(
      'launch',
      201,
      staff,
      () => '/api/cycles',
      () => ({
        committeeId: commune.committeeId,
        title: this.title,
        topic: 'Nâng cao chất lượng sinh hoạt chi bộ',
        kind: 'regular',
        invitedCellIds: [visitorA.id, visitorB.id, declining.id],
        meetingAt: new Date((this.meetingAt = Date.now() + this.meetingInMs)).toISOString(),
        location: 'Nhà văn hóa bản Tà Xùa',
        critiqueWindow: 'PT30M',
        reportWindow: 'PT30M',
        reminders: { planDueLead: 'PT1S', earlyStartTolerance: 'PT3H' },
      }),
      { after: (answer) => (this.cycleId = answer.body.id as string) },
    );
    add('pick host', 200, staff, () => `${cycle()}/host`, () => ({ cellId: host.id }));
    add('RSVP A', 200, visitorA.secretary.token, () => `${cycle()}/invitations/${visitorA.id}/rsvp`, () => ({ response: 'accept', delegate: 'Đồng chí Vàng A Dính' }));
    add('RSVP B', 200, visitorB.secretary.token, () => `${cycle()}/invitations/${visitorB.id}/rsvp`, () => ({ response: 'accept' }));
    add('RSVP C', 200, declining.secretary.token, () => `${cycle()}/invitations/${declining.id}/rsvp`, () => ({ response: 'decline', note: 'Trùng lịch' }));
    add('plan', 200, host.secretary.token, () => `${cycle()}/plan`, () => ({ agenda: ['Khai mạc', 'Sinh hoạt chuyên đề'], content: 'Chuyên đề phát triển đảng viên' }));
    add(
      'meeting',
      200,
      host.secretary.token,
      () => `${cycle()}/meeting`,
      () => {
        const startedAt = meetingStartedAt();
        return {
          startedAt: new Date(startedAt).toISOString(),
          endedAt: new Date(startedAt + 95 * 60_000).toISOString(),
          attendance: { present: 20, total: 21, absentWithReason: 1 },
          attendingCellIds: [visitorA.id, visitorB.id],
          minutes: 'Biên bản buổi sinh hoạt',
        };
      },
      { notBefore: () => this.meetingAt + 50 },
    );
    add(
      'critique A',
      201,
      visitorA.secretary.token,
      () => `${cycle()}/critiques`,
      () => ({
        points: [
          { stage: 'preparation', kind: 'strength', text: 'Tài liệu gửi trước đầy đủ' },
          { stage: 'chairing', kind: 'weakness', text: 'Phần điều hành còn dài' },
        ],
      }),
      { after: (answer) => (this.points.weakness = answer.body.points[1].id as string) },
    );
    add(
      'critique B',
      201,
      visitorB.secretary.token,
      () => `${cycle()}/critiques`,
      () => ({ points: [{ stage: 'minutes', kind: 'suggestion', text: 'Ghi rõ ý kiến từng đảng viên' }] }),
      { after: (answer) => (this.points.suggestion = answer.body.points[0].id as string) },
    );
    add('report', 200, host.secretary.token, () => `${cycle()}/report`, () => ({
      responses: responses(),
      lessons: ['Chuẩn bị kỹ nội dung'],
      actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư', dueDate: '2027-01-15' }],
    }));
    add('review: revise', 200, staff, () => `${cycle()}/review`, () => ({ decision: 'revise', comment: 'Bổ sung bài học' }));
    add('revised report', 200, host.secretary.token, () => `${cycle()}/report`, () => ({
      responses: responses(),
      lessons: ['Chuẩn bị kỹ nội dung', 'Phân công cụ thể'],
      actionItems: [{ title: 'Hoàn thiện mẫu biên bản', owner: 'Bí thư', dueDate: '2027-01-20' }],
    }));
    add('review: accept', 200, staff, () => `${cycle()}/review`, () => ({ decision: 'accept', rating: 'TOT' }));

    this.steps = specs.map((spec, index) => {
      const sender = senders[index];
      let fixed: { path: string; body: unknown } | undefined;
      return {
        ...spec,
        index,
        key: `${spec.label.replace(/\W+/g, '-')}-${this.nonce}`,
        send: (api: ApiClient) => {
          // The same request every time: a repeat with the key must match the first one exactly.
          fixed ??= { path: sender.path(), body: sender.body() };
          return api.send('POST', fixed.path, { token: sender.token, body: fixed.body, key: this.steps[index].key });
        },
        notBefore: () => sender.notBefore?.() ?? 0,
        done: (answer: HttpAnswer) => sender.after?.(answer),
      };
    });
  }
}

/** A step's answers: the first, every repeat, and the one it ended with. */
export interface StepOutcome {
  first: HttpAnswer;
  final: HttpAnswer;
  answers: HttpAnswer[];
}

/**
 * Repeats a step with its key while the answer is "unavailable" (503, or no answer at all), as a client
 * would; any other answer ends it. 500 is never repeated: it fails the test where it is checked.
 */
export async function repeatUntilAnswered(step: CycleStep, api: ApiClient, first: HttpAnswer, timeoutMs = 120000): Promise<StepOutcome> {
  const answers = [first];
  let answer = first;
  const deadline = Date.now() + timeoutMs;
  while ((answer.status === 503 || answer.status === 0) && Date.now() < deadline) {
    await sleep(answer.status === 0 ? 300 : 200);
    answer = await step.send(api);
    answers.push(answer);
  }
  return { first, final: answer, answers };
}

export function describeAnswers(answers: HttpAnswer[]): string {
  return answers.map((answer) => (answer.status === 0 ? `0(${answer.error})` : `${answer.status}${answer.body?.code ? `/${answer.body.code}` : ''}`)).join(' ');
}

// ── checks on what PostgreSQL holds ────────────────────────────────────────────────────────────────────

export async function connectDatabase(url: string): Promise<DataSource> {
  // Up to two holds (each on a connection of its own) and the probes beside them.
  return createDataSource({ url, poolSize: 6, applicationName: 'fault-tests' }).initialize();
}

export async function lastSeq(db: DataSource, cycleId: string): Promise<number> {
  if (!cycleId) return 0;
  const [row] = await db.query<{ last: number | null }[]>(`SELECT max(seq) AS last FROM cycle_events WHERE cycle_id = $1`, [cycleId]);
  return row?.last ?? 0;
}

// ── holding a write where the test wants it ────────────────────────────────────────────────────────────
//
// The suites share their database with other suites: a probe counts only the backends that wait on a lock
// this suite's own session holds (pg_blocking_pids), never "any backend waiting in the database".

/** The backends of this database that wait on a lock held by the session `holderPid`. */
export async function backendsBlockedBy(db: DataSource, holderPid: number): Promise<number[]> {
  const rows = await db.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND $1 = ANY(pg_blocking_pids(pid))`, [
    holderPid,
  ]);
  return rows.map((row) => Number(row.pid));
}

/** Whether a backend of this database is still there. */
export async function backendAlive(db: DataSource, pid: number): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
  return rows.length > 0;
}

/**
 * Ends one backend, named by its pid: what PostgreSQL does to the session of a client that died, once it
 * notices (a backend waiting on a lock notices only when it next talks to its client).
 */
export async function terminateBackend(db: DataSource, pid: number): Promise<boolean> {
  const [row] = await db.query<{ done: boolean }[]>(`SELECT pg_terminate_backend($1) AS done`, [pid]);
  return row?.done === true;
}

/** A lock held by a session of the test's own (a connection of its own) until release(). */
export class LockHold {
  private released = false;

  private constructor(
    private readonly db: DataSource,
    private readonly runner: QueryRunner,
    readonly holderPid: number,
    private readonly letGo: (runner: QueryRunner) => Promise<void>,
  ) {}

  static async take(db: DataSource, take: (runner: QueryRunner) => Promise<void>, letGo: (runner: QueryRunner) => Promise<void>): Promise<LockHold> {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      const [row] = (await runner.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
      await take(runner);
      return new LockHold(db, runner, Number(row.pid), letGo);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  /** The backends waiting on this hold now. */
  blocked(): Promise<number[]> {
    return backendsBlockedBy(this.db, this.holderPid);
  }

  /** Waits until one backend waits on this hold, and returns its pid. */
  async waitForBlocked(what: string, timeoutMs = 30000): Promise<number> {
    let pids: number[] = [];
    await waitUntil(
      what,
      async () => {
        pids = await this.blocked();
        return pids.length > 0;
      },
      timeoutMs,
      10,
    );
    if (pids.length !== 1) throw new Error(`${what}: ${pids.length} backends wait on the hold, expected one`);
    return pids[0];
  }

  /** Lets go (at most once); a session that died with its server (an outage) has nothing left to let go. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      await this.letGo(this.runner);
    } catch {
      // the connection died with its server: so did the lock
    } finally {
      await this.runner.release().catch(() => undefined);
    }
  }
}

/** Holds rows FOR UPDATE in a transaction of the test's own: a write to them waits until release(). */
export function holdRows(db: DataSource, what: string, select: string, params: unknown[]): Promise<LockHold> {
  return LockHold.take(
    db,
    async (runner) => {
      await runner.startTransaction();
      const rows = (await runner.query(`${select} FOR UPDATE`, params)) as unknown[];
      if (rows.length === 0) throw new Error(`${what}: no row to hold`);
    },
    (runner) => runner.rollbackTransaction(),
  );
}

/** Where a step's write is held: inside its transaction before its timeline row is written, or while it commits. */
export type WritePoint = 'before its timeline row' | 'at its commit';

/**
 * Holds a step's write (the recordSteps activity's transaction) at a point of the test's choice, for as long
 * as the test wants: triggers of the suite's own on cycle_events wait on an advisory lock that the test
 * holds, for the timeline row of one step of one cycle (found by its title, so the launch too) and no other
 * row. "before its timeline row": a BEFORE INSERT trigger, the transaction has written nothing of the step
 * yet (the launch's cycle row, uncommitted); "at its commit": a deferred constraint trigger, which runs
 * inside COMMIT, after every write of the transaction, before any of it is visible.
 * install() once per suite, uninstall() in afterAll: the shared database keeps nothing of it.
 */
export class WriteHolds {
  private constructor(
    private readonly db: DataSource,
    private readonly name: string,
  ) {}

  static async install(db: DataSource): Promise<WriteHolds> {
    const name = `fault_holds_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    await db.query(`CREATE TABLE ${name} (lock_key bigint PRIMARY KEY, point text NOT NULL, title text NOT NULL, event text NOT NULL, after_seq int NOT NULL)`);
    await db.query(`
      CREATE FUNCTION ${name}_wait() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        held bigint;
      BEGIN
        SELECT h.lock_key INTO held FROM ${name} h JOIN cycles c ON c.title = h.title
         WHERE c.id = NEW.cycle_id AND h.point = TG_ARGV[0] AND h.event = NEW.event AND NEW.seq > h.after_seq
         LIMIT 1;
        IF held IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(held);
        END IF;
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER ${name}_row BEFORE INSERT ON cycle_events FOR EACH ROW EXECUTE FUNCTION ${name}_wait('before its timeline row')`);
    await db.query(
      `CREATE CONSTRAINT TRIGGER ${name}_commit AFTER INSERT ON cycle_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ${name}_wait('at its commit')`,
    );
    return new WriteHolds(db, name);
  }

  /** From now on, the write of `step`'s timeline row (after seq `seqBefore`) waits at `point` until the hold is released. */
  async hold(script: CycleScript, step: CycleStep, seqBefore: number, point: WritePoint): Promise<LockHold> {
    const key = 1 + Math.floor(Math.random() * 2_000_000_000);
    const hold = await LockHold.take(
      this.db,
      (runner) => runner.query(`SELECT pg_advisory_lock($1)`, [key]),
      async (runner) => {
        await this.db.query(`DELETE FROM ${this.name} WHERE lock_key = $1`, [key]);
        await runner.query(`SELECT pg_advisory_unlock($1)`, [key]);
      },
    );
    await this.db.query(`INSERT INTO ${this.name} (lock_key, point, title, event, after_seq) VALUES ($1, $2, $3, $4, $5)`, [
      key,
      point,
      script.title,
      step.event,
      seqBefore,
    ]);
    return hold;
  }

  async uninstall(): Promise<void> {
    await this.db.query(`DROP TRIGGER IF EXISTS ${this.name}_row ON cycle_events`);
    await this.db.query(`DROP TRIGGER IF EXISTS ${this.name}_commit ON cycle_events`);
    await this.db.query(`DROP FUNCTION IF EXISTS ${this.name}_wait()`);
    await this.db.query(`DROP TABLE IF EXISTS ${this.name}`);
  }
}

/** How many timeline rows of the step's event there are after `afterSeq` (the cycle found by its title before the launch answered). */
export async function timelineRows(db: DataSource, script: CycleScript, step: CycleStep, afterSeq: number): Promise<number> {
  const [row] = await db.query<{ count: number }[]>(
    `SELECT count(*)::int AS count FROM cycle_events e JOIN cycles c ON c.id = e.cycle_id WHERE c.title = $1 AND e.seq > $2 AND e.event = $3`,
    [script.title, afterSeq, step.event],
  );
  return row.count;
}

// ── what the workflow's history shows ──────────────────────────────────────────────────────────────────

/** A client of the Temporal server the apps use, to read workflow histories (the evidence of where a fault landed). */
export class HistoryReader {
  private constructor(
    private readonly connection: Connection,
    private readonly client: Client,
  ) {}

  static async connect(address: string): Promise<HistoryReader> {
    const connection = await Connection.connect({ address });
    return new HistoryReader(connection, new Client({ connection, namespace: 'default' }));
  }

  /** The update that answered the step whose record has timeline seq `seq`, and the activity that wrote that record. */
  async step(cycleId: string, seq: number): Promise<StepHistory> {
    const history = await this.client.workflow.getHandle(modelMeetingWorkflowId(cycleId)).fetchHistory();
    const events = history.events ?? [];
    await openPayloads(events);
    return stepHistoryOf(events, seq);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}

export interface StepHistory {
  /** The first update whose result names the step's seq: its name, and when it was accepted and completed (epoch ms). */
  update?: { name: string; acceptedAt: number; completedAt: number };
  /**
   * The recordSteps (recordStep) activity whose records hold the step's: when it was scheduled, how many
   * ActivityTaskStarted events it has and the attempt of the last (the attempt that completed: Temporal
   * records only the last attempt of a retried activity), and when it completed.
   */
  activity?: { name: string; scheduledAt: number; startedEvents: number; attempt: number; completedAt?: number };
}

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

/** Protobuf 64-bit numbers (Long) as plain numbers: ids and seconds here fit. */
const longNumber = (value: number | { toNumber(): number } | null | undefined): number => (typeof value === 'number' ? value : (value?.toNumber() ?? 0));
const eventTime = (event: HistoryEvent): number => {
  const time = event.eventTime;
  return longNumber(time?.seconds) * 1000 + Math.floor((time?.nanos ?? 0) / 1e6);
};
const decoded = (payload: Payload | null | undefined): unknown => (payload ? defaultPayloadConverter.fromPayload(payload) : undefined);

/** The apps seal every payload (TEST_PAYLOAD_KEY); the evidence read here is opened in place first. */
async function openPayloads(events: HistoryEvent[]): Promise<void> {
  const codec = new SealingCodec(Buffer.from(TEST_PAYLOAD_KEY, 'base64'), [], false);
  for (const event of events) {
    const holders = [event.workflowExecutionUpdateCompletedEventAttributes?.outcome?.success, event.activityTaskScheduledEventAttributes?.input];
    for (const holder of holders) if (holder?.payloads) holder.payloads = await codec.decode(holder.payloads);
  }
}

export function stepHistoryOf(events: HistoryEvent[], seq: number): StepHistory {
  const result: StepHistory = {};
  const byId = new Map(events.map((event) => [longNumber(event.eventId), event]));
  for (const event of events) {
    const completed = event.workflowExecutionUpdateCompletedEventAttributes;
    if (!completed || result.update) continue;
    const answer = decoded(completed.outcome?.success?.payloads?.[0]) as { seq?: number } | undefined;
    if (answer?.seq !== seq) continue;
    const accepted = byId.get(longNumber(completed.acceptedEventId));
    result.update = {
      name: accepted?.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ?? '?',
      acceptedAt: accepted ? eventTime(accepted) : Number.NaN,
      completedAt: eventTime(event),
    };
  }
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    const name = scheduled?.activityType?.name ?? '';
    if (!scheduled || !['recordSteps', 'recordStep'].includes(name)) continue;
    const input = decoded(scheduled.input?.payloads?.[0]) as { seq: number }[] | { seq: number } | undefined;
    const records = Array.isArray(input) ? input : input ? [input] : [];
    if (!records.some((record) => record.seq === seq)) continue;
    const id = longNumber(event.eventId);
    const started = events.filter((other) => other.activityTaskStartedEventAttributes && longNumber(other.activityTaskStartedEventAttributes.scheduledEventId) === id);
    const done = events.find((other) => other.activityTaskCompletedEventAttributes && longNumber(other.activityTaskCompletedEventAttributes.scheduledEventId) === id);
    result.activity = {
      name,
      scheduledAt: eventTime(event),
      startedEvents: started.length,
      attempt: Math.max(0, ...started.map((other) => other.activityTaskStartedEventAttributes?.attempt ?? 0)),
      completedAt: done ? eventTime(done) : undefined,
    };
    break;
  }
  return result;
}

/** The user steps on the cycle's timeline so far (events with an actor), in seq order. */
export async function userEvents(db: DataSource, cycleId: string): Promise<string[]> {
  const rows = await db.query<{ event: string }[]>(`SELECT event FROM cycle_events WHERE cycle_id = $1 AND actor_id IS NOT NULL ORDER BY seq`, [cycleId]);
  return rows.map((row) => row.event);
}

export interface CycleRecordsReport {
  status: string;
  events: string[];
  problems: string[];
}

/**
 * Everything a cycle wrote, checked against its steps: the timeline seq is 1..n without a gap or a repeat
 * and matches cycles.last_seq; the user steps are there once each and in order, and any other event is a
 * tolerated system event, at most once; one critique per attending cell; one notification per recipient and
 * reason of each event (dedupe keys unique, each naming an event of the cycle), in the expected numbers;
 * the invitations and the action items as the last steps left them.
 */
export async function checkCycleRecords(db: DataSource, script: CycleScript, expectedStatus = 'CLOSED'): Promise<CycleRecordsReport> {
  const { cycleId, commune } = script;
  const problems: string[] = [];
  const [cycle] = await db.query<{ status: string; last_seq: number }[]>(`SELECT status, last_seq FROM cycles WHERE id = $1`, [cycleId]);
  if (!cycle) return { status: 'MISSING', events: [], problems: [`cycle ${cycleId} is not in the database`] };
  if (cycle.status !== expectedStatus) problems.push(`status ${cycle.status}, expected ${expectedStatus}`);

  const events = await db.query<{ seq: number; event: string; actor_id: string | null }[]>(
    `SELECT seq, event, actor_id FROM cycle_events WHERE cycle_id = $1 ORDER BY seq`,
    [cycleId],
  );
  events.forEach((row, position) => {
    if (row.seq !== position + 1) problems.push(`timeline seq ${row.seq} at position ${position + 1} (gap or repeat)`);
  });
  if (cycle.last_seq !== events.length) problems.push(`cycles.last_seq ${cycle.last_seq}, timeline has ${events.length} rows`);
  const userEvents = events.filter((row) => row.actor_id !== null).map((row) => row.event);
  if (JSON.stringify(userEvents) !== JSON.stringify(CYCLE_EVENTS)) {
    problems.push(`user steps on the timeline ${JSON.stringify(userEvents)}, expected ${JSON.stringify(CYCLE_EVENTS)}`);
  }
  const systemEvents = events.filter((row) => row.actor_id === null).map((row) => row.event);
  for (const event of systemEvents) {
    if (!TOLERATED_SYSTEM_EVENTS[event]) problems.push(`unexpected event without an actor: ${event}`);
  }
  if (new Set(systemEvents).size !== systemEvents.length) problems.push(`an event without an actor came twice: ${JSON.stringify(systemEvents)}`);

  const critiques = await db.query<{ cell_id: string }[]>(`SELECT cell_id FROM critiques WHERE cycle_id = $1 ORDER BY cell_id`, [cycleId]);
  const attending = [commune.cells[1].id, commune.cells[2].id].sort();
  if (JSON.stringify(critiques.map((row) => row.cell_id)) !== JSON.stringify(attending)) {
    problems.push(`critiques from ${JSON.stringify(critiques.map((row) => row.cell_id))}, expected one from each of ${JSON.stringify(attending)}`);
  }

  const notifications = await db.query<{ reason: string; dedupe_key: string; user_id: string }[]>(
    `SELECT reason, dedupe_key, user_id FROM notifications WHERE cycle_id = $1`,
    [cycleId],
  );
  const keys = new Set(notifications.map((row) => row.dedupe_key));
  if (keys.size !== notifications.length) problems.push('two notifications share a dedupe key');
  const perRecipient = new Set(notifications.map((row) => `${row.dedupe_key.split(':')[1]}:${row.reason}:${row.user_id}`));
  if (perRecipient.size !== notifications.length) problems.push('a recipient got the same notification of an event twice');
  const seqs = new Set(events.map((row) => String(row.seq)));
  for (const row of notifications) {
    const [keyCycle, keySeq, keyReason, keyUser] = row.dedupe_key.split(':');
    if (keyCycle !== cycleId || !seqs.has(keySeq) || keyReason !== row.reason || keyUser !== row.user_id) {
      problems.push(`notification ${row.dedupe_key} does not name an event of the cycle`);
    }
  }
  const expectedCounts: Record<string, number> = { ...CYCLE_NOTIFICATIONS };
  for (const event of systemEvents) Object.assign(expectedCounts, TOLERATED_SYSTEM_EVENTS[event] ?? {});
  const counts: Record<string, number> = {};
  for (const row of notifications) counts[row.reason] = (counts[row.reason] ?? 0) + 1;
  const sorted = (record: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(record).sort()));
  if (sorted(counts) !== sorted(expectedCounts)) problems.push(`notifications ${sorted(counts)}, expected ${sorted(expectedCounts)}`);

  const invitations = await db.query<{ cell_id: string; status: string; attended: boolean }[]>(
    `SELECT cell_id, status, attended FROM cycle_invitations WHERE cycle_id = $1`,
    [cycleId],
  );
  const [, visitorA, visitorB, declining] = commune.cells;
  const expectedInvitations = [
    `${visitorA.id}:ACCEPTED:true`,
    `${visitorB.id}:ACCEPTED:true`,
    `${declining.id}:DECLINED:false`,
  ].sort();
  const actualInvitations = invitations.map((row) => `${row.cell_id}:${row.status}:${row.attended}`).sort();
  if (JSON.stringify(actualInvitations) !== JSON.stringify(expectedInvitations)) {
    problems.push(`invitations ${JSON.stringify(actualInvitations)}, expected ${JSON.stringify(expectedInvitations)}`);
  }
  const actionItems = await db.query<{ due_date: string }[]>(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due_date FROM action_items WHERE cycle_id = $1`, [
    cycleId,
  ]);
  if (expectedStatus === 'CLOSED' && JSON.stringify(actionItems.map((row) => row.due_date)) !== JSON.stringify(['2027-01-20'])) {
    problems.push(`action items ${JSON.stringify(actionItems)}, expected the revised report's one`);
  }
  return { status: cycle.status, events: events.map((row) => row.event), problems };
}

/**
 * After the cycle: every step sent once more with its key answers exactly its first successful answer,
 * and the timeline does not grow.
 */
export async function repeatEveryStep(db: DataSource, script: CycleScript, api: ApiClient, answers: Map<number, HttpAnswer>): Promise<string[]> {
  const problems: string[] = [];
  const before = await lastSeq(db, script.cycleId);
  for (const step of script.steps) {
    const repeat = await step.send(api);
    const first = answers.get(step.index);
    const difference = first ? firstDifference(first.body, repeat.body) : 'no first answer';
    if (!first || repeat.status !== first.status || difference) {
      problems.push(`repeat of "${step.label}" answered ${repeat.status}, first ${first?.status}; bodies differ at ${difference}`);
    }
  }
  const after = await lastSeq(db, script.cycleId);
  if (after !== before) problems.push(`repeats added ${after - before} timeline rows`);
  return problems;
}

/** Where two JSON values differ (key order aside: PostgreSQL's jsonb keeps its own), or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return `${path}: ${JSON.stringify(a)?.slice(0, 120)} vs ${JSON.stringify(b)?.slice(0, 120)}`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

// ── driving a cycle under faults ───────────────────────────────────────────────────────────────────────

/**
 * Sends a step while doing harm: returns the first answer it got (status 0 when none), what happened, and
 * optionally `verify`, called once the step has answered its 2xx with the step's timeline seq: it checks
 * (from the workflow's history, the database) that the harm landed where the fault says, and throws if not.
 */
export type StepFault = (
  step: CycleStep,
  context: { api: ApiClient; seqBefore: number },
) => Promise<{ first: HttpAnswer; note?: string; verify?: (done: { outcome: StepOutcome; seq: number }) => Promise<void> }>;

export interface DriveOptions {
  script: CycleScript;
  db: DataSource;
  /** The API as it is now (a restarted API keeps its port). */
  api: () => ApiClient;
  /** The fault for a step, if any. */
  faultAt: (step: CycleStep) => StepFault | undefined;
  /** Process output for failure messages. */
  logTail: () => string;
  /** How long a client keeps repeating a step that answers 503. */
  repeatForMs?: number;
}

/**
 * Runs every step of the script, each with its fault if it has one, repeating it with its key while it
 * answers 503 or nothing; then a step must answer its own 2xx (never a 500 or a refusal), and the timeline
 * must hold every step answered so far, once. Returns each step's successful answer.
 */
export async function driveCycle(options: DriveOptions): Promise<Map<number, HttpAnswer>> {
  const { script, db } = options;
  const answers = new Map<number, HttpAnswer>();
  for (const step of script.steps) {
    const wait = step.notBefore() - Date.now();
    if (wait > 0) await sleep(wait);
    const seqBefore = await lastSeq(db, script.cycleId);
    const fault = options.faultAt(step);
    const { first, note, verify } = fault ? await fault(step, { api: options.api(), seqBefore }) : { first: await step.send(options.api()), note: undefined, verify: undefined };
    const outcome = await repeatUntilAnswered(step, options.api(), first, options.repeatForMs ?? 120000);
    const unexpected = outcome.answers.slice(0, -1).filter((answer) => answer.status !== 503 && answer.status !== 0);
    if (outcome.final.status !== step.expected || unexpected.length > 0) {
      throw new Error(
        `step ${step.index} "${step.label}" (${note ?? (fault ? 'fault' : 'no fault')}): answers ${describeAnswers(outcome.answers)}, expected ${step.expected} after any 503\n` +
          `last body ${JSON.stringify(outcome.final.body)}\n${options.logTail()}`,
      );
    }
    step.done(outcome.final);
    answers.set(step.index, outcome.final);
    const recorded = await userEvents(db, script.cycleId);
    const expected = CYCLE_EVENTS.slice(0, step.index + 1);
    if (JSON.stringify(recorded) !== JSON.stringify(expected)) {
      throw new Error(`after step ${step.index} "${step.label}" (${note ?? 'no fault'}) the timeline holds ${JSON.stringify(recorded)}, expected ${JSON.stringify(expected)}`);
    }
    if (verify) {
      const rows = await db.query<{ seq: number }[]>(`SELECT seq FROM cycle_events WHERE cycle_id = $1 AND seq > $2 AND event = $3`, [
        script.cycleId,
        seqBefore,
        step.event,
      ]);
      if (rows.length !== 1) throw new Error(`step ${step.index} "${step.label}" (${note}): ${rows.length} timeline rows of ${step.event}, expected one`);
      await verify({ outcome, seq: Number(rows[0].seq) });
    }
  }
  return answers;
}

/** After the last step: CLOSED over HTTP, the records check out, and every step repeated answers its first answer. */
export async function finishedCycleProblems(options: { script: CycleScript; db: DataSource; api: ApiClient; answers: Map<number, HttpAnswer> }): Promise<string[]> {
  const { script, db, api, answers } = options;
  const problems: string[] = [];
  const view = await api.get(`/api/cycles/${script.cycleId}`, script.commune.staff.token);
  if (view.status !== 200 || view.body.status !== 'CLOSED') problems.push(`GET the cycle: ${view.status} status ${view.body?.status}`);
  const records = await checkCycleRecords(db, script);
  problems.push(...records.problems);
  if (view.status === 200 && view.body.timeline?.length !== records.events.length) {
    problems.push(`GET shows ${view.body.timeline?.length} timeline entries, the database holds ${records.events.length}`);
  }
  problems.push(...(await repeatEveryStep(db, script, api, answers)));
  return problems;
}

// ── seeded randomness ──────────────────────────────────────────────────────────────────────────────────

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with the same FAULTS_SEED. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultSeed(fallback: number): number {
  const fromEnv = Number(process.env.FAULTS_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : fallback;
}
