import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { connectionOptionsOf } from '../temporal/connection-options.js';
import { ConfigurationError, loadConfig } from './app-config.js';

const PAYLOAD_KEY = Buffer.alloc(32, 1).toString('base64');
const BASE = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db', JWT_SECRET: 'x'.repeat(40), PAYLOAD_KEY };

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

  it('names the missing settings of a provider given only some of them, and leaves a provider given none off', () => {
    const problems = problemsOf({ ...BASE, ZALO_APP_ID: '1234', SMS_API_KEY: 'k' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual([
      'SMS_BRANDNAME',
      'SMS_SECRET_KEY',
      'ZALO_REFRESH_TOKEN',
      'ZALO_SECRET_KEY',
      'ZALO_ZNS_TEMPLATES',
    ]);
    expect(problems.find((line) => line.startsWith('SMS_BRANDNAME'))).toContain('SMS_API_KEY');
    const off = loadConfig(BASE, 'worker').notifications;
    expect({ email: off.email, zalo: off.zalo, sms: off.sms }).toEqual({ email: null, zalo: null, sms: null });
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({ PORT: '0', DATABASE_URL: '' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'PORT']);
  });

  it('refuses to start the API in production without a JWT secret, an admin password or the payload key', () => {
    const problems = problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' });
    expect(problems.map((line) => line.split(':')[0]).sort()).toEqual(['ADMIN_PASSWORD', 'JWT_SECRET', 'PAYLOAD_KEY']);
  });

  it('needs only the payload key for the worker in production, and nothing of the kind for migrations', () => {
    expect(problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' }, 'worker').map((line) => line.split(':')[0])).toEqual(['PAYLOAD_KEY']);
    expect(problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production', PAYLOAD_KEY }, 'worker')).toEqual([]);
    expect(problemsOf({ DATABASE_URL: BASE.DATABASE_URL, NODE_ENV: 'production' }, 'migrate')).toEqual([]);
  });

  it('refuses a payload key that is not 32 bytes of base64', () => {
    expect(problemsOf({ ...BASE, PAYLOAD_KEY: 'ngan-qua' })[0]).toMatch(/^PAYLOAD_KEY: /);
    expect(problemsOf({ ...BASE, PAYLOAD_OLD_KEYS: `${PAYLOAD_KEY},ngan` })[0]).toMatch(/^PAYLOAD_OLD_KEYS: /);
  });

  it('fills the documented defaults into one typed object', () => {
    const config = loadConfig(BASE);
    expect(config.http.port).toBe(3000);
    expect(config.temporal).toMatchObject({ address: 'localhost:7233', namespace: 'default', taskQueue: 'model-meeting' });
    expect(config.auth.accessTokenTtl).toBe('8h');
  });

  describe('reaching an existing Temporal cluster or Temporal Cloud', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbd-tls-'));
    const file = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    const cert = file('client.pem', 'CERTIFICATE');
    const key = file('client.key', 'PRIVATE KEY');
    const ca = file('ca.pem', 'AUTHORITY');

    it('connects in plain gRPC by default', () => {
      expect(connectionOptionsOf(loadConfig(BASE).temporal)).toEqual({ address: 'localhost:7233' });
    });

    it('turns TLS on by itself for an API key, and passes the key', () => {
      const options = connectionOptionsOf(loadConfig({ ...BASE, TEMPORAL_ADDRESS: 'ns.a1b2c.tmprl.cloud:7233', TEMPORAL_API_KEY: 'khoa-bi-mat' }).temporal);
      expect(options).toEqual({ address: 'ns.a1b2c.tmprl.cloud:7233', apiKey: 'khoa-bi-mat', tls: {} });
    });

    it('reads the client certificate, its key and a CA at start-up, for mTLS', () => {
      const options = connectionOptionsOf(
        loadConfig({ ...BASE, TEMPORAL_TLS_CERT_PATH: cert, TEMPORAL_TLS_KEY_PATH: key, TEMPORAL_TLS_CA_PATH: ca, TEMPORAL_TLS_SERVER_NAME: 'temporal.tinh.vn' }).temporal,
      );
      expect(options.tls?.clientCertPair?.crt.toString()).toBe('CERTIFICATE');
      expect(options.tls?.clientCertPair?.key.toString()).toBe('PRIVATE KEY');
      expect(options.tls?.serverRootCACertificate?.toString()).toBe('AUTHORITY');
      expect(options.tls?.serverNameOverride).toBe('temporal.tinh.vn');
    });

    it('takes TEMPORAL_TLS as operators write it', () => {
      expect(connectionOptionsOf(loadConfig({ ...BASE, TEMPORAL_TLS: 'TRUE' }).temporal).tls).toEqual({});
      expect(connectionOptionsOf(loadConfig({ ...BASE, TEMPORAL_TLS: 'off' }).temporal).tls).toBeUndefined();
      expect(problemsOf({ ...BASE, TEMPORAL_TLS: 'có' })[0]).toMatch(/^TEMPORAL_TLS: /);
    });

    it('stops start-up on a certificate without its key, an unreadable file, or certificates with TLS turned off', () => {
      expect(problemsOf({ ...BASE, TEMPORAL_TLS_CERT_PATH: cert }).map((line) => line.split(':')[0])).toEqual(['TEMPORAL_TLS_KEY_PATH']);
      expect(problemsOf({ ...BASE, TEMPORAL_TLS_CA_PATH: join(dir, 'khong-co.pem') })[0]).toMatch(/^TEMPORAL_TLS_CA_PATH: .*cannot read/);
      expect(problemsOf({ ...BASE, TEMPORAL_TLS: 'false', TEMPORAL_API_KEY: 'k' })[0]).toMatch(/^TEMPORAL_TLS: .*need TLS/);
    });
  });
});
