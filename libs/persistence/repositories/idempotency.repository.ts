import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface IdempotencyRecord {
  fingerprint: string;
  /** Null while the first attempt has not answered. */
  statusCode: number | null;
  body: unknown;
}

/**
 * The first answer to each (user, Idempotency-Key), kept for a time to live. A record older than that is
 * gone: its key can be claimed afresh.
 */
@Injectable()
export class IdempotencyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Claims the key for this request; false when a live record already holds it. */
  async claim(userId: string, key: string, fingerprint: string, ttlHours: number): Promise<boolean> {
    const claimed = await this.dataSource.query<unknown[]>(
      `INSERT INTO idempotency_records (user_id, key, request_fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET request_fingerprint = EXCLUDED.request_fingerprint, status_code = NULL, body = NULL, created_at = now()
         WHERE idempotency_records.created_at < now() - make_interval(hours => $4)
       RETURNING key`,
      [userId, key, fingerprint, ttlHours],
    );
    return claimed.length > 0;
  }

  async find(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const [record] = await this.dataSource.query<IdempotencyRecord[]>(
      `SELECT request_fingerprint AS fingerprint, status_code AS "statusCode", body FROM idempotency_records WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    return record ?? null;
  }

  /** Keeps the first answer: a record that already has one is left as it is. */
  async storeAnswer(userId: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_records SET status_code = $3, body = $4 WHERE user_id = $1 AND key = $2 AND status_code IS NULL`,
      [userId, key, statusCode, JSON.stringify(body ?? null)],
    );
  }

  /** Frees a key whose first attempt failed without an answer worth keeping (a 5xx). */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_records WHERE user_id = $1 AND key = $2 AND status_code IS NULL`, [userId, key]);
  }

  /** Deletes up to a thousand expired records. */
  async purgeExpired(ttlHours: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_records WHERE ctid IN (
         SELECT ctid FROM idempotency_records WHERE created_at < now() - make_interval(hours => $1) LIMIT 1000)`,
      [ttlHours],
    );
  }
}
