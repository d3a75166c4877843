import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN_STAGES = `('HOST_SELECTION', 'PREPARATION', 'SCHEDULED', 'CRITIQUE', 'REPORTING', 'REVIEW')`;

/** The rule of CommuneRules1765000000000 (a cell never hosts two open cycles), its host row locked with `lock`. */
const oneOpenCyclePerHost = (lock: string) => `
  CREATE OR REPLACE FUNCTION one_open_cycle_per_host() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.host_cell_id IS NOT NULL AND NEW.status IN ${OPEN_STAGES}
       AND (TG_OP = 'INSERT' OR OLD.host_cell_id IS DISTINCT FROM NEW.host_cell_id) THEN
      PERFORM 1 FROM cells WHERE id = NEW.host_cell_id ${lock};
      IF EXISTS (SELECT 1 FROM cycles WHERE host_cell_id = NEW.host_cell_id AND id <> NEW.id AND status IN ${OPEN_STAGES}) THEN
        RAISE EXCEPTION 'cell % already hosts an open cycle', NEW.host_cell_id
          USING ERRCODE = 'unique_violation', CONSTRAINT = 'one_open_cycle_per_host';
      END IF;
    END IF;
    RETURN NEW;
  END $$`;

/**
 * The host's row was locked FOR UPDATE, which also blocks the KEY SHARE lock a foreign key check takes: two
 * launches at once, each inviting the other's host (a province's burst, where every cell hosts one cycle and
 * is invited to others), deadlocked on their invitations, and a ring of 14 launches was seen retrying until
 * the API answered 503. FOR NO KEY UPDATE still orders two launches or picks of the same host, and lets the
 * foreign key checks through.
 */
export class HostLockNoKey1765800000000 implements MigrationInterface {
  name = 'HostLockNoKey1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(oneOpenCyclePerHost('FOR NO KEY UPDATE'));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(oneOpenCyclePerHost('FOR UPDATE'));
  }
}
