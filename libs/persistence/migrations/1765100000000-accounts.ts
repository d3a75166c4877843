import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: a username is one name whatever its letter case (stored in lower case, unique in lower case),
 * an account can be required to change its password before it does anything else, and a password change
 * ends the sessions opened before it.
 */
export class Accounts1765100000000 implements MigrationInterface {
  name = 'Accounts1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN password_changed_at timestamptz`);
    // Usernames that differ only in case would now clash: the oldest account keeps the lower-case name, and
    // each newer one becomes "name-2-<first four of its id>" , so no account is lost (if even that is taken, the migration stops and changes nothing).
    // Two statements: PostgreSQL checks the plain unique constraint row by row, so the newer names move first.
    await queryRunner.query(`
      WITH ranked AS (
        SELECT id, lower(username) AS name, row_number() OVER (PARTITION BY lower(username) ORDER BY created_at, id) AS rank FROM users
      )
      UPDATE users u SET username = r.name || '-' || r.rank || '-' || left(u.id::text, 4) FROM ranked r WHERE r.id = u.id AND r.rank > 1`);
    await queryRunner.query(`UPDATE users SET username = lower(username) WHERE username <> lower(username)`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_username_lower_key`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN password_change_required`);
  }
}
