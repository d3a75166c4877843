import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A committee's own score sheets: each new version says what it was based on and, if it is for one, which kind of meeting. */
export class CommitteeRubrics1765200000003 implements MigrationInterface {
  name = 'CommitteeRubrics1765200000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rubrics ADD COLUMN kind text`);
    await queryRunner.query(`ALTER TABLE rubrics ADD COLUMN based_on_id uuid REFERENCES rubrics (id)`);
    await queryRunner.query(`ALTER TABLE rubrics ADD COLUMN created_by uuid REFERENCES users (id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE rubrics DROP COLUMN created_by`);
    await queryRunner.query(`ALTER TABLE rubrics DROP COLUMN based_on_id`);
    await queryRunner.query(`ALTER TABLE rubrics DROP COLUMN kind`);
  }
}
