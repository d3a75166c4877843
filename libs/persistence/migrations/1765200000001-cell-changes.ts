import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cells change over time: a village's cell is dissolved or merged into another (its history stays readable
 * and names the cell it went into), and a cell moves to another committee.
 */
export class CellChanges1765200000001 implements MigrationInterface {
  name = 'CellChanges1765200000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cells ADD COLUMN deactivated_at timestamptz`);
    await queryRunner.query(`ALTER TABLE cells ADD COLUMN deactivation_reason text`);
    await queryRunner.query(`ALTER TABLE cells ADD COLUMN merged_into_cell_id uuid REFERENCES cells (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE cells DROP COLUMN merged_into_cell_id`);
    await queryRunner.query(`ALTER TABLE cells DROP COLUMN deactivation_reason`);
    await queryRunner.query(`ALTER TABLE cells DROP COLUMN deactivated_at`);
  }
}
