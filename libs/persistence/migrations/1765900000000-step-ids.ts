import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A step the workflow answers before its record is written (patch answer-before-record) carries its update id
 * into its timeline row, and the API answers the person only once that row is there. The API finds it among
 * one cycle's rows through the primary key (a cycle holds at most a few hundred), so it takes no index of its own.
 */
export class StepIds1765900000000 implements MigrationInterface {
  name = 'StepIds1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cycle_events ADD COLUMN step_id text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cycle_events DROP COLUMN step_id`);
  }
}
