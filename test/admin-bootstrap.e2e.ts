import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createApiApp } from '../apps/api/create-api-app.js';
import { createDataSource } from '../libs/persistence/data-source.js';
import { testConfig } from './support/test-stack.js';

/** A database of this suite's own: the first-start rule needs one with no user at all. */
const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://invalid');
const databaseName = `${base.pathname.slice(1)}_first_start`;
const adminUrl = new URL(base.toString());
adminUrl.pathname = '/postgres';
const freshUrl = new URL(base.toString());
freshUrl.pathname = `/${databaseName}`;

async function onServer(sql: string): Promise<void> {
  const server = await createDataSource({ url: adminUrl.toString(), poolSize: 1, applicationName: 'test-first-start' }).initialize();
  try {
    await server.query(sql);
  } finally {
    await server.destroy();
  }
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE "${databaseName}"`);
  const dataSource = await createDataSource({ url: freshUrl.toString(), poolSize: 1, applicationName: 'test-first-start' }).initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
});

afterAll(async () => {
  await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

describe('first start', () => {
  it('creates the admin from ADMIN_USERNAME / ADMIN_PASSWORD when no user exists, once', async () => {
    const config = testConfig({ DATABASE_URL: freshUrl.toString(), ADMIN_USERNAME: 'quantri.xa', ADMIN_PASSWORD: 'mat-khau-quan-tri-1' });
    for (let start = 1; start <= 2; start += 1) {
      const app = await createApiApp(config);
      await app.init();
      try {
        const login = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'quantri.xa', password: 'mat-khau-quan-tri-1' });
        expect(login.status).toBe(200);
        expect(login.body.user).toMatchObject({ username: 'quantri.xa', role: 'admin', committeeId: null, cellId: null });
        // Neither the password, nor its hash, nor a field holding either (mustChangePassword is only a flag).
        expect(JSON.stringify(login.body)).not.toMatch(/argon2|mat-khau-quan-tri-1|"password(_?hash)?"/i);
        expect(Object.keys(login.body.user).filter((field) => /password/i.test(field))).toEqual(['mustChangePassword']);
        const refused = await request(app.getHttpServer()).post('/api/auth/login').send({ username: 'admin', password: 'admin' });
        expect(refused.status).toBe(401);
      } finally {
        await app.close();
      }
    }
    const dataSource = await createDataSource({ url: freshUrl.toString(), poolSize: 1, applicationName: 'test-first-start' }).initialize();
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM users`);
    await dataSource.destroy();
    expect(count).toBe(1);
  });
});
