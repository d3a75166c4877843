import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW')`;

/**
 * Ruleset 2: half-point scores, upper-level guests and their critiques, the due time of every task, action
 * items that can be dropped, score sheets with their point step, and one open cycle per host cell.
 */
export class CommuneRules1765000000000 implements MigrationInterface {
  name = 'CommuneRules1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE critiques ALTER COLUMN score_total TYPE numeric(7, 2)`);
    await queryRunner.query(`ALTER TABLE critiques ALTER COLUMN cell_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE critiques ADD COLUMN guest_id uuid`);
    await queryRunner.query(`ALTER TABLE critiques ADD CONSTRAINT critiques_one_author CHECK ((cell_id IS NULL) <> (guest_id IS NULL))`);
    await queryRunner.query(`CREATE UNIQUE INDEX critiques_one_per_guest ON critiques (cycle_id, guest_id) WHERE guest_id IS NOT NULL`);

    await queryRunner.query(`ALTER TABLE rubrics ADD COLUMN point_step numeric(4, 2) NOT NULL DEFAULT 0.5 CHECK (point_step IN (0.25, 0.5, 1))`);

    await queryRunner.query(`
      ALTER TABLE cycles
        ADD COLUMN ruleset integer NOT NULL DEFAULT 1,
        ADD COLUMN host_due_at timestamptz,
        ADD COLUMN record_due_at timestamptz,
        ADD COLUMN review_due_at timestamptz`);

    await queryRunner.query(`
      CREATE TABLE cycle_guests (
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (cycle_id, user_id)
      )`);
    await queryRunner.query(`CREATE INDEX cycle_guests_user_idx ON cycle_guests (user_id)`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'committee', 'secretary', 'guest'))`);

    await queryRunner.query(`
      ALTER TABLE action_items
        ADD COLUMN done_by uuid,
        ADD COLUMN dropped_at timestamptz,
        ADD COLUMN dropped_by uuid,
        ADD COLUMN drop_reason text`);
    await queryRunner.query(`CREATE INDEX action_items_open_due_idx ON action_items (due_date) WHERE done_at IS NULL AND dropped_at IS NULL`);
    await queryRunner.query(`CREATE INDEX action_items_cell_idx ON action_items (cell_id)`);

    // A cell never hosts two open cycles. A trigger rather than a unique index, so cycles opened before this
    // rule existed stay as they are; the cell's row lock orders two launches or picks of the same host.
    await queryRunner.query(`
      CREATE FUNCTION one_open_cycle_per_host() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.host_cell_id IS NOT NULL AND NEW.status IN ${OPEN_STAGES}
           AND (TG_OP = 'INSERT' OR OLD.host_cell_id IS DISTINCT FROM NEW.host_cell_id) THEN
          PERFORM 1 FROM cells WHERE id = NEW.host_cell_id FOR UPDATE;
          IF EXISTS (SELECT 1 FROM cycles WHERE host_cell_id = NEW.host_cell_id AND id <> NEW.id AND status IN ${OPEN_STAGES}) THEN
            RAISE EXCEPTION 'cell % already hosts an open cycle', NEW.host_cell_id
              USING ERRCODE = 'unique_violation', CONSTRAINT = 'one_open_cycle_per_host';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER one_open_cycle_per_host BEFORE INSERT OR UPDATE OF host_cell_id ON cycles
        FOR EACH ROW EXECUTE FUNCTION one_open_cycle_per_host()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER one_open_cycle_per_host ON cycles`);
    await queryRunner.query(`DROP FUNCTION one_open_cycle_per_host()`);
    await queryRunner.query(`DROP INDEX action_items_cell_idx`);
    await queryRunner.query(`DROP INDEX action_items_open_due_idx`);
    await queryRunner.query(`ALTER TABLE action_items DROP COLUMN done_by, DROP COLUMN dropped_at, DROP COLUMN dropped_by, DROP COLUMN drop_reason`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await queryRunner.query(`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'committee', 'secretary'))`);
    await queryRunner.query(`DROP TABLE cycle_guests`);
    await queryRunner.query(`ALTER TABLE cycles DROP COLUMN ruleset, DROP COLUMN host_due_at, DROP COLUMN record_due_at, DROP COLUMN review_due_at`);
    await queryRunner.query(`ALTER TABLE rubrics DROP COLUMN point_step`);
    await queryRunner.query(`DROP INDEX critiques_one_per_guest`);
    await queryRunner.query(`ALTER TABLE critiques DROP CONSTRAINT critiques_one_author`);
    await queryRunner.query(`ALTER TABLE critiques DROP COLUMN guest_id`);
    await queryRunner.query(`ALTER TABLE critiques ALTER COLUMN cell_id SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE critiques ALTER COLUMN score_total TYPE integer USING round(score_total)`);
  }
}
