import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, loadConfig } from './app-config.js';

const BASE = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(40) };

function problemsOf(env: Record<string, string>, kind: 'api' | 'worker' | 'migrate' = 'api'): string[] {
  try {
    loadConfig(env, kind);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration validated at start-up', () => {
  it('names the variable that holds a wrong value', () => {
    expect(problemsOf({ ...BASE, PORT: 'ba nghìn' })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ ...BASE, TEMPORAL_ADDRESS: 'not an address' })[0]).toMatch(/^TEMPORAL_ADDRESS: /);
    expect(problemsOf({ ...BASE, DATABASE_URL: 'mysql://x' })[0]).toMatch(/^DATABASE_URL: /);
    expect(problemsOf({ ...BASE, ACCESS_TOKEN_TTL: 'forever' })[0]).toMatch(/^ACCESS_TOKEN_TTL: /);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: '0', DATABASE_URL: '' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT']);
  });

  it('refuses to start the API in production without a JWT secret or an admin password', () => {
    const problems = problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET']);
  });

  it('lets the worker and migrations run in production without the API secrets', () => {
    expect(problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' }, 'worker')).toEqual([]);
    expect(problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' }, 'migrate')).toEqual([]);
  });

  it('fills the documented defaults into one typed object', () => {
    const config = loadConfig(BASE);
    expect(config.http.port).toBe(3000);
    expect(config.temporal).toMatchObject({ address: 'localhost:7233', namespace: 'default', taskQueue: 'model-meeting' });
    expect(config.auth.accessTokenTtl).toBe('8h');
  });
});
