// The backup scripts' choices that the end-to-end suite (backup-restore.e2e.ts) does not reach: URLs from the environment, docker-compose.yml's names, what is shown.
import { describe, expect, it } from '@jest/globals';
import { DATABASES, databaseUrls, payloadKeyFingerprint, shownUrl } from '../scripts/lib/pg-backup.mjs';

describe('npm run backup / restore: which databases', () => {
  it('dumps Temporal before the application, so that what the API writes between the dumps only makes the application newer', () => {
    expect(DATABASES.map((database) => database.role)).toEqual(['temporal', 'visibility', 'app']);
  });

  it('flags win over the environment', () => {
    const { urls, derived } = databaseUrls(
      { 'app-url': 'postgres://a@db1/app', 'temporal-url': 'postgres://a@db1/t1', 'visibility-url': 'postgres://a@db1/v1' },
      { DATABASE_URL: 'postgres://b@db2/other', TEMPORAL_DATABASE_URL: 'postgres://b@db2/t2' },
    );
    expect(urls).toEqual({ app: 'postgres://a@db1/app', temporal: 'postgres://a@db1/t1', visibility: 'postgres://a@db1/v1' });
    expect(derived).toEqual([]);
  });

  it("without Temporal's URLs, takes docker-compose.yml's names on the application's server, with its credentials, and says so", () => {
    const { urls, derived } = databaseUrls({}, { DATABASE_URL: 'postgres://chibodiem:secret@postgres:5432/chibodiem' });
    expect(urls).toEqual({
      app: 'postgres://chibodiem:secret@postgres:5432/chibodiem',
      temporal: 'postgres://chibodiem:secret@postgres:5432/temporal',
      visibility: 'postgres://chibodiem:secret@postgres:5432/temporal_visibility',
    });
    expect(derived).toEqual(['temporal', 'visibility']);
  });

  it('refuses to guess the application database', () => {
    expect(() => databaseUrls({ 'temporal-url': 'postgres://a@db1/t1' }, {})).toThrow(/--app-url or DATABASE_URL/);
  });

  it('never shows a password, and fingerprints the payload key without revealing it', () => {
    expect(shownUrl('postgres://chibodiem:s3cr%40t@db:5432/chibodiem')).toBe('postgres://chibodiem:***@db:5432/chibodiem');
    expect(shownUrl('postgres://chibodiem@localhost/chibodiem')).toBe('postgres://chibodiem@localhost/chibodiem');
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(payloadKeyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(payloadKeyFingerprint(key)).not.toBe(payloadKeyFingerprint(Buffer.alloc(32, 8).toString('base64')));
  });
});
