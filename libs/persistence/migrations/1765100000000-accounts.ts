import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: a username is one name whatever its letter case (stored in lower case, unique in lower case),
 * and an account can be required to change its password before it does anything else.
 */
export class Accounts1765100000000 implements MigrationInterface {
  name = 'Accounts1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN password_change_required boolean NOT NULL DEFAULT false`);
    // Usernames that differ only in case would now clash: the older account keeps the lower-case name.
    await queryRunner.query(`
      UPDATE users u SET username = lower(u.username)
       WHERE u.username <> lower(u.username)
         AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> u.id AND lower(o.username) = lower(u.username))`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_lower_key ON users (lower(username))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX users_username_lower_key`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN password_change_required`);
  }
}
