import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pages' sessions: server-side, so logging out or an office ending a person's sessions takes effect at
 * once. The cookie holds a random token; only its SHA-256 is stored, so a copy of the table opens nothing.
 */
export class WebSessions1765300000000 implements MigrationInterface {
  name = 'WebSessions1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE web_sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX web_sessions_user ON web_sessions (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE web_sessions`);
  }
}
