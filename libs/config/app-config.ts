import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting the apps read, validated once at start-up. A wrong value stops the process with a
 * message that names the variable; nothing else in the code reads process.env.
 */
const durationSeconds = z
  .string()
  .regex(/^\d+[smhd]$/, 'phải có dạng số kèm đơn vị s, m, h hoặc d (ví dụ 8h) / must look like 8h');

/** 32 random bytes, base64 (e.g. `openssl rand -base64 32`). */
const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, 'base64').length === 32, 'phải là base64 của đúng 32 byte (openssl rand -base64 32) / must be base64 of exactly 32 bytes');

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_URL: z
      .string({ error: 'bắt buộc / required' })
      .regex(/^postgres(ql)?:\/\//, 'phải là một URL postgres:// / must be a postgres:// URL'),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    TEMPORAL_ADDRESS: z
      .string()
      .regex(/^[\w.-]+:\d+$/, 'phải có dạng host:port / must be host:port')
      .default('localhost:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('model-meeting'),
    TEMPORAL_UPDATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(10000),
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600000).default(10000),
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100000).default(150),
    PAYLOAD_KEY: base64Key.optional(),
    PAYLOAD_OLD_KEYS: z
      .string()
      .refine((value) => value.split(',').every((part) => base64Key.safeParse(part.trim()).success), 'khóa cũ phải là base64 của 32 byte, cách nhau dấu phẩy / old keys must be base64 of 32 bytes, comma-separated')
      .optional(),
    ACTION_ITEM_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
    ACTION_ITEM_REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
    JWT_SECRET: z.string().min(32, 'cần ít nhất 32 ký tự / needs at least 32 characters').optional(),
    ACCESS_TOKEN_TTL: durationSeconds.default('8h'),
    ADMIN_USERNAME: z.string().min(1).default('admin'),
    ADMIN_PASSWORD: z.string().min(1).optional(),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(kb|mb)$/, 'phải có dạng 100kb hoặc 1mb / must look like 100kb or 1mb')
      .default('100kb'),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10000).default(10),
    LOGIN_ADDRESS_RATE_LIMIT: z.coerce.number().int().min(1).max(100000).default(30),
    STEP_RATE_PER_PERSON: z.coerce.number().int().min(1).max(1_000_000).default(30),
    STEP_RATE_PER_CYCLE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    IDEMPOTENCY_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(24),
    LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
    DATA_DIR: z.string().default('.data'),
  });

/** Which process reads the configuration: only the API signs tokens and creates the first admin. */
export type ProcessKind = 'api' | 'worker' | 'migrate';

function productionSecrets(kind: ProcessKind) {
  return environmentSchema.superRefine((env, context) => {
    if (env.NODE_ENV !== 'production') return;
    if (kind !== 'migrate' && !env.PAYLOAD_KEY) {
      context.addIssue({ code: 'custom', path: ['PAYLOAD_KEY'], message: 'bắt buộc khi chạy production / required in production' });
    }
    if (kind !== 'api') return;
    if (!env.JWT_SECRET) {
      context.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'bắt buộc khi chạy production / required in production' });
    }
    if (!env.ADMIN_PASSWORD) {
      context.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: 'bắt buộc khi chạy production / required in production' });
    }
  });
}

/** Every variable the apps read (docker-compose.yml is checked against this list). */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape) as (keyof typeof environmentSchema.shape)[];

export interface AppConfig {
  environment: 'development' | 'test' | 'production';
  http: {
    port: number;
    bodyLimit: string;
    loginRateLimit: number;
    loginAddressRateLimit: number;
    /** Cycle steps a minute, per person and per cycle (429 above). */
    stepRatePerPerson: number;
    stepRatePerCycle: number;
    /** How long a step's first answer is kept for repeats with the same Idempotency-Key. */
    idempotencyTtlHours: number;
  };
  database: { url: string; poolSize: number };
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    updateTimeoutMs: number;
    workflowBundlePath?: string;
    workerShutdownGraceMs: number;
    workerMaxCachedWorkflows: number;
    /** Seals every payload (see libs/temporal/sealing-codec.ts); older keys still open what they sealed. */
    payloadKey: Buffer;
    payloadOldKeys: Buffer[];
  };
  followUp: { sweepIntervalMs: number; reminderLeadDays: number };
  auth: { jwtSecret: string; accessTokenTtl: string; adminUsername: string; adminPassword: string };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Outside production a missing JWT secret is generated once and kept under the data folder, so every local process agrees on it. */
function developmentJwtSecret(dataDir: string): string {
  const file = resolve(dataDir, 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** Outside production the payload key is generated once under the data folder: the API and the worker started from one checkout share it. */
function developmentPayloadKey(dataDir: string): Buffer {
  const file = resolve(dataDir, 'dev-payload-key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of this checkout wrote it a moment earlier: read theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env, kind: ProcessKind = 'api'): AppConfig {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = productionSecrets(kind).safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  return {
    environment: env.NODE_ENV,
    http: {
      port: env.PORT,
      bodyLimit: env.BODY_LIMIT,
      loginRateLimit: env.LOGIN_RATE_LIMIT,
      loginAddressRateLimit: env.LOGIN_ADDRESS_RATE_LIMIT,
      stepRatePerPerson: env.STEP_RATE_PER_PERSON,
      stepRatePerCycle: env.STEP_RATE_PER_CYCLE,
      idempotencyTtlHours: env.IDEMPOTENCY_TTL_HOURS,
    },
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      updateTimeoutMs: env.TEMPORAL_UPDATE_TIMEOUT_MS,
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
      workerShutdownGraceMs: env.WORKER_SHUTDOWN_GRACE_MS,
      workerMaxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
      payloadKey: env.PAYLOAD_KEY ? Buffer.from(env.PAYLOAD_KEY, 'base64') : kind === 'migrate' ? Buffer.alloc(32) : developmentPayloadKey(env.DATA_DIR),
      payloadOldKeys: (env.PAYLOAD_OLD_KEYS ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => Buffer.from(part, 'base64')),
    },
    followUp: { sweepIntervalMs: env.ACTION_ITEM_SWEEP_INTERVAL_MS, reminderLeadDays: env.ACTION_ITEM_REMINDER_LEAD_DAYS },
    auth: {
      jwtSecret: env.JWT_SECRET ?? (kind === 'api' ? developmentJwtSecret(env.DATA_DIR) : ''),
      accessTokenTtl: env.ACCESS_TOKEN_TTL,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD ?? 'admin',
    },
    logLevel: env.LOG_LEVEL,
  };
}
