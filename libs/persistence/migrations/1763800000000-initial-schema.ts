import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE committees (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cells (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        committee_id uuid NOT NULL REFERENCES committees(id),
        name text NOT NULL,
        member_count integer NOT NULL CHECK (member_count > 0),
        last_hosted_at timestamptz,
        last_rating text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cells_committee_idx ON cells (committee_id)`);
    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        password_hash text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin', 'committee', 'secretary')),
        committee_id uuid REFERENCES committees(id),
        cell_id uuid REFERENCES cells(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX users_cell_idx ON users (cell_id)`);
    await queryRunner.query(`CREATE INDEX users_committee_idx ON users (committee_id)`);
    await queryRunner.query(`
      CREATE TABLE rubrics (
        id uuid PRIMARY KEY,
        committee_id uuid REFERENCES committees(id),
        name text NOT NULL,
        version integer NOT NULL,
        is_template boolean NOT NULL DEFAULT false,
        criteria jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cycles (
        id uuid PRIMARY KEY,
        committee_id uuid NOT NULL REFERENCES committees(id),
        title text NOT NULL,
        topic text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        host_cell_id uuid REFERENCES cells(id),
        meeting_at timestamptz NOT NULL,
        location text NOT NULL,
        rubric_id uuid NOT NULL REFERENCES rubrics(id),
        rubric jsonb NOT NULL,
        critique_window text NOT NULL,
        report_window text NOT NULL,
        plan jsonb,
        meeting jsonb,
        report jsonb,
        review jsonb,
        plan_due_at timestamptz NOT NULL,
        critique_closes_at timestamptz,
        report_due_at timestamptz,
        cancel_reason text,
        last_seq integer NOT NULL DEFAULT 0,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX cycles_committee_created_idx ON cycles (committee_id, created_at DESC, id DESC)`);
    await queryRunner.query(`CREATE INDEX cycles_status_idx ON cycles (status)`);
    await queryRunner.query(`CREATE INDEX cycles_host_idx ON cycles (host_cell_id)`);
    await queryRunner.query(`
      CREATE TABLE cycle_invitations (
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        cell_id uuid NOT NULL REFERENCES cells(id),
        status text NOT NULL,
        delegate text,
        note text,
        responded_at timestamptz,
        attended boolean NOT NULL DEFAULT false,
        adoption text,
        PRIMARY KEY (cycle_id, cell_id)
      )`);
    await queryRunner.query(`CREATE INDEX cycle_invitations_cell_idx ON cycle_invitations (cell_id)`);
    await queryRunner.query(`
      CREATE TABLE critiques (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        cell_id uuid NOT NULL REFERENCES cells(id),
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL,
        points jsonb NOT NULL,
        scores jsonb,
        score_total integer,
        rating text,
        UNIQUE (cycle_id, cell_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE cycle_events (
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        seq integer NOT NULL,
        at timestamptz NOT NULL,
        event text NOT NULL,
        actor_id uuid,
        detail jsonb,
        PRIMARY KEY (cycle_id, seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        cycle_id uuid REFERENCES cycles(id),
        reason text NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        title text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE action_items (
        id uuid PRIMARY KEY,
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        cell_id uuid NOT NULL REFERENCES cells(id),
        title text NOT NULL,
        owner text NOT NULL,
        due_date date NOT NULL,
        done_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX action_items_cycle_idx ON action_items (cycle_id)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_records (
        user_id uuid NOT NULL,
        key text NOT NULL,
        request_fingerprint text NOT NULL,
        status_code integer,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_records',
      'action_items',
      'notifications',
      'cycle_events',
      'critiques',
      'cycle_invitations',
      'cycles',
      'rubrics',
      'users',
      'cells',
      'committees',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
