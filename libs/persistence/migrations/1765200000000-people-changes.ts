import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People change over time: an account can be deactivated (a secretary replaced after a congress), and a
 * change made to someone by the office (role, cell, deactivation, password reset) ends that person's
 * sessions from that instant. Every such change is kept in the audit trail, with before and after.
 */
export class PeopleChanges1765200000000 implements MigrationInterface {
  name = 'PeopleChanges1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN deactivated_at timestamptz`);
    await queryRunner.query(`ALTER TABLE users ADD COLUMN sessions_ended_at timestamptz`);
    await queryRunner.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id),
        committee_id uuid REFERENCES committees (id),
        entity text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_events_committee_idx ON audit_events (committee_id, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN sessions_ended_at`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN deactivated_at`);
  }
}
