// The fault suites SIGKILL and SIGTERM the API and the worker for real, so these run as child processes, none of which outlives its suite.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { CONFIG_VARIABLES } from '../../libs/config/app-config.js';
import { WORKER_ENVIRONMENT, WORKER_NODE_FLAGS } from '../../scripts/lib/node-flags.mjs';
import { RELAXED_LIMITS } from './api-stack.js';
import { ApiClient, request, type HttpAnswer } from './http-client.js';
import { freePort, ROOT, waitUntil } from './server-control.js';
import { TEST_JWT_SECRET, TEST_PAYLOAD_KEY } from './test-stack.js';

const liveChildren = new Set<ChildProcess>();
let bundle: Promise<string> | undefined;
let bundleDir: string | undefined;

// Should a suite end without its afterAll (or the test process exit early), no child and no bundle survives it.
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

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
    /** How its log lines and messages name it ('api-2' where a stack runs several). */
    readonly name: string = kind,
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
    if (this.running) throw new Error(`${this.name} is already running (pid ${this.child?.pid})`);
    const entry = this.kind === 'api' ? 'dist/apps/api/main.js' : 'dist/apps/worker/main.js';
    const worker = this.kind === 'worker';
    const child = spawn(process.execPath, [...(worker ? WORKER_NODE_FLAGS : []), entry], {
      cwd: ROOT,
      env: worker ? { ...WORKER_ENVIRONMENT, ...this.env } : this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    liveChildren.add(child);
    let polling = false;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        const plain = line.replace(/\u001b\[[0-9;]*m/g, '');
        if (plain.includes('Polling task queue')) polling = true;
        this.lines.push(`[${this.name} ${child.pid}] ${plain}`);
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
        `${this.name} to start`,
        async () => {
          if (!this.running) throw new Error(`${this.name} exited while starting`);
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
    if (!this.running) throw new Error(`${this.name} is not running`);
    this.child?.kill(signal);
  }

  /** Sends a signal; resolves with how the process ended (at once if it was not running). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ExitStatus> {
    if (!this.child || !this.exit) throw new Error(`${this.name} was never started`);
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

/**
 * The workflows of dist/ bundled once per suite, as production workers load them (WORKFLOW_BUNDLE_PATH):
 * a restarted worker then polls in a second or two instead of running webpack again.
 */
export function workflowBundle(): Promise<string> {
  bundle ??= (async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: join(ROOT, 'dist/workflows/index.js'), logger: quietBundlerLogger });
    const dir = mkdtempSync(join(tmpdir(), 'faults-bundle-'));
    bundleDir = dir;
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
  /** How many API processes (each on a port of its own) and workers, all on the same servers and task queue; one of each unless said. */
  apis?: number;
  workers?: number;
  /** How long each process may take to serve (60 s unless said: many processes starting at once on a busy machine take longer). */
  startTimeoutMs?: number;
}

/**
 * An API and a worker (or several of each) as separate processes on the servers npm test provides (or the
 * suite's own), with a task queue of their own.
 */
export class ProcessStack {
  readonly taskQueue = `faults-${randomUUID()}`;
  readonly apis: AppProcess[];
  readonly workers: AppProcess[];
  /** Each API's address, in the order of `apis`. */
  readonly baseUrls: string[];

  private constructor(ports: number[], bundlePath: string, options: StackOptions) {
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
      PORT: String(ports[0]),
      WORKFLOW_BUNDLE_PATH: bundlePath,
      ...options.env,
    };
    const several = (count: number) => count > 1;
    this.apis = ports.map(
      (port, index) => new AppProcess('api', { ...common, ...options.apiEnv, PORT: String(port) }, several(ports.length) ? `api-${index + 1}` : 'api'),
    );
    const workers = options.workers ?? 1;
    this.workers = Array.from(
      { length: workers },
      (_, index) => new AppProcess('worker', { ...common, ...options.workerEnv }, several(workers) ? `worker-${index + 1}` : 'worker'),
    );
    this.baseUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  }

  /** Starts the workers and the APIs (in parallel) and waits until all serve. */
  static async start(options: StackOptions = {}): Promise<ProcessStack> {
    const stack = await ProcessStack.create(options);
    await Promise.all([...stack.workers, ...stack.apis].map((app) => app.start(options.startTimeoutMs)));
    return stack;
  }

  /** The stack with none of its processes started: for a suite that starts them itself, each when it can. */
  static async create(options: StackOptions = {}): Promise<ProcessStack> {
    const ports: number[] = [];
    while (ports.length < (options.apis ?? 1)) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const stack = new ProcessStack(ports, await workflowBundle(), options);
    allStacks.add(stack);
    return stack;
  }

  /** The first API and the first worker: the only ones, unless the stack was started with several. */
  get api(): AppProcess {
    return this.apis[0];
  }

  get worker(): AppProcess {
    return this.workers[0];
  }

  get baseUrl(): string {
    return this.baseUrls[0];
  }

  get http(): ApiClient {
    return new ApiClient(this.baseUrl);
  }

  logTail(): string {
    return [...this.apis, ...this.workers].map((app) => app.logTail(25)).join('\n');
  }

  async stopAll(): Promise<void> {
    allStacks.delete(this);
    await Promise.all([...this.apis, ...this.workers].map((app) => app.stop(5000)));
  }
}

const allStacks = new Set<ProcessStack>();

/** Stops every stack still running, kills any child left and removes the bundle (afterAll, even after a failure). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...allStacks].map((stack) => stack.stopAll().catch(() => undefined)));
  for (const child of liveChildren) child.kill('SIGKILL');
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  bundle = undefined;
  bundleDir = undefined;
}
