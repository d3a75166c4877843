import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A step the workflow answers before its record is written (patch answer-before-record) carries its update id
 * into its timeline row, and the API answers the person only once that row is there. The API finds it among
 * one cycle's rows through the primary key (a cycle holds at most a few hundred), so it takes no index of its own;
 * the row announces itself when it commits (channel cycle_step_written, payload the step id), so the API
 * waiting for it is woken at once instead of looking again and again (libs/persistence/step-record-signals.ts).
 */
export class StepIds1765900000000 implements MigrationInterface {
  name = 'StepIds1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cycle_events ADD COLUMN step_id text`);
    await queryRunner.query(`
      CREATE FUNCTION announce_step_written() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('cycle_step_written', NEW.step_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER cycle_events_step_written AFTER INSERT ON cycle_events
      FOR EACH ROW WHEN (NEW.step_id IS NOT NULL) EXECUTE FUNCTION announce_step_written()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER cycle_events_step_written ON cycle_events`);
    await queryRunner.query(`DROP FUNCTION announce_step_written()`);
    await queryRunner.query(`ALTER TABLE cycle_events DROP COLUMN step_id`);
  }
}
