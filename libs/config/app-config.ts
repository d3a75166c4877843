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

/** true/false (also 1/0, yes/no, on/off), as operators write it in an env file. */
const booleanFlag = z
  .string()
  .toLowerCase()
  .refine((value) => ['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'].includes(value), 'phải là true hoặc false / must be true or false')
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

/** A file the process can read now (certificates): a wrong path stops start-up instead of the first connection. */
const readableFile = z.string().refine((path) => {
  try {
    readFileSync(path);
    return true;
  } catch {
    return false;
  }
}, 'không đọc được tệp này / cannot read this file');

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
    // An existing cluster or Temporal Cloud: TLS (on by itself with an API key or a client certificate), the
    // client certificate for mTLS, a CA of one's own, and an API key; each file is read at start-up.
    TEMPORAL_TLS: booleanFlag.optional(),
    TEMPORAL_TLS_CERT_PATH: readableFile.optional(),
    TEMPORAL_TLS_KEY_PATH: readableFile.optional(),
    TEMPORAL_TLS_CA_PATH: readableFile.optional(),
    TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
    TEMPORAL_API_KEY: z.string().min(1).optional(),
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
    PUBLIC_URL: z.url({ error: 'phải là một URL http(s):// / must be an http(s):// URL' }).optional(),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'phải là một URL smtp:// hoặc smtps:// / must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Sinh hoạt chi bộ điểm <khong-tra-loi@chibodiem.local>'),
    ZALO_ZNS_API_URL: z.url().default('https://business.openapi.zalo.me'),
    ZALO_OAUTH_URL: z.url().default('https://oauth.zaloapp.com'),
    ZALO_APP_ID: z.string().min(1).optional(),
    ZALO_SECRET_KEY: z.string().min(1).optional(),
    ZALO_ACCESS_TOKEN: z.string().min(1).optional(),
    ZALO_REFRESH_TOKEN: z.string().min(1).optional(),
    ZALO_OA_SECRET_KEY: z.string().min(1).optional(),
    ZALO_ZNS_TEMPLATES: z
      .string()
      .regex(/^(\w+=\w+)(,\w+=\w+)*$/, 'phải có dạng loai=ma,loai=ma (ví dụ invitation=123456) / must look like kind=id,kind=id')
      .optional(),
    ZALO_SETTLE_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(600_000),
    SMS_API_URL: z.url().default('https://rest.esms.vn'),
    SMS_API_KEY: z.string().min(1).optional(),
    SMS_SECRET_KEY: z.string().min(1).optional(),
    SMS_BRANDNAME: z.string().min(1).optional(),
    NOTIFY_QUIET_HOURS: z
      .string()
      .regex(/^(off|([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d)$/, 'phải có dạng 21:00-06:00 hoặc off / must look like 21:00-06:00, or off')
      .default('21:00-06:00'),
    NOTIFY_URGENT_REASONS: z.string().default('RESCHEDULED,RESCHEDULED_RECONFIRM,RESCHEDULED_BY_HOST,CANCELLED'),
    NOTIFY_DISPATCH_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    NOTIFY_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(4),
    NOTIFY_RETRY_INITIAL_MS: z.coerce.number().int().min(100).max(3_600_000).default(10_000),
    NOTIFY_RETRY_MAX_INTERVAL_MS: z.coerce.number().int().min(100).max(86_400_000).default(1_800_000),
    NOTIFY_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(12),
  });

/** Which process reads the configuration: only the API signs tokens and creates the first admin. */
export type ProcessKind = 'api' | 'worker' | 'migrate';

/** A provider turns on with all of its settings: some without the others is a mistake to name, not a channel quietly off. */
const PROVIDER_SETTINGS = {
  'Zalo ZNS': ['ZALO_APP_ID', 'ZALO_SECRET_KEY', 'ZALO_REFRESH_TOKEN', 'ZALO_ZNS_TEMPLATES'],
  SMS: ['SMS_API_KEY', 'SMS_SECRET_KEY', 'SMS_BRANDNAME'],
} as const;

function productionSecrets(kind: ProcessKind) {
  return environmentSchema.superRefine((env, context) => {
    if (Boolean(env.TEMPORAL_TLS_CERT_PATH) !== Boolean(env.TEMPORAL_TLS_KEY_PATH)) {
      const missing = env.TEMPORAL_TLS_CERT_PATH ? 'TEMPORAL_TLS_KEY_PATH' : 'TEMPORAL_TLS_CERT_PATH';
      context.addIssue({
        code: 'custom',
        path: [missing],
        message: 'chứng thư và khóa riêng của máy khách phải đặt cùng nhau / the client certificate and its key go together',
      });
    }
    if (env.TEMPORAL_TLS === false && (env.TEMPORAL_API_KEY || env.TEMPORAL_TLS_CERT_PATH || env.TEMPORAL_TLS_CA_PATH)) {
      context.addIssue({
        code: 'custom',
        path: ['TEMPORAL_TLS'],
        message: 'khóa API và chứng thư chỉ dùng được qua TLS / an API key or certificates need TLS',
      });
    }
    for (const [provider, names] of Object.entries(PROVIDER_SETTINGS)) {
      const given = names.filter((name) => env[name] !== undefined);
      if (given.length === 0 || given.length === names.length) continue;
      for (const name of names.filter((missing) => env[missing] === undefined)) {
        context.addIssue({
          code: 'custom',
          path: [name],
          message: `cần có khi đã đặt ${given.join(', ')} (${provider}) / required once ${given.join(', ')} is set (${provider})`,
        });
      }
    }
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

export interface TemporalConnectionSettings {
  /** null: plain gRPC (a local server or one inside a private network). */
  tls: null | {
    clientCertificate?: { certificate: Buffer; key: Buffer };
    serverRootCertificate?: Buffer;
    serverName?: string;
  };
  apiKey?: string;
}

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
  /**
   * applicationName: what the process calls itself to PostgreSQL (pg_stat_activity), by kind: the backup
   * script refuses to dump while a `chi-bo-diem-worker` is connected (README, "Backups").
   */
  database: { url: string; poolSize: number; applicationName?: string };
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
    /** How to reach a cluster beyond the local one (libs/temporal/connection-options.ts). */
    connection: TemporalConnectionSettings;
  };
  followUp: { sweepIntervalMs: number; reminderLeadDays: number };
  notifications: NotificationsConfig;
  auth: { jwtSecret: string; accessTokenTtl: string; adminUsername: string; adminPassword: string };
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

/** Which channels this installation can send on, and how; a provider without its settings is off. */
export interface NotificationsConfig {
  /** Where people open the pages: the start of every link in a message. */
  publicUrl: string;
  email: { smtpUrl: string; from: string } | null;
  zalo: {
    apiUrl: string;
    oauthUrl: string;
    appId: string;
    secretKey: string;
    /** The first tokens; once refreshed, the current pair lives in provider_tokens. */
    accessToken: string | null;
    refreshToken: string;
    /** Verifies the delivery webhook's signature; without it the webhook is refused. */
    oaSecretKey: string | null;
    /** Approved template ids by kind (invitation, reminder, overdue, change, lessons). */
    templates: Record<string, string>;
    /** How long an unknown outcome waits for the provider's report before the person is reached by SMS instead. */
    settleWindowMs: number;
  } | null;
  sms: { apiUrl: string; apiKey: string; secretKey: string; brandname: string } | null;
  /** Minutes after midnight in Vietnam; null when off. */
  quietHours: { startMinute: number; endMinute: number } | null;
  /** Notifications that go out on SMS and Zalo even in quiet hours. */
  urgentReasons: string[];
  dispatchIntervalMs: number;
  /** Delivery activities one worker runs at once (their queue is apart from the cycles', see deliveryTaskQueueOf). */
  workerConcurrency: number;
  /** Backoff for "try again" answers: with the defaults, 12 attempts over about 2 hours. */
  retry: { initialIntervalMs: number; maximumIntervalMs: number; maximumAttempts: number };
}

const minuteOfDay = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

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
    database: { url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE, applicationName: `chi-bo-diem-${kind}` },
    temporal: {
      address: env.TEMPORAL_ADDRESS,
      namespace: env.TEMPORAL_NAMESPACE,
      taskQueue: env.TEMPORAL_TASK_QUEUE,
      updateTimeoutMs: env.TEMPORAL_UPDATE_TIMEOUT_MS,
      workflowBundlePath: env.WORKFLOW_BUNDLE_PATH,
      connection: temporalConnectionOf(env),
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
    notifications: {
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      email: env.SMTP_URL ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
      zalo:
        env.ZALO_APP_ID && env.ZALO_SECRET_KEY && env.ZALO_REFRESH_TOKEN && env.ZALO_ZNS_TEMPLATES
          ? {
              apiUrl: env.ZALO_ZNS_API_URL.replace(/\/+$/, ''),
              oauthUrl: env.ZALO_OAUTH_URL.replace(/\/+$/, ''),
              appId: env.ZALO_APP_ID,
              secretKey: env.ZALO_SECRET_KEY,
              accessToken: env.ZALO_ACCESS_TOKEN ?? null,
              refreshToken: env.ZALO_REFRESH_TOKEN,
              oaSecretKey: env.ZALO_OA_SECRET_KEY ?? null,
              templates: Object.fromEntries(env.ZALO_ZNS_TEMPLATES.split(',').map((pair) => pair.split('=') as [string, string])),
              settleWindowMs: env.ZALO_SETTLE_WINDOW_MS,
            }
          : null,
      sms:
        env.SMS_API_KEY && env.SMS_SECRET_KEY && env.SMS_BRANDNAME
          ? { apiUrl: env.SMS_API_URL.replace(/\/+$/, ''), apiKey: env.SMS_API_KEY, secretKey: env.SMS_SECRET_KEY, brandname: env.SMS_BRANDNAME }
          : null,
      quietHours:
        env.NOTIFY_QUIET_HOURS === 'off'
          ? null
          : { startMinute: minuteOfDay(env.NOTIFY_QUIET_HOURS.slice(0, 5)), endMinute: minuteOfDay(env.NOTIFY_QUIET_HOURS.slice(6)) },
      urgentReasons: env.NOTIFY_URGENT_REASONS.split(',').map((reason) => reason.trim()).filter(Boolean),
      dispatchIntervalMs: env.NOTIFY_DISPATCH_INTERVAL_MS,
      workerConcurrency: env.NOTIFY_WORKER_CONCURRENCY,
      retry: {
        initialIntervalMs: env.NOTIFY_RETRY_INITIAL_MS,
        maximumIntervalMs: env.NOTIFY_RETRY_MAX_INTERVAL_MS,
        maximumAttempts: env.NOTIFY_RETRY_MAX_ATTEMPTS,
      },
    },
    auth: {
      jwtSecret: env.JWT_SECRET ?? (kind === 'api' ? developmentJwtSecret(env.DATA_DIR) : ''),
      accessTokenTtl: env.ACCESS_TOKEN_TTL,
      adminUsername: env.ADMIN_USERNAME,
      adminPassword: env.ADMIN_PASSWORD ?? 'admin',
    },
    logLevel: env.LOG_LEVEL,
  };
}

/** TLS when asked for, or implied by an API key or certificates (Temporal Cloud takes either). */
function temporalConnectionOf(env: z.infer<typeof environmentSchema>): TemporalConnectionSettings {
  const wantsTls = env.TEMPORAL_TLS ?? Boolean(env.TEMPORAL_API_KEY || env.TEMPORAL_TLS_CERT_PATH || env.TEMPORAL_TLS_CA_PATH);
  return {
    tls: wantsTls
      ? {
          clientCertificate:
            env.TEMPORAL_TLS_CERT_PATH && env.TEMPORAL_TLS_KEY_PATH
              ? { certificate: readFileSync(env.TEMPORAL_TLS_CERT_PATH), key: readFileSync(env.TEMPORAL_TLS_KEY_PATH) }
              : undefined,
          serverRootCertificate: env.TEMPORAL_TLS_CA_PATH ? readFileSync(env.TEMPORAL_TLS_CA_PATH) : undefined,
          serverName: env.TEMPORAL_TLS_SERVER_NAME,
        }
      : null,
    apiKey: env.TEMPORAL_API_KEY,
  };
}
