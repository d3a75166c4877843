import type { MigrationInterface, QueryRunner } from 'typeorm';

const announceWith = (payload: string) => `
  CREATE OR REPLACE FUNCTION announce_step_written() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM pg_notify('cycle_step_written', ${payload});
    RETURN NULL;
  END $$`;

/**
 * What the API waiting for a step answered before its record (patch answer-before-record) needs, in PostgreSQL
 * rather than from the workflow:
 *   - a step's row announces its cycle and its number with its step id ("<cycle id> <step id> <seq>"), so the
 *     API woken by it answers at once instead of looking the row up once more. The cycle is named because a step
 *     id made from a person's Idempotency-Key is the same on two cycles when that person sends the same key to both;
 *   - a step whose record the database refused is kept in refused_steps by the record activity, so the API finds
 *     the refusal where it looks for the row. It used to ask the workflow (query stepRefusal) after 1 s and then
 *     every 2 s: in a burst with more cycles moving than the worker keeps in memory, every step waited that long
 *     and each ask replayed a cycle's history on the busiest process.
 */
export class StepOutcomes1766000000000 implements MigrationInterface {
  name = 'StepOutcomes1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(announceWith(`concat_ws(' ', NEW.cycle_id, NEW.step_id, NEW.seq)`));
    await queryRunner.query(`
      CREATE TABLE refused_steps (
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        step_id text NOT NULL,
        code text NOT NULL,
        refused_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (cycle_id, step_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE refused_steps`);
    await queryRunner.query(announceWith('NEW.step_id'));
  }
}
