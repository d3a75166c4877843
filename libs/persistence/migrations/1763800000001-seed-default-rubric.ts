import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RUBRIC } from '../../domain/default-rubric.js';

export class SeedDefaultRubric1763800000001 implements MigrationInterface {
  name = 'SeedDefaultRubric1763800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO rubrics (id, committee_id, name, version, is_template, criteria) VALUES ($1, NULL, $2, $3, true, $4)
       ON CONFLICT (id) DO NOTHING`,
      [DEFAULT_RUBRIC.id, DEFAULT_RUBRIC.name, DEFAULT_RUBRIC.version, JSON.stringify(DEFAULT_RUBRIC.criteria)],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM rubrics WHERE id = $1`, [DEFAULT_RUBRIC.id]);
  }
}
