import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CONFIG_VARIABLES } from '../libs/config/app-config.js';
import { WORKER_ENVIRONMENT, WORKER_NODE_FLAGS } from '../scripts/lib/node-flags.mjs';
import { DATABASES } from '../scripts/lib/pg-backup.mjs';

// A specifier held in a variable: TypeScript leaves this .mjs import untyped instead of looking for declarations.
const TEMPORAL_LIB = '../scripts/lib/temporal.mjs';

interface ComposeService {
  image?: string;
  build?: string | { context: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, string | number | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: unknown[];
  ports?: unknown[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

const ROOT = process.cwd();
const APP_SERVICES = ['migrate', 'api', 'worker'] as const;
const SECRETS_FOR_API = { JWT_SECRET: 'test-only-jwt-secret-of-more-than-32-characters', ADMIN_PASSWORD: 'test-only-admin-password' };
const SECRETS = {
  POSTGRES_PASSWORD: 'testonlypostgrespassword',
  JWT_SECRET: 'test-only-jwt-secret-of-more-than-32-characters',
  ADMIN_PASSWORD: 'test-only-admin-password',
  PAYLOAD_KEY: Buffer.alloc(32, 7).toString('base64'),
};

let emptyEnvDir: string;

beforeAll(() => {
  // A developer's .env next to the compose file would otherwise supply the secrets this suite leaves out.
  emptyEnvDir = mkdtempSync(join(tmpdir(), 'compose-env-'));
  writeFileSync(join(emptyEnvDir, '.env'), '');
});

afterAll(() => {
  rmSync(emptyEnvDir, { recursive: true, force: true });
});

/** `docker-compose config` with only PATH and the given variables, so nothing leaks in from the test run. */
function composeConfig(variables: Record<string, string>) {
  const result = spawnSync('docker-compose', ['--env-file', join(emptyEnvDir, '.env'), '-f', 'docker-compose.yml', 'config'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...variables },
  });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missing
        ? 'docker-compose is not installed, so docker-compose.yml cannot be checked: run `apt-get install -y docker-compose`'
        : `docker-compose could not run: ${result.error.message}`,
    );
  }
  return result;
}

function environmentOf(service: ComposeService): Record<string, string> {
  const raw = service.environment ?? {};
  const pairs = Array.isArray(raw)
    ? raw.map((entry) => {
        const cut = entry.indexOf('=');
        return cut < 0 ? [entry, ''] : [entry.slice(0, cut), entry.slice(cut + 1)];
      })
    : Object.entries(raw).map(([name, value]) => [name, value === null ? '' : String(value)]);
  return Object.fromEntries(pairs) as Record<string, string>;
}

function commandOf(service: ComposeService): string {
  return Array.isArray(service.command) ? service.command.join(' ') : (service.command ?? '');
}

describe('docker-compose.yml', () => {
  let compose: ComposeFile;

  beforeAll(() => {
    const result = composeConfig(SECRETS);
    if (result.status !== 0) throw new Error(`docker-compose config failed (exit ${result.status}):\n${result.stderr}`);
    compose = parse(result.stdout) as ComposeFile;
  });

  it('resolves with the secrets provided and declares the whole stack', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'migrate', 'api', 'worker']),
    );
  });

  it.each(Object.keys(SECRETS))('refuses to resolve without %s rather than defaulting it', (secret) => {
    const variables: Record<string, string> = { ...SECRETS };
    delete variables[secret];
    const result = composeConfig(variables);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(secret);
  });

  it.each(APP_SERVICES)('gives %s only variables the apps read (and the worker its allocator setting)', (name) => {
    const known = new Set<string>([...CONFIG_VARIABLES, ...(name === 'worker' ? Object.keys(WORKER_ENVIRONMENT) : [])]);
    const unknown = Object.keys(environmentOf(compose.services[name])).filter((variable) => !known.has(variable));
    expect(unknown).toEqual([]);
  });

  it.each(APP_SERVICES)('runs %s in production against the compose PostgreSQL and Temporal', (name) => {
    const env = environmentOf(compose.services[name]);
    expect(env.NODE_ENV).toBe('production');
    expect(new URL(env.DATABASE_URL).hostname).toBe('postgres');
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
  });

  it('publishes nothing of Temporal beyond this machine: the frontend only inside the network, the UI on 127.0.0.1, read-only', () => {
    expect(compose.services.temporal.ports ?? []).toEqual([]);
    const published = (compose.services['temporal-ui'].ports ?? []).map((port) => (typeof port === 'string' ? port : JSON.stringify(port)));
    expect(published.length).toBeGreaterThan(0);
    for (const port of published) expect(port).toMatch(/127\.0\.0\.1/);
    expect(environmentOf(compose.services['temporal-ui']).TEMPORAL_DISABLE_WRITE_ACTIONS).toBe('true');
  });

  it('gives the payload key to the API and the worker (they seal and open what Temporal keeps)', () => {
    for (const name of ['api', 'worker'] as const) expect(environmentOf(compose.services[name]).PAYLOAD_KEY).toBe(SECRETS.PAYLOAD_KEY);
  });

  it('gives the secrets to the API alone, from the environment', () => {
    expect(environmentOf(compose.services.api)).toMatchObject(SECRETS_FOR_API);
    for (const name of ['migrate', 'worker'] as const) {
      const env = environmentOf(compose.services[name]);
      expect(env.JWT_SECRET).toBeUndefined();
      expect(env.ADMIN_PASSWORD).toBeUndefined();
    }
  });

  it('gives the Temporal server the dynamic config the product relies on, the same as the dev server gets', async () => {
    const temporal = compose.services.temporal;
    const mounted = (temporal.volumes ?? []).map((volume: unknown) => (typeof volume === 'string' ? volume : JSON.stringify(volume))).join(' ');
    expect(mounted).toContain('temporal-dynamic-config.yaml');
    expect(environmentOf(temporal).DYNAMIC_CONFIG_FILE_PATH).toBe('config/dynamicconfig/chi-bo-diem.yaml');
    const settings = parse(readFileSync('deploy/temporal-dynamic-config.yaml', 'utf8')) as Record<string, { value: unknown }[]>;
    expect(settings['history.maxInFlightUpdates'][0].value).toBeGreaterThanOrEqual(500);
    expect(settings['system.enableActivityEagerExecution'][0].value).toBe(true);
    const { TEMPORAL_DYNAMIC_CONFIG } = (await import(TEMPORAL_LIB)) as { TEMPORAL_DYNAMIC_CONFIG: string[] };
    for (const setting of TEMPORAL_DYNAMIC_CONFIG) {
      const [key, value] = setting.split('=');
      expect({ key, value: settings[key]?.[0]?.value }).toEqual({ key, value: JSON.parse(value) });
    }
  });

  it("names the databases as npm run backup takes them: Temporal's two, and the application's on the same server", () => {
    const temporal = environmentOf(compose.services.temporal);
    const app = new URL(environmentOf(compose.services.worker).DATABASE_URL);
    const byRole = Object.fromEntries(DATABASES.map((database) => [database.role, database.composeName]));
    expect([temporal.DBNAME, temporal.VISIBILITY_DBNAME]).toEqual([byRole.temporal, byRole.visibility]);
    expect(temporal.POSTGRES_SEEDS).toBe(app.hostname);
    expect(temporal.POSTGRES_USER).toBe(app.username);
    expect(app.pathname).toBe(`/${environmentOf(compose.services.postgres).POSTGRES_DB}`);
    // docker compose stop gives the worker this long to drain before the dumps.
    expect((compose.services.worker as { stop_grace_period?: string }).stop_grace_period).toBe('30s');
  });

  it('points the API and the worker at the same namespace and task queue', () => {
    const api = environmentOf(compose.services.api);
    const worker = environmentOf(compose.services.worker);
    expect(worker.TEMPORAL_NAMESPACE).toBe(api.TEMPORAL_NAMESPACE);
    expect(worker.TEMPORAL_TASK_QUEUE).toBe(api.TEMPORAL_TASK_QUEUE);
  });

  it('has the worker load the prebuilt workflow bundle', () => {
    expect(environmentOf(compose.services.worker).WORKFLOW_BUNDLE_PATH).toMatch(/\/dist\/workflow-bundle\.js$/);
  });

  it.each([
    ['migrate', 'node dist/libs/persistence/run-migrations.js'],
    ['api', 'node dist/apps/api/main.js'],
    ['worker', `node ${WORKER_NODE_FLAGS.join(' ')} dist/apps/worker/main.js`],
  ])('builds %s from the local Dockerfile and runs %s', (name, command) => {
    const { build } = compose.services[name];
    const context = typeof build === 'string' ? build : build?.context;
    const dockerfile = typeof build === 'string' ? undefined : build?.dockerfile;
    expect(context && resolve(ROOT, context)).toBe(ROOT);
    expect(dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    expect(commandOf(compose.services[name])).toBe(command);
  });

  it('starts the worker with the same V8 flags as npm start, npm run start:worker and the Dockerfile', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const environment = Object.entries(WORKER_ENVIRONMENT);
    expect(scripts['start:worker']).toBe(
      `${environment.map(([name, value]) => `${name}=\${${name}:-${value}} `).join('')}node ${WORKER_NODE_FLAGS.join(' ')} scripts/run-app.mjs worker`,
    );
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toContain(
      `worker   node ${WORKER_NODE_FLAGS.join(' ')} dist/apps/worker/main.js   (with ${environment.map(([name, value]) => `${name}=${value}`).join(' ')})`,
    );
  });

  it('gives the worker the same environment for its memory as npm start', () => {
    expect(environmentOf(compose.services.worker)).toMatchObject(WORKER_ENVIRONMENT);
  });

  it.each(['api', 'worker'])('starts %s only after the migrations have succeeded', (name) => {
    expect(compose.services[name].depends_on).toMatchObject({ migrate: { condition: 'service_completed_successfully' } });
  });
});

describe('Dockerfile', () => {
  it('builds every stage on Node 24', () => {
    const bases = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
      .split('\n')
      .map((line) => /^FROM\s+(\S+)/i.exec(line.trim())?.[1])
      .filter((image): image is string => image !== undefined);
    expect(bases.length).toBeGreaterThan(0);
    for (const image of bases) expect(image).toMatch(/^node:24([-.]|$)/);
  });
});
