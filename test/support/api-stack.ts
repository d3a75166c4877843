import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { hashPassword } from '../../apps/api/auth/password.js';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { startWorkerStack, testConfig, type WorkerStack } from './test-stack.js';

export interface ApiStack extends WorkerStack {
  app: INestApplication;
  http: ReturnType<typeof request>;
  stopAll(): Promise<void>;
}

/**
 * The suites act for many people from one address, far faster than people do; the suites that test the
 * limits themselves set them back with overrides.
 */
export const RELAXED_LIMITS = {
  LOGIN_RATE_LIMIT: '1000',
  LOGIN_ADDRESS_RATE_LIMIT: '100000',
  STEP_RATE_PER_PERSON: '1000000',
  STEP_RATE_PER_CYCLE: '1000000',
};

/** The Nest app exactly as production builds it, a worker, and a real dev server and PostgreSQL behind them. */
export async function startApiStack(overrides: Record<string, string> = {}): Promise<ApiStack> {
  const config = testConfig({ ...RELAXED_LIMITS, ...overrides });
  const workers = await startWorkerStack(config);
  const app = await createApiApp(config);
  await app.init();
  await ensureAdmin(workers);
  const http = request(app.getHttpServer());
  return {
    ...workers,
    app,
    http,
    async stopAll() {
      await app.close();
      await workers.stop();
    },
  };
}

/**
 * The API creates admin/admin only when the database has no user at all; suites share one database and
 * some write users directly, so the suites make sure the admin is there.
 */
async function ensureAdmin(workers: WorkerStack): Promise<void> {
  await workers.dataSource.query(
    `INSERT INTO users (username, password_hash, full_name, role) VALUES ('admin', $1, 'Quản trị hệ thống', 'admin') ON CONFLICT (username) DO UPDATE SET password_change_required = false`,
    [await hashPassword('admin')],
  );
}

export async function login(stack: ApiStack, username: string, password: string): Promise<string> {
  const response = await stack.http.post('/api/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}
