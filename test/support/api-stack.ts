import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/create-api-app.js';
import { startWorkerStack, testConfig, type WorkerStack } from './test-stack.js';

export interface ApiStack extends WorkerStack {
  app: INestApplication;
  http: ReturnType<typeof request>;
  stopAll(): Promise<void>;
}

/** The Nest app exactly as production builds it, a worker, and a real dev server and PostgreSQL behind them. */
export async function startApiStack(overrides: Record<string, string> = {}): Promise<ApiStack> {
  const config = testConfig({ LOGIN_RATE_LIMIT: '1000', ...overrides });
  const workers = await startWorkerStack(config);
  const app = await createApiApp(config);
  await app.init();
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

export async function login(stack: ApiStack, username: string, password: string): Promise<string> {
  const response = await stack.http.post('/api/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`login ${username} → ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}
